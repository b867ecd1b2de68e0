/**
 * Posting to a response_url (slash commands, button clicks), with a timeout. Such a post cannot
 * be looked up afterwards, so it is retried only when the failure proves nothing was delivered:
 * the connection was refused (or the host not found) before anything was sent, or Slack said
 * 429. A 5xx, a reset or our own timeout may come after Slack accepted the message: it is not
 * repeated, and the caller apologises once instead (ResponseUrlError.outcome === 'unknown').
 */
import type { RetryPolicy } from './web-client.js';

export const DEFAULT_RESPONSE_TIMEOUT_MS = 10_000;

export type ResponseOutcome = 'not_sent' | 'unknown' | 'final';

export class ResponseUrlError extends Error {
  constructor(
    readonly outcome: ResponseOutcome,
    readonly reason: string,
    readonly retryAfterMs = 0,
  ) {
    super(`response_url post failed (${reason}; ${outcome === 'unknown' ? 'may have been delivered' : 'not delivered'})`);
  }
}

/** Network error codes raised before a request could be sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** What a failed response_url post says about delivery. */
export function classifyResponseFailure(failure: { status: number; retryAfter?: string | null } | { error: unknown }): ResponseUrlError {
  if ('status' in failure) {
    if (failure.status === 429) return new ResponseUrlError('not_sent', 'http_429', Number(failure.retryAfter ?? 1) * 1000 || 1000);
    return new ResponseUrlError(failure.status >= 500 ? 'unknown' : 'final', `http_${failure.status}`);
  }
  const error = failure.error as { name?: string; cause?: { code?: string; name?: string } };
  if (error?.name === 'TimeoutError' || error?.cause?.name === 'TimeoutError') return new ResponseUrlError('unknown', 'timeout');
  const code = error?.cause?.code;
  if (code && NOT_SENT_CODES.has(code)) return new ResponseUrlError('not_sent', code);
  return new ResponseUrlError('unknown', code ?? error?.name ?? 'network_error');
}

export interface PostResponseOptions {
  retry: RetryPolicy;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function postResponse(url: string, message: object, options: PostResponseOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const body = JSON.stringify(message);
  for (let attempt = 0; ; attempt++) {
    let failure: ResponseUrlError;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return;
      failure = classifyResponseFailure({ status: res.status, retryAfter: res.headers.get('retry-after') });
    } catch (error) {
      failure = classifyResponseFailure({ error });
    }
    if (failure.outcome !== 'not_sent' || attempt >= options.retry.retries) throw failure;
    const backoff = Math.min(options.retry.maxTimeoutMs, options.retry.minTimeoutMs * 2 ** attempt) * (1 + Math.random());
    await sleep(Math.max(backoff, failure.retryAfterMs));
  }
}
