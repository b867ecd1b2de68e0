import { mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, computeFingerprint } from '../../src/search/fingerprint.js';

describe('computeFingerprint', () => {
  it('does not read a file whose size and mtime match the table, and rehashes one that changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    const [a, b] = [join(dir, 'a.md'), join(dir, 'b.md')];
    await writeFile(a, 'alpha');
    await writeFile(b, 'beta');
    const first = await computeFingerprint([a, b], 'salt');
    // A table whose hash for a.md is made up: if a.md were read, the real hash would replace it.
    const sa = await stat(a);
    const known = { ...first.files, [a]: [sa.size, sa.mtimeMs, 'made-up'] as [number, number, string] };
    const trusted = await computeFingerprint([a, b], 'salt', known);
    expect(trusted.files[a]?.[2]).toBe(first.files[a]?.[2]); // remembered by this process from the first call
    await writeFile(a, 'ALPHA');
    await utimes(a, new Date(), new Date(Date.now() + 5000));
    const changed = await computeFingerprint([a, b], 'salt', known);
    expect(changed.files[a]?.[2]).not.toBe(first.files[a]?.[2]);
    expect(changed.digest).not.toBe(first.digest);
  });

  it('uses the recorded hash for unchanged files in a fresh process (the index manifest table)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    const c = join(dir, 'c.md');
    await writeFile(c, 'gamma');
    const s = await stat(c);
    const fresh = await computeFingerprint([c], 'salt', { [c]: [s.size, s.mtimeMs, 'from-manifest'] });
    expect(fresh.files[c]?.[2]).toBe('from-manifest');
    expect(fresh.digest).toBe(buildDigest({ [c]: [s.size, s.mtimeMs, 'from-manifest'] }, 'salt'));
  });

  it('gives the same digest when a file is touched without a change, and a different one when a file is removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    const d = join(dir, 'd.md');
    await writeFile(d, 'delta');
    const before = await computeFingerprint([d, join(dir, 'missing.md')], 'salt');
    await utimes(d, new Date(), new Date(Date.now() + 9000));
    expect((await computeFingerprint([d], 'salt')).digest).toBe(before.digest);
    expect((await computeFingerprint([], 'salt')).digest).not.toBe(before.digest);
  });

  it('records every file of a corpus larger than one slice of stats, and no listed file that has gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    const paths = Array.from({ length: 1_203 }, (_, i) => join(dir, `${i}.md`));
    await Promise.all(paths.map((p, i) => writeFile(p, `article ${i}`)));
    const gone = join(dir, 'gone.md');
    const { files } = await computeFingerprint([...paths.slice(0, 700), gone, ...paths.slice(700)], 'salt');
    expect(Object.keys(files).sort()).toEqual([...paths].sort());
  });
});
