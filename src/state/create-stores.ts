/**
 * The one place that chooses where shared state lives: Redis when REDIS_URL is set (every
 * replica and the digest CronJob share it), this process's memory and the DIGEST_STATE file
 * otherwise (the embedded default: one replica). Callers only ever see the interfaces.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { createMemoryChannelNameCache, type ChannelNameCache } from './channel-name-cache.js';
import { createFileDigestRecord, type DigestRecordStore } from './digest-record.js';
import { createMemoryEventClaims, type EventClaims } from './event-claims.js';
import { createRedisChannelNameCache } from './redis/channel-name-cache.js';
import { createRedisConnection } from './redis/connection.js';
import { createRedisDigestRecord } from './redis/digest-record.js';
import { createRedisEventClaims } from './redis/event-claims.js';
import { createRedisVoteStore } from './redis/votes.js';
import { createMemoryVoteStore, type VoteStore } from './votes.js';

export interface Stores {
  kind: 'local' | 'redis';
  claims: EventClaims;
  digest: DigestRecordStore;
  votes: VoteStore;
  channelNames: ChannelNameCache;
  /** False while the shared store is unreachable (always true for the local one). */
  isAvailable(): boolean;
  /** Resolves once the store answers (for one-shot commands such as `npm run digest`). */
  whenReady(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoresConfig {
  redisUrl: string | undefined;
  digest: { statePath: string };
}

export function createStores(config: StoresConfig, logger: Logger): Stores {
  if (!config.redisUrl) {
    return {
      kind: 'local',
      claims: createMemoryEventClaims(),
      digest: createFileDigestRecord(config.digest.statePath),
      votes: createMemoryVoteStore(),
      channelNames: createMemoryChannelNameCache(),
      isAvailable: () => true,
      whenReady: async () => undefined,
      close: async () => undefined,
    };
  }
  const connection = createRedisConnection(config.redisUrl, logger);
  // Names this process in claims and locks: only their owner renews or deletes them.
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const guard = <T extends object>(store: T): T => failFastWhenUnavailable(store, connection.isAvailable);
  return {
    kind: 'redis',
    claims: guard(createRedisEventClaims(connection.redis, owner)),
    digest: guard(createRedisDigestRecord(connection.redis, owner)),
    votes: guard(createRedisVoteStore(connection.redis)),
    channelNames: guard(createRedisChannelNameCache(connection.redis)),
    isAvailable: connection.isAvailable,
    whenReady: connection.whenReady,
    close: connection.close,
  };
}

export class StoreUnavailableError extends Error {}

/**
 * The store's methods, failing at once while the store is known to be unreachable: a Redis that
 * hangs costs one command timeout until the health check notices, then nothing per request.
 */
function failFastWhenUnavailable<T extends object>(store: T, isAvailable: () => boolean): T {
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    guarded[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => (isAvailable() ? (value as (...a: unknown[]) => unknown).apply(store, args) : Promise.reject(new StoreUnavailableError('the shared store (REDIS_URL) is unreachable')))
        : value;
  }
  return guarded as T;
}
