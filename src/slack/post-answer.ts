/**
 * Posting an answer with chat.postMessage exactly once. The WebClient's own retries are off
 * here: a 5xx or a timeout does not say the message was not posted (Slack may have accepted it
 * and failed to answer), so before trying again we look for it — every answer carries message
 * metadata naming the request it answers, and the thread (conversations.replies) or channel
 * (conversations.history) is read back as the digest does. A 429 or a refused connection
 * proves nothing was posted and is simply retried; `ok: false` answers fail at once.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { SlackMessage } from './blocks/message.js';
import { buildWebClientOptions, slackErrorCode, type RetryPolicy, type WebClient } from './web-client.js';

export const ANSWER_EVENT_TYPE = 'k8s_bot_answer';

export interface AnswerTarget {
  channel: string;
  thread_ts?: string;
}

export interface AnswerPoster {
  /** Posts `message` once for `requestId` (an event id, a click's trigger id); returns its ts. */
  post(target: AnswerTarget, message: SlackMessage, requestId: string, log: Logger): Promise<string | undefined>;
}

export interface AnswerPosterOptions {
  botToken: string;
  apiUrl?: string;
  retry: RetryPolicy;
  /** Per-call timeout. Default 10 s. */
  timeoutMs?: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

/** The metadata an answer carries, naming its request. */
export function buildAnswerMetadata(requestId: string): { event_type: string; event_payload: { request_id: string } } {
  return { event_type: ANSWER_EVENT_TYPE, event_payload: { request_id: requestId } };
}

/** Whether a message read back from Slack is our answer to `requestId`. */
export function isAnswerTo(message: { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }, requestId: string): boolean {
  return message.metadata?.event_type === ANSWER_EVENT_TYPE && message.metadata.event_payload?.request_id === requestId;
}

export type PostFailure = 'not_sent' | 'unknown' | 'final';

/** What a failed Web API call says about the post: nothing was sent (retry), maybe sent (look first), or final. */
export function classifyPostFailure(error: unknown): PostFailure {
  const e = error as { code?: unknown; statusCode?: unknown; original?: { code?: unknown } };
  if (e.code === webApi.ErrorCode.RateLimitedError) return 'not_sent';
  if (e.code === webApi.ErrorCode.RequestError) return e.original?.code === 'ECONNREFUSED' ? 'not_sent' : 'unknown';
  if (e.code === webApi.ErrorCode.HTTPError) return typeof e.statusCode === 'number' && e.statusCode >= 500 ? 'unknown' : 'final';
  return 'final';
}

export function createAnswerPoster(options: AnswerPosterOptions): AnswerPoster {
  const { retry } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const client: WebClient = new webApi.WebClient(options.botToken, {
    ...buildWebClientOptions({ apiUrl: options.apiUrl, logger: options.logger, timeoutMs: options.timeoutMs, retry: { ...retry, retries: 0 } }),
    rejectRateLimitedCalls: true,
  });

  /** The ts of our answer to `requestId` posted since `oldest`, or undefined. */
  async function find(target: AnswerTarget, requestId: string, oldest: string): Promise<string | undefined> {
    const res = target.thread_ts
      ? await client.conversations.replies({ channel: target.channel, ts: target.thread_ts, oldest, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: target.channel, oldest, include_all_metadata: true, limit: 200 });
    const messages = (res.messages ?? []) as Array<{ ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }>;
    return messages.find((m) => isAnswerTo(m, requestId))?.ts;
  }

  return {
    async post(target, message, requestId, log) {
      const oldest = ((Date.now() - 60_000) / 1000).toFixed(6);
      let unknownOutcome = false;
      for (let attempt = 0; ; attempt++) {
        if (unknownOutcome) {
          // The previous attempt may have gone out: look before posting again.
          let found: string | undefined;
          try {
            found = await find(target, requestId, oldest);
          } catch (error) {
            log.error({ event: 'answer_outcome_unknown', error: slackErrorCode(error) }, 'an answer post failed ambiguously and the channel cannot be read back; not posting again');
            throw new AmbiguousPostError(error);
          }
          if (found) {
            log.info({ event: 'answer_found_after_failure', ts: found, attempt }, 'the answer had been posted despite the error; not posting again');
            return found;
          }
        }
        try {
          const res = await client.chat.postMessage({
            ...target,
            ...message,
            // The SDK's metadata type is narrower than what the Web API accepts.
            metadata: buildAnswerMetadata(requestId) as unknown as webApi.ChatPostMessageArguments['metadata'],
            unfurl_links: false,
            unfurl_media: false,
          } as webApi.ChatPostMessageArguments);
          return res.ts;
        } catch (error) {
          const kind = classifyPostFailure(error);
          if (kind === 'final') throw error;
          if (attempt >= retry.retries) {
            if (kind !== 'unknown') throw error;
            // Out of retries after an ambiguous failure: it may still have gone out.
            const found = await find(target, requestId, oldest).catch(() => undefined);
            if (found) return found;
            throw error;
          }
          unknownOutcome = kind === 'unknown';
          const retryAfterMs = ((error as { retryAfter?: number }).retryAfter ?? 0) * 1000;
          const backoff = Math.min(retry.maxTimeoutMs, retry.minTimeoutMs * 2 ** attempt) * (1 + Math.random());
          log.warn({ event: 'answer_post_retry', error: slackErrorCode(error), outcome: kind, attempt }, 'answer post failed; retrying');
          await sleep(Math.max(backoff, retryAfterMs));
        }
      }
    },
  };
}

/** An answer post whose outcome could not be established: the caller must not post it again. */
export class AmbiguousPostError extends Error {
  readonly ambiguous = true;
  constructor(cause: unknown) {
    super(`chat.postMessage outcome unknown: ${slackErrorCode(cause)}`, { cause });
  }
}
