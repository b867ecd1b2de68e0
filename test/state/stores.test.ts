/** The same contract for both implementations, then what only a shared store can promise. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createStores, type Stores } from '../../src/state/create-stores.js';
import { COMMAND_TIMEOUT_MS, createRedisConnection } from '../../src/state/redis/connection.js';
import { createRedisDigestRecord, DigestLockLostError } from '../../src/state/redis/digest-record.js';
import { buildBaselineState } from '../../src/digest/plan.js';
import { REDIS_INSTALLED, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { buildMeta } from '../digest/support.js';
import { runStoreContract } from './store-contract.js';

const silent = createLogger('silent');

runStoreContract('memory and file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stores-'));
  return createStores({ redisUrl: undefined, digest: { statePath: join(dir, 'digest-state.json') } }, silent);
});

describe.skipIf(!REDIS_INSTALLED)('Redis', () => {
  let server: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url);
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.stop();
  });

  const redisStores = async (): Promise<Stores> => {
    const stores = createStores({ redisUrl: server.url, digest: { statePath: '/nonexistent/never-used.json' } }, silent);
    await stores.whenReady(5000);
    return stores;
  };

  describe('contract', () => {
    beforeEach(async () => void (await admin.flushdb()));
    runStoreContract('redis', redisStores);
  });

  describe('shared by two processes', () => {
    let a: Stores;
    let b: Stores;
    beforeEach(async () => {
      await admin.flushdb();
      [a, b] = [await redisStores(), await redisStores()];
      return async () => {
        await a.close();
        await b.close();
      };
    });

    it('a claim made by one is refused to the other, which cannot release or complete it', async () => {
      expect(await a.claims.claim('event:Ev1', 10_000)).toBe(true);
      expect(await b.claims.claim('event:Ev1', 10_000)).toBe(false);
      await b.claims.release('event:Ev1');
      expect(await b.claims.complete('event:Ev1', 10_000)).toBe(false);
      expect(await b.claims.renew('event:Ev1', 10_000)).toBe(false);
      expect(await b.claims.claim('event:Ev1', 10_000)).toBe(false);
      await a.claims.release('event:Ev1');
      expect(await b.claims.claim('event:Ev1', 10_000)).toBe(true);
    });

    it('of many claims at once on one id, exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).claims.claim('event:race', 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('both see the same digest record, and one lock between them', async () => {
      const state = buildBaselineState([buildMeta({ id: 'x' })], { now: new Date('2024-07-01T00:00:00Z') });
      await a.digest.withLock(async () => {
        await a.digest.write(state);
        await expect(b.digest.withLock(async () => 'b ran')).rejects.toThrow(/another run holds the lock/);
      });
      expect(await b.digest.read()).toEqual(state);
      await expect(b.digest.withLock(async () => 'b ran')).resolves.toBe('b ran');
    });

    it('a vote cast through one and changed through the other counts once', async () => {
      await a.votes.record('answer1', 'U1', 'up');
      expect(await b.votes.record('answer1', 'U1', 'down')).toEqual({ up: 0, down: 1 });
    });
  });

  describe('the digest lock', () => {
    beforeEach(async () => void (await admin.flushdb()));

    it('is renewed while a run lasts longer than its TTL', async () => {
      const connection = createRedisConnection(server.url, silent);
      await connection.whenReady(5000);
      const record = createRedisDigestRecord(connection.redis, 'owner-a', { lockTtlMs: 300 });
      const other = createRedisDigestRecord(connection.redis, 'owner-b', { lockTtlMs: 300 });
      await record.withLock(async () => {
        await new Promise((r) => setTimeout(r, 700));
        await expect(other.withLock(async () => 'b')).rejects.toThrow(/another run holds the lock/);
      });
      await connection.close();
    });

    it('fences writes: a run whose lock was taken over cannot overwrite the newer record', async () => {
      const connection = createRedisConnection(server.url, silent);
      await connection.whenReady(5000);
      const record = createRedisDigestRecord(connection.redis, 'owner-a');
      const state = buildBaselineState([buildMeta({ id: 'x' })], { now: new Date('2024-07-01T00:00:00Z') });
      await expect(
        record.withLock(async () => {
          // As if this run paused past the TTL and another run took the lock and wrote.
          await admin.set('k8s-bot:digest:lock', 'someone-else');
          await admin.set('k8s-bot:digest:record', 'newer');
          await record.write(state);
        }),
      ).rejects.toThrow(DigestLockLostError);
      expect(await admin.get('k8s-bot:digest:record')).toBe('newer');
      // …and its release left the other run's lock alone.
      expect(await admin.get('k8s-bot:digest:lock')).toBe('someone-else');
      await connection.close();
    });
  });

  describe('when Redis goes away', () => {
    it('reports unavailable with one log line, fails fast, and recovers with another line when Redis is back', async () => {
      const own = await startRedisServer();
      const lines: string[] = [];
      const stores = createStores({ redisUrl: own.url, digest: { statePath: '/nonexistent/x.json' } }, createLogger('info', { write: (l: string) => void lines.push(l) }));
      try {
        await stores.whenReady(5000);
        expect(stores.isAvailable()).toBe(true);
        await own.stop();
        await expect.poll(() => stores.isAvailable(), { timeout: 5000 }).toBe(false);
        const started = Date.now();
        await expect(stores.claims.claim('event:down', 1000)).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS);
        await new Promise((r) => setTimeout(r, 1500)); // several reconnection attempts
        await own.restart();
        await stores.whenReady(5000);
        expect(await stores.claims.claim('event:back', 1000)).toBe(true);
        const events = lines.map((l) => JSON.parse(l).event);
        expect(events.filter((e) => e === 'redis_unavailable')).toHaveLength(1);
        expect(events.filter((e) => e === 'redis_recovered')).toHaveLength(1);
      } finally {
        await stores.close();
        await own.stop();
      }
    });

    it('a Redis that hangs makes a command fail after the command timeout, then at once once noticed', async () => {
      const own = await startRedisServer();
      const stores = createStores({ redisUrl: own.url, digest: { statePath: '/nonexistent/x.json' } }, silent);
      try {
        await stores.whenReady(5000);
        own.pause();
        const started = Date.now();
        await expect(stores.claims.claim('event:hung', 1000)).rejects.toThrow(/timed out/i);
        expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
        await expect.poll(() => stores.isAvailable(), { timeout: 6000 }).toBe(false);
        // Once noticed, a request no longer waits for the timeout at all.
        const noticed = Date.now();
        await expect(stores.claims.claim('event:hung2', 1000)).rejects.toThrow(/unreachable/);
        expect(Date.now() - noticed).toBeLessThan(100);
        own.resume();
        await stores.whenReady(6000);
      } finally {
        own.resume();
        await stores.close();
        await own.stop();
      }
    });
  });
});
