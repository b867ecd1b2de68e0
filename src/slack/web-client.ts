/**
 * The Slack Web API client settings shared by the Bolt app and the digest job.
 *
 *   const client = createWebClient(config.botToken, { apiUrl: config.apiUrl, logger });
 *   await client.chat.postMessage({ channel, text });
 *
 * - `apiUrl` (SLACK_API_URL) points the client at another base URL, e.g. the fake Slack API
 *   of the tests (`http://127.0.0.1:PORT/api/`). Default: https://slack.com/api/.
 * - Retries: 429 responses wait for their Retry-After (done by the WebClient itself), then,
 *   like 5xx responses and network errors/timeouts, are retried with exponential backoff.
 *   `ok: false` answers (not_in_channel, …) are not retried: they will not get better.
 * - Tests pass `FAST_RETRY` (or their own `retry`) to keep the backoff to milliseconds.
 *
 * For the Bolt app, pass `buildWebClientOptions(...)` as `clientOptions` to `new App(...)`.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { createBoltLogger } from './bolt-logger.js';

export type WebClient = InstanceType<typeof webApi.WebClient>;
export type WebClientOptions = NonNullable<ConstructorParameters<typeof webApi.WebClient>[1]>;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay, doubled on each retry (with jitter). */
  minTimeoutMs: number;
  /** Upper bound of one backoff delay. */
  maxTimeoutMs: number;
}

/** Production: up to 3 retries, 0.5 s → 4 s backoff; an answer is worth little after ~10 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minTimeoutMs: 500, maxTimeoutMs: 4000 };
/** Tests: same number of retries, millisecond backoff. */
export const FAST_RETRY: RetryPolicy = { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20 };

export interface WebClientSettings {
  /** Base URL of the Web API, ending with `/` (SLACK_API_URL). Default: https://slack.com/api/ */
  apiUrl?: string;
  /** Default: DEFAULT_RETRY. */
  retry?: RetryPolicy;
  /** Per-request timeout; a timed-out request is retried. Default 10 s. */
  timeoutMs?: number;
  /** Our pino logger; the client's own lines go to a child `{ component: 'web-api' }`. */
  logger?: Logger;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function buildWebClientOptions(settings: WebClientSettings = {}): WebClientOptions {
  const retry = settings.retry ?? DEFAULT_RETRY;
  return {
    ...(settings.apiUrl ? { slackApiUrl: withTrailingSlash(settings.apiUrl) } : {}),
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs, randomize: true },
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // Never absolute URLs from method names: every call goes to apiUrl.
    allowAbsoluteUrls: false,
    ...(settings.logger ? { logger: createBoltLogger(settings.logger, 'web-api') } : {}),
  };
}

export function createWebClient(token: string | undefined, settings: WebClientSettings = {}): WebClient {
  return new webApi.WebClient(token, buildWebClientOptions(settings));
}

/** The WebClient appends method names to the base URL as is, so `…/api` must become `…/api/`. */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The Slack error code of a failed call (`not_in_channel`, `ratelimited`, …) or the HTTP status. */
export function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown; retryAfter?: unknown };
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (typeof e?.statusCode === 'number') return `http_${e.statusCode}`;
  if (typeof e?.code === 'string') return e.code;
  return error instanceof Error ? error.message : 'unknown_error';
}
