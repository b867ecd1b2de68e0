/**
 * One digest run at a time per record: two runs at once (the in-app schedule and a manual
 * `npm run digest`) would both see the same articles as new. The lock is a file created
 * exclusively beside the record; a lock left by a killed run is taken over when its process
 * is gone (same host) or when it is older than any run can last.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Longer than any run: every Slack call is bounded by timeouts and a few retries. */
export const STALE_LOCK_MS = 30 * 60_000;

export class DigestBusyError extends Error {}

/** Locks this process holds: a lock file naming our pid but not in here was left by an earlier process (pid 1 in a restarted container). */
const held = new Set<string>();

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

export async function withDigestLock<T>(statePath: string, run: () => Promise<T>): Promise<T> {
  const lockPath = `${statePath}.lock`;
  await mkdir(dirname(lockPath), { recursive: true });
  await acquire(lockPath);
  held.add(lockPath);
  try {
    return await run();
  } finally {
    held.delete(lockPath);
    await unlink(lockPath).catch(() => undefined);
  }
}

async function acquire(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() } satisfies LockOwner));
      await file.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(lockPath);
    if (!isStale(owner, lockPath)) {
      throw new DigestBusyError(`Digest: another run holds ${lockPath} (pid ${owner.pid} on ${owner.host}, since ${new Date(owner.at).toISOString()}); nothing was posted`);
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new DigestBusyError(`Digest: could not take the lock ${lockPath}; nothing was posted`);
}

async function readOwner(lockPath: string): Promise<LockOwner> {
  try {
    return JSON.parse(await readFile(lockPath, 'utf8')) as LockOwner;
  } catch {
    // Half-written: by a run taking it right now, or by one killed while taking it long ago.
    const taken = await stat(lockPath).then((s) => s.mtimeMs, () => 0);
    return { pid: -1, host: '', at: Date.now() - taken < 10_000 ? taken : 0 };
  }
}

function isStale(owner: LockOwner, lockPath: string): boolean {
  if (Date.now() - owner.at > STALE_LOCK_MS) return true;
  if (owner.host !== hostname() || owner.pid < 0) return false;
  if (owner.pid === process.pid) return !held.has(lockPath);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
