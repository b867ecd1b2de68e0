/**
 * Sync inside `npm start`: croner runs it on SYNC_CRON (in DIGEST_TZ; empty, the default, turns
 * it off), as the digest schedule does. A run still going when the next is due is skipped
 * (croner's `protect`). New articles reach the index through the corpus hot reload; `onAdded`
 * asks it to look now rather than at its next poll.
 */
import { Cron } from 'croner';
import type { SyncSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { errorInfo } from '../logger.js';
import { syncFromConfig } from './create-sync.js';
import { formatSyncReport } from './format-sync-report.js';
import { isSyncRunOk } from './run-sync.js';

export class SyncScheduleError extends Error {}

export interface AppSyncOptions {
  corpusDir: string;
  sourcesFile?: string | undefined;
  sync: SyncSettings;
  logger: Logger;
  /** Called after a run that wrote articles. */
  onAdded?: () => void;
}

/** Starts the schedule; returns a function that stops it. Throws SyncScheduleError for a bad SYNC_CRON. */
export function startAppSync({ corpusDir, sourcesFile, sync, logger, onAdded }: AppSyncOptions): () => void {
  const log = logger.child({ component: 'sync' });
  if (sync.cron === '') {
    log.info({ event: 'sync_schedule_off' }, 'SYNC_CRON is empty: no in-process feed sync');
    return () => undefined;
  }
  let job: Cron;
  try {
    new Cron(sync.cron, { timezone: sync.timeZone, paused: true }).nextRun();
    job = new Cron(sync.cron, { timezone: sync.timeZone, protect: true }, async () => {
      try {
        const { report } = await syncFromConfig({ corpusDir, sourcesFile, sync });
        const ok = isSyncRunOk(report);
        log[ok ? 'info' : 'error']({ event: ok ? 'sync_run' : 'sync_run_failed', added: report.added.length, report: formatSyncReport(report) }, ok ? 'feed sync finished' : 'feed sync finished; some feeds could not be read');
        if (report.added.length > 0) onAdded?.();
      } catch (error) {
        log.error({ event: 'sync_run_failed', failure: errorInfo(error) }, 'feed sync failed');
      }
    });
  } catch (error) {
    throw new SyncScheduleError(`Sync: SYNC_CRON "${sync.cron}" in DIGEST_TZ "${sync.timeZone}" is not a valid schedule: ${(error as Error).message}`);
  }
  log.info({ event: 'sync_scheduled', cron: sync.cron, timeZone: sync.timeZone, next: job.nextRun()?.toISOString() }, 'feed sync scheduled');
  return () => job.stop();
}
