/**
 * The digest record and lock in Redis, shared by every replica and the CronJob. The lock is
 * SET NX PX with an owner token, renewed while the run lasts (a killed run's lock is free
 * within LOCK_TTL_MS), and deleted only by its owner. Writes made under the lock are fenced:
 * Redis refuses them once the lock is no longer the run's, so a run that lost it (paused past
 * its TTL) stops instead of overwriting a newer run's record.
 */
import { randomUUID } from 'node:crypto';
import { DigestBusyError } from '../../digest/lock.js';
import { parseDigestState, type DigestState } from '../../digest/state.js';
import type { DigestRecordStore } from '../digest-record.js';
import { KEY_PREFIX, type ScriptedRedis } from './scripts.js';

export const LOCK_TTL_MS = 60_000;
const RECORD_KEY = `${KEY_PREFIX}digest:record`;
const LOCK_KEY = `${KEY_PREFIX}digest:lock`;

export class DigestLockLostError extends Error {}

export function createRedisDigestRecord(redis: ScriptedRedis, owner: string, options: { lockTtlMs?: number } = {}): DigestRecordStore {
  const lockTtlMs = options.lockTtlMs ?? LOCK_TTL_MS;
  let held: string | undefined;
  return {
    location: `Redis key ${RECORD_KEY}`,
    async read() {
      const text = await redis.get(RECORD_KEY);
      return text === null ? undefined : parseDigestState(text, `Redis key ${RECORD_KEY}`);
    },
    async write(state: DigestState) {
      const text = JSON.stringify(state);
      if (held === undefined) {
        await redis.set(RECORD_KEY, text);
        return;
      }
      if ((await redis.setIfLockHeld(LOCK_KEY, RECORD_KEY, held, text)) !== 1) {
        throw new DigestLockLostError(`Digest: this run no longer holds the lock (${LOCK_KEY} expired or was taken over); it stops here and the next run completes what is missing`);
      }
    },
    async withLock(run) {
      // The value names the run and when it began; the whole value is its owner token.
      const lockValue = JSON.stringify({ owner: `${owner}:${randomUUID()}`, at: Date.now() });
      if ((await redis.set(LOCK_KEY, lockValue, 'PX', lockTtlMs, 'NX')) !== 'OK') {
        const current = await redis.get(LOCK_KEY).catch(() => null);
        const since = current ? new Date((JSON.parse(current) as { at: number }).at).toISOString() : 'a moment ago';
        throw new DigestBusyError(`Digest: another run holds the lock in Redis (${LOCK_KEY}, since ${since}); nothing was posted`);
      }
      held = lockValue;
      const renew = setInterval(() => void redis.expireIfOwner(LOCK_KEY, lockValue, lockTtlMs).catch(() => 0), Math.max(50, lockTtlMs / 3));
      renew.unref();
      try {
        return await run();
      } finally {
        clearInterval(renew);
        held = undefined;
        // If Redis is unreachable now, the lock expires on its own within lockTtlMs.
        await redis.deleteIfOwner(LOCK_KEY, lockValue).catch(() => 0);
      }
    },
  };
}
