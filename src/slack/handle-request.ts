/**
 * One log line per handled request (surface, ids, latency, result count, answered) and the
 * failure path: a request that fails is logged, the user gets an apology where possible, and
 * nothing is thrown on — one bad request never takes the app down.
 */
import { errorInfo, type Logger } from '../logger.js';
import { slackErrorCode } from './web-client.js';

export type Surface = 'command' | 'mention' | 'dm' | 'action';

export interface RequestIds {
  surface: Surface;
  /** The button's action_id, for actions. */
  action?: string;
  team?: string;
  channel?: string;
  user?: string;
  eventId?: string;
}

export interface RequestOutcome {
  /** help, latest, question, unavailable, share, more_results, feedback … */
  kind: string;
  answered?: boolean;
  resultCount?: number;
}

/**
 * Runs `work` with a child logger bound to the request's ids, then logs one `request` line.
 * When `work` throws: logs the error, runs `apologise` with it (its own failure only logged), resolves.
 */
export async function handleRequest(
  root: Logger,
  ids: RequestIds,
  work: (log: Logger) => Promise<RequestOutcome>,
  apologise?: (log: Logger, error: unknown) => Promise<unknown>,
): Promise<void> {
  const log = root.child(Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)));
  const started = performance.now();
  const latencyMs = (): number => Math.round(performance.now() - started);
  try {
    const outcome = await work(log);
    log.info({ event: 'request', outcome: 'ok', ...outcome, latencyMs: latencyMs() }, `${ids.surface} handled`);
  } catch (error) {
    log.error({ event: 'request', outcome: 'failed', error: slackErrorCode(error), failure: errorInfo(error), latencyMs: latencyMs() }, `${ids.surface} failed`);
    if (!apologise) return;
    try {
      await apologise(log, error);
    } catch (apologyError) {
      log.warn({ event: 'apology_failed', error: slackErrorCode(apologyError) }, 'could not tell the user about the failure');
    }
  }
}
