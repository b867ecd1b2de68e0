import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDigestLock, DigestBusyError } from '../../src/digest/lock.js';
import { buildBaselineState } from '../../src/digest/plan.js';
import { DigestStateError, readDigestState, writeDigestState } from '../../src/digest/state.js';
import { buildMeta } from './support.js';

describe('digest/state', () => {
  it('returns undefined when there is no record yet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'state-'));
    expect(await readDigestState(join(dir, 'none.json'))).toBeUndefined();
  });

  it('writes atomically (no temporary file left) and reads back what it wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'state-'));
    const path = join(dir, 'sub', 'state.json');
    const state = buildBaselineState([buildMeta({ id: 'a' })], { now: new Date('2024-07-01T00:00:00Z') });
    await writeDigestState(path, state);
    await writeDigestState(path, state);
    expect(await readDigestState(path)).toEqual(state);
    expect(await readdir(join(dir, 'sub'))).toEqual(['state.json']);
  });

  it('refuses a broken record, naming the file, rather than starting over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'state-'));
    const path = join(dir, 'state.json');
    await writeFile(path, '{"version": 1, "articles": ');
    await expect(readDigestState(path)).rejects.toThrow(DigestStateError);
    await writeFile(path, '{"version": 7}');
    await expect(readDigestState(path)).rejects.toThrow(/state\.json" is not a digest record/);
  });
});

describe('digest/lock', () => {
  it('lets one run at a time hold the record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const path = join(dir, 'state.json');
    let release!: () => void;
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const first = withDigestLock(path, () => new Promise<void>((r) => ((release = r), held())));
    await holding;
    await expect(withDigestLock(path, async () => 'second')).rejects.toThrow(DigestBusyError);
    release();
    await first;
    await expect(withDigestLock(path, async () => 'third')).resolves.toBe('third');
  });

  it('takes over a lock naming this pid that this process does not hold (a restarted container)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const path = join(dir, 'state.json');
    const { hostname } = await import('node:os');
    await writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
    await expect(withDigestLock(path, async () => 'ran')).resolves.toBe('ran');
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const path = join(dir, 'state.json');
    const { hostname } = await import('node:os');
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    await writeFile(`${path}.lock`, JSON.stringify({ pid: 4194305, host: hostname(), at: Date.now() }));
    await expect(withDigestLock(path, async () => 'ran')).resolves.toBe('ran');
  });
});
