/**
 * Whether the index is stale, decided from file names, sizes and modification times: only a
 * file whose size or mtime differs from what the index recorded is read and hashed. At 10,000
 * articles reading and hashing every file took ~5 s before `ask` could answer; stat-ing them
 * takes a fraction of that.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';

/** Path → [size, mtime in ms, sha256 of the content (hex, 32 chars)]; missing files are absent. */
export type FileTable = Record<string, [size: number, mtimeMs: number, hash: string]>;

export interface Fingerprint {
  digest: string;
  files: FileTable;
}

/** Hashes remembered by this process, so the running app's polls re-read only what changed. */
const remembered: FileTable = {};

/**
 * `salt`: everything else the index depends on (schema, glossary, analysis code). `base`: paths
 * enter the digest relative to it, so a corpus copied elsewhere (the image's, into a writable
 * volume) still matches the index built from it.
 */
export async function computeFingerprint(paths: readonly string[], salt: string, known: FileTable = {}, base?: string): Promise<Fingerprint> {
  const files: FileTable = {};
  const stats = await Promise.all(paths.map((p) => stat(p).then((s) => ({ p, size: s.size, mtimeMs: s.mtimeMs }), () => undefined)));
  await Promise.all(
    stats.map(async (s) => {
      if (!s) return;
      const prior = remembered[s.p] ?? known[s.p];
      if (prior && prior[0] === s.size && prior[1] === s.mtimeMs) {
        files[s.p] = prior;
        return;
      }
      const content = await readFile(s.p).catch(() => undefined);
      if (!content) return;
      files[s.p] = [s.size, s.mtimeMs, createHash('sha256').update(content).digest('hex').slice(0, 32)];
      remembered[s.p] = files[s.p]!;
    }),
  );
  return { digest: buildDigest(files, salt, base), files };
}

/** Pure: the digest of a file table; two tables with the same paths and contents have the same digest. */
export function buildDigest(files: FileTable, salt: string, base?: string): string {
  const hash = createHash('sha256').update(salt);
  const named = Object.keys(files).map((path) => [base === undefined ? path : relative(base, path), files[path]![2]] as const);
  for (const [name, content] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${name}\n${content}\n`);
  return hash.digest('hex');
}
