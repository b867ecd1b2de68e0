/**
 * The digest inside `npm start`: croner runs it on DIGEST_CRON in DIGEST_TZ (an empty
 * DIGEST_CRON turns it off). A run still going when the next is due is skipped (croner's
 * `protect`), and the record's lock stops a manual `npm run digest` running beside it.
 */
import { Cron } from 'croner';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { errorInfo } from '../logger.js';
import { formatDigestReport } from './format-report.js';
import { isDigestRunOk, runDigest } from './run-digest.js';
import { createDigestSlack } from './slack.js';

export interface DigestScheduleOptions {
  /** A cron pattern (5 or 6 fields); empty: no schedule. */
  cron: string;
  timeZone: string;
  logger: Logger;
  /** One digest run; what it throws is logged, never thrown into the scheduler. */
  run: () => Promise<unknown>;
}

export class DigestScheduleError extends Error {}

/** Starts the schedule; returns a function that stops it. */
export function startDigestSchedule({ cron, timeZone, logger, run }: DigestScheduleOptions): () => void {
  if (cron.trim() === '') {
    logger.info({ event: 'digest_schedule_off' }, 'DIGEST_CRON is empty: no in-process digest');
    return () => undefined;
  }
  const job = createCron(cron, timeZone, async () => {
    try {
      await run();
    } catch (error) {
      logger.error({ event: 'digest_run_failed', failure: errorInfo(error) }, 'digest run failed');
    }
  });
  logger.info({ event: 'digest_scheduled', cron, timeZone, next: job.nextRun()?.toISOString() }, 'digest scheduled');
  return () => job.stop();
}

/** When the schedule runs next, or undefined when it is off. */
export function selectNextDigestRun(cron: string, timeZone: string, after = new Date()): Date | undefined {
  if (cron.trim() === '') return undefined;
  const job = createCron(cron, timeZone);
  try {
    return job.nextRun(after) ?? undefined;
  } finally {
    job.stop();
  }
}

function createCron(cron: string, timeZone: string, run?: () => Promise<void>): Cron {
  try {
    const probe = new Cron(cron, { timezone: timeZone, paused: true });
    // An unknown time zone only fails when a date is computed: make it fail here, before scheduling.
    probe.nextRun();
    if (!run) return probe;
    probe.stop();
    return new Cron(cron, { timezone: timeZone, protect: true }, run);
  } catch (error) {
    throw new DigestScheduleError(`Digest: DIGEST_CRON "${cron}" in DIGEST_TZ "${timeZone}" is not a valid schedule: ${(error as Error).message}`);
  }
}

/** The running app's digest: DIGEST_* settings, each run's report logged. Returns a stop function. */
export function startAppDigest(config: SlackConfig, logger: Logger): () => void {
  const { cron, timeZone, channel, statePath } = config.digest;
  if (cron !== '' && !channel) {
    logger.warn({ event: 'digest_schedule_off' }, 'DIGEST_CHANNEL is not set: no in-process digest');
    return () => undefined;
  }
  const log = logger.child({ component: 'digest' });
  const slack = createDigestSlack(config.botToken, { apiUrl: config.apiUrl, logger: log });
  return startDigestSchedule({
    cron,
    timeZone,
    logger: log,
    run: async () => {
      const report = await runDigest({ corpusDir: config.corpusDir, sourcesFile: config.sourcesFile, statePath, channel: channel!, slack, log });
      const ok = isDigestRunOk(report);
      log[ok ? 'info' : 'error']({ event: ok ? 'digest_run' : 'digest_run_failed', report: formatDigestReport(report) }, ok ? 'digest run finished' : 'digest run failed');
    },
  });
}
