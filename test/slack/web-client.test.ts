import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createWebClient, FAST_RETRY, slackErrorCode, withTrailingSlash } from '../../src/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';

const TOKEN = 'xoxb-test-token';
const logger = createLogger('silent');

describe('web-client', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const client = () => createWebClient(TOKEN, { apiUrl: fake.apiUrl, retry: FAST_RETRY, timeoutMs: 2000, logger });

  describe('createWebClient', () => {
    it('sends calls to SLACK_API_URL with the token, blocks decoded by the fake', async () => {
      await client().chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
      const [call] = fake.calls('chat.postMessage');
      expect(call?.token).toBe(TOKEN);
      expect(call?.body).toMatchObject({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
    });

    it('accepts a base URL without the trailing slash', async () => {
      const c = createWebClient(TOKEN, { apiUrl: fake.apiUrl.replace(/\/$/, ''), retry: FAST_RETRY, logger });
      await expect(c.auth.test()).resolves.toMatchObject({ ok: true, user_id: 'UBOT0001' });
    });

    it('waits for Retry-After and retries a 429', async () => {
      fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
      const result = await client().chat.postMessage({ channel: 'C1', text: 'hi' });
      expect(result.ok).toBe(true);
      expect(fake.calls('chat.postMessage', { includeFailed: true }).map((c) => c.status)).toEqual([429, 200]);
    });

    it('retries 5xx answers with backoff', async () => {
      fake.failNext('chat.postMessage', { status: 503 }, 2);
      await client().chat.postMessage({ channel: 'C1', text: 'hi' });
      expect(fake.calls('chat.postMessage', { includeFailed: true }).map((c) => c.status)).toEqual([503, 503, 200]);
    });

    it('retries a request that times out', async () => {
      fake.failNext('chat.postMessage', { delayMs: 600 });
      const c = createWebClient(TOKEN, { apiUrl: fake.apiUrl, retry: FAST_RETRY, timeoutMs: 300, logger });
      await c.chat.postMessage({ channel: 'C1', text: 'hi' });
      expect(fake.calls('chat.postMessage').length).toBeGreaterThanOrEqual(1);
    });

    it('gives up after the retries when the failure persists', async () => {
      fake.failNext('chat.postMessage', { status: 500 }, Infinity);
      const error = await client().chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
      expect(slackErrorCode(error)).toBe('http_500');
      expect(fake.calls('chat.postMessage', { includeFailed: true })).toHaveLength(1 + FAST_RETRY.retries);
    });

    it('does not retry ok:false errors', async () => {
      fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
      const error = await client().chat.postMessage({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e);
      expect(slackErrorCode(error)).toBe('not_in_channel');
      expect(fake.calls('chat.postMessage', { includeFailed: true })).toHaveLength(1);
    });
  });

  describe('withTrailingSlash', () => {
    it('adds a slash only when missing', () => {
      expect(withTrailingSlash('http://x/api')).toBe('http://x/api/');
      expect(withTrailingSlash('http://x/api/')).toBe('http://x/api/');
    });
  });
});
