/**
 * The digest's Slack calls: list channels, read digest metadata back from a channel's history,
 * post a digest message. Retries are done here rather than inside the WebClient because a
 * post that failed ambiguously (5xx, timeout) may still have gone out: before posting again
 * we look for it in the channel, so a retry never announces an article twice.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { buildWebClientOptions, DEFAULT_RETRY, type RetryPolicy, type WebClient } from '../slack/web-client.js';
import { parseDigestMetadata, type DigestMessage } from './message.js';

const LIST_PAGES = 20;
const HISTORY_PAGES = 10;
const PAGE_SIZE = 200;

export interface DigestClientSettings {
  apiUrl?: string;
  retry?: RetryPolicy;
  timeoutMs?: number;
  logger?: Logger;
}

export interface DigestSlack {
  client: WebClient;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
}

/** The shared client settings, with the WebClient's own retries off: `withRetry` does them. */
export function createDigestSlack(token: string, { apiUrl, retry = DEFAULT_RETRY, timeoutMs, logger }: DigestClientSettings = {}): DigestSlack {
  const options = buildWebClientOptions({ apiUrl, logger, timeoutMs, retry: { ...retry, retries: 0 } });
  const client = new webApi.WebClient(token, { ...options, rejectRateLimitedCalls: true });
  return { client, retry, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
}

export interface SlackChannel {
  id: string;
  name: string;
  isMember: boolean;
}

export async function readChannels(slack: DigestSlack): Promise<SlackChannel[]> {
  const out: SlackChannel[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < LIST_PAGES; page++) {
    const res = await withRetry(slack, () =>
      slack.client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    );
    for (const c of res.channels ?? []) if (c.id && c.name) out.push({ id: c.id, name: c.name, isMember: c.is_member === true });
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return out;
}

/** Article id → ts of the digest message naming it, from the channel's history since `oldest` (Slack ts). */
export async function readAnnouncedArticles(slack: DigestSlack, channel: string, oldest?: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const res = await withRetry(slack, () =>
      slack.client.conversations.history({ channel, include_all_metadata: true, limit: PAGE_SIZE, ...(oldest ? { oldest } : {}), ...(cursor ? { cursor } : {}) }),
    );
    for (const m of res.messages ?? []) {
      if (!m.ts) continue;
      for (const id of parseDigestMetadata(m.metadata)) if (!found.has(id)) found.set(id, m.ts);
    }
    cursor = res.has_more ? res.response_metadata?.next_cursor || undefined : undefined;
    if (!cursor) break;
  }
  return found;
}

/** Posts one digest message; returns its ts. */
export async function postDigestMessage(slack: DigestSlack, channel: string, message: DigestMessage): Promise<string> {
  const sentAt = toSlackTs(Date.now() - 60_000);
  const res = await withRetry(
    slack,
    // The SDK's metadata type leaves out arrays of strings, which the Web API accepts.
    () => slack.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata: message.metadata as unknown as webApi.ChatPostMessageArguments['metadata'], unfurl_links: false, unfurl_media: false }),
    // A 5xx or a timeout does not say the message was not posted: look before posting again.
    async () => {
      const announced = await readAnnouncedArticles(slack, channel, sentAt);
      const ts = message.articleIds.map((id) => announced.get(id));
      return ts.every((t) => t !== undefined) ? { ok: true, ts: ts[0]! } : undefined;
    },
  );
  if (!res.ts) throw new Error(`Slack: chat.postMessage to ${channel} returned no ts`);
  return res.ts;
}

/**
 * Retries rate limits (after Retry-After), 5xx answers and network errors with exponential
 * backoff; `ok: false` answers fail at once. `recover`, when given, runs before retrying an
 * ambiguous failure and may return the result the failed call actually produced.
 */
export async function withRetry<T>(slack: DigestSlack, call: () => Promise<T>, recover?: () => Promise<T | undefined>): Promise<T> {
  const { retries, minTimeoutMs, maxTimeoutMs } = slack.retry;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const kind = classifyError(error);
      if (kind === 'final' || attempt >= retries) throw error;
      const backoff = Math.min(maxTimeoutMs, minTimeoutMs * 2 ** attempt) * (1 + Math.random());
      const retryAfterMs = kind === 'rate-limited' ? ((error as { retryAfter?: number }).retryAfter ?? 1) * 1000 : 0;
      await slack.sleep(Math.max(backoff, retryAfterMs));
      if (kind === 'ambiguous' && recover) {
        const done = await recover().catch(() => undefined);
        if (done !== undefined) return done;
      }
    }
  }
}

function classifyError(error: unknown): 'rate-limited' | 'ambiguous' | 'final' {
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.RateLimitedError) return 'rate-limited';
  if (code === webApi.ErrorCode.RequestError) return 'ambiguous';
  if (code === webApi.ErrorCode.HTTPError) return ((error as { statusCode?: number }).statusCode ?? 0) >= 500 ? 'ambiguous' : 'final';
  return 'final';
}

/** Milliseconds since the epoch → a Slack timestamp (`seconds.micros`). */
export function toSlackTs(ms: number): string {
  return (ms / 1000).toFixed(6);
}
