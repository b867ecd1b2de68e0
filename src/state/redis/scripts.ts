/**
 * Lua scripts (run atomically by Redis) for everything that must check an owner before it
 * changes a key: a claim or lock is renewed, completed or deleted only by whoever holds it.
 */
import type { Redis } from 'ioredis';

export const SCRIPTS = {
  /** KEYS[1] claim/lock, ARGV[1] owner token → 1 if deleted. */
  deleteIfOwner: { numberOfKeys: 1, lua: "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0" },
  /** KEYS[1], ARGV[1] owner token, ARGV[2] ms → 1 if extended. */
  expireIfOwner: { numberOfKeys: 1, lua: "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0" },
  /** KEYS[1], ARGV[1] owner token, ARGV[2] new value, ARGV[3] ms → 1 if replaced. */
  replaceIfOwner: {
    numberOfKeys: 1,
    lua: "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0",
  },
  /** KEYS[1] lock, KEYS[2] key to write, ARGV[1] lock token, ARGV[2] value → 1 if written (the writer still holds the lock). */
  setIfLockHeld: { numberOfKeys: 2, lua: "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2]) return 1 end return 0" },
} as const;

export type ScriptedRedis = Redis & {
  deleteIfOwner(key: string, token: string): Promise<number>;
  expireIfOwner(key: string, token: string, ms: number): Promise<number>;
  replaceIfOwner(key: string, token: string, value: string, ms: number): Promise<number>;
  setIfLockHeld(lockKey: string, key: string, token: string, value: string): Promise<number>;
};

/** All our keys start with this; one Redis database per bot installation. */
export const KEY_PREFIX = 'k8s-bot:';
