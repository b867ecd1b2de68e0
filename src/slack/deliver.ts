/**
 * Sending replies: every message is checked against Block Kit limits first; response_url posts
 * go through postResponse (timeout, retried only when provably not delivered); a failed reply
 * gets one apology, worded for what is known about the failed post.
 */
import type { Logger } from '../logger.js';
import { findLimitProblems } from './blocks/limits.js';
import type { SlackMessage } from './blocks/message.js';
import { NOTICES } from './blocks/help-blocks.js';
import { postResponse, ResponseUrlError } from './post-response.js';
import type { RetryPolicy } from './web-client.js';

/**
 * The message itself when it keeps every limit; otherwise (a builder bug) its text alone,
 * logged: Slack would reject the whole message and the user would get nothing.
 */
export function withinLimits(message: SlackMessage, log: Logger): SlackMessage {
  const problems = findLimitProblems(message);
  if (problems.length === 0) return message;
  log.error({ event: 'block_limits_exceeded', problems }, 'message breaks Block Kit limits; sending text only');
  return { text: message.text.slice(0, 3000) || '…', blocks: [] };
}

export interface ResponseDelivery {
  retry: RetryPolicy;
  /** Timeout of one response_url post. */
  responseTimeoutMs?: number;
}

/** Posts `message` to a response_url (see post-response.ts for what is retried). */
export function sendResponse(url: string | undefined, message: object, delivery: ResponseDelivery): Promise<void> {
  if (!url) return Promise.reject(new ResponseUrlError('final', 'no response_url'));
  return postResponse(url, message, { retry: delivery.retry, timeoutMs: delivery.responseTimeoutMs });
}

/** True when a failed reply may nevertheless have reached the user (so an apology must say so). */
export function mayHaveArrived(error: unknown): boolean {
  return (error instanceof ResponseUrlError && error.outcome === 'unknown') || (error as { ambiguous?: unknown })?.ambiguous === true;
}

/** The one apology after a failed reply: "it may not have arrived" when the post's outcome is unknown. */
export function apologyFor(error: unknown, apology: string = NOTICES.apology): string {
  return mayHaveArrived(error) ? NOTICES.mayNotHaveArrived : apology;
}
