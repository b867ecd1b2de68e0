/**
 * What every Stores implementation promises (src/state/): run by stores.test.ts against the
 * embedded default (memory + DIGEST_STATE file) and against a real redis-server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DigestBusyError } from '../../src/digest/lock.js';
import { buildBaselineState } from '../../src/digest/plan.js';
import type { Stores } from '../../src/state/create-stores.js';
import { buildMeta } from '../digest/support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function runStoreContract(name: string, makeStores: () => Promise<Stores>): void {
  describe(`${name}: the store contract`, () => {
    let stores: Stores;
    let n = 0;
    let id: string;
    beforeEach(async () => {
      stores = await makeStores();
      id = `${name}-${++n}-${Date.now()}`;
      return () => stores.close();
    });

    describe('event claims', () => {
      it('lets one claim through; the same id again is refused', async () => {
        expect(await stores.claims.claim(id, 10_000)).toBe(true);
        expect(await stores.claims.claim(id, 10_000)).toBe(false);
        expect(await stores.claims.isDone(id)).toBe(false);
      });

      it('is free again once released (nothing was posted), so a retry can do the work', async () => {
        await stores.claims.claim(id, 10_000);
        await stores.claims.release(id);
        expect(await stores.claims.claim(id, 10_000)).toBe(true);
      });

      it('stays taken once completed, and release no longer frees it', async () => {
        await stores.claims.claim(id, 10_000);
        expect(await stores.claims.complete(id, 10_000)).toBe(true);
        await stores.claims.release(id);
        expect(await stores.claims.isDone(id)).toBe(true);
        expect(await stores.claims.claim(id, 10_000)).toBe(false);
      });

      it('expires after its lease unless renewed', async () => {
        await stores.claims.claim(id, 150);
        await stores.claims.claim(`${id}-renewed`, 150);
        await sleep(80);
        expect(await stores.claims.renew(`${id}-renewed`, 1000)).toBe(true);
        await sleep(120);
        expect(await stores.claims.claim(id, 1000)).toBe(true);
        expect(await stores.claims.claim(`${id}-renewed`, 1000)).toBe(false);
      });

      it('does not renew or complete a claim that expired', async () => {
        await stores.claims.claim(id, 50);
        await sleep(80);
        expect(await stores.claims.renew(id, 1000)).toBe(false);
        expect(await stores.claims.complete(id, 1000)).toBe(false);
        expect(await stores.claims.isDone(id)).toBe(false);
      });
    });

    describe('digest record and lock', () => {
      const state = buildBaselineState([buildMeta({ id: 'a' }), buildMeta({ id: 'b' })], { now: new Date('2024-07-01T00:00:00Z') });

      it('has no record at first, then reads back what was written', async () => {
        expect(await stores.digest.read()).toBeUndefined();
        await stores.digest.withLock(() => stores.digest.write(state));
        expect(await stores.digest.read()).toEqual(state);
      });

      it('lets one run at a time hold the lock, and frees it when the run ends or throws', async () => {
        let release!: () => void;
        let held!: () => void;
        const holding = new Promise<void>((r) => (held = r));
        const first = stores.digest.withLock(() => new Promise<void>((r) => ((release = r), held())));
        await holding;
        await expect(stores.digest.withLock(async () => 'second')).rejects.toThrow(DigestBusyError);
        release();
        await first;
        await expect(stores.digest.withLock(async () => { throw new Error('run failed'); })).rejects.toThrow('run failed');
        await expect(stores.digest.withLock(async () => 'third')).resolves.toBe('third');
      });
    });

    describe('votes', () => {
      it('counts one vote per person per answer; a second click replaces the first', async () => {
        expect(await stores.votes.record(id, 'U1', 'up')).toEqual({ up: 1, down: 0 });
        expect(await stores.votes.record(id, 'U1', 'up')).toEqual({ up: 1, down: 0 });
        expect(await stores.votes.record(id, 'U1', 'down')).toEqual({ up: 0, down: 1 });
        expect(await stores.votes.record(id, 'U2', 'up')).toEqual({ up: 1, down: 1 });
        expect(await stores.votes.tally(id)).toEqual({ up: 1, down: 1 });
        expect(await stores.votes.tally(`${id}-other`)).toEqual({ up: 0, down: 0 });
      });
    });

    describe('channel-name cache', () => {
      it('remembers a name, and a failed lookup, until the TTL ends', async () => {
        expect(await stores.channelNames.get(`C${n}A`)).toBeUndefined();
        await stores.channelNames.set(`C${n}A`, 'sig-node', 100);
        await stores.channelNames.set(`C${n}B`, undefined, 100);
        expect(await stores.channelNames.get(`C${n}A`)).toEqual({ name: 'sig-node' });
        expect(await stores.channelNames.get(`C${n}B`)).toEqual({ name: undefined });
        await sleep(150);
        expect(await stores.channelNames.get(`C${n}A`)).toBeUndefined();
      });
    });
  });
}
