/**
 * Sending replies: response_url posts get the same retry policy as Web API calls (Bolt's
 * `respond` does not retry), and every message is checked against Block Kit limits first.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { findLimitProblems } from './blocks/limits.js';
import type { SlackMessage } from './blocks/message.js';
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

/** Posts to the response_url, retrying 429, 5xx and network errors with backoff. */
export async function respondWithRetry(respond: RespondFn, message: RespondArguments, retry: RetryPolicy): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await respond(message);
      return;
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      const retryable = typeof status !== 'number' || status === 429 || status >= 500;
      if (!retryable || attempt >= retry.retries) throw error;
      const backoff = Math.min(retry.maxTimeoutMs, retry.minTimeoutMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, backoff * (1 + Math.random())));
    }
  }
}
