/**
 * Where the digest keeps what it has announced, and the one-run-at-a-time lock around a run:
 * the `DIGEST_STATE` file and a lock file beside it (one machine), or Redis (every replica and
 * the CronJob). `npm run digest`, the in-app schedule and `/k8s digest` all go through this.
 */
import { withDigestLock } from '../digest/lock.js';
import { readDigestState, writeDigestState, type DigestState } from '../digest/state.js';

export interface DigestRecordStore {
  /** The record, or undefined when there is none yet. */
  read(): Promise<DigestState | undefined>;
  /** Replaces the record. Inside `withLock`, refused once the lock is no longer this run's. */
  write(state: DigestState): Promise<void>;
  /** Runs `run` holding the digest lock; throws DigestBusyError (nothing run) when another run holds it. */
  withLock<T>(run: () => Promise<T>): Promise<T>;
  /** Where the record lives, for messages. */
  readonly location: string;
}

export function createFileDigestRecord(statePath: string): DigestRecordStore {
  return {
    read: () => readDigestState(statePath),
    write: (state) => writeDigestState(statePath, state),
    withLock: (run) => withDigestLock(statePath, run),
    location: statePath,
  };
}
