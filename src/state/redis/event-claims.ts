/** Event claims in Redis: SET NX PX takes a claim, everything else checks the owner token in Lua. */
import type { EventClaims } from '../event-claims.js';
import { KEY_PREFIX, type ScriptedRedis } from './scripts.js';

const DONE = 'done:';

export function createRedisEventClaims(redis: ScriptedRedis, owner: string): EventClaims {
  const key = (id: string): string => `${KEY_PREFIX}claim:${id}`;
  return {
    async claim(id, ttlMs) {
      return (await redis.set(key(id), owner, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async renew(id, ttlMs) {
      return (await redis.expireIfOwner(key(id), owner, ttlMs)) === 1;
    },
    async complete(id, ttlMs) {
      return (await redis.replaceIfOwner(key(id), owner, `${DONE}${owner}`, ttlMs)) === 1;
    },
    async release(id) {
      await redis.deleteIfOwner(key(id), owner);
    },
    async isDone(id) {
      return (await redis.get(key(id)))?.startsWith(DONE) === true;
    },
  };
}
