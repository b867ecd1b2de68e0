/** End to end over HTTP: Web API failures, readiness while the index loads, what logs keep out. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { Searcher } from '../../src/search/searcher.js';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { allText, BOT_TOKEN, SMALL_CORPUS, startTestApp, type TestApp } from './helpers/test-app.js';
import { buildDirectMessage, buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent, SIGNING_SECRET } from './helpers/slack-requests.js';
import { messages } from '../../src/i18n/messages.js';
import { eventually } from '../support/eventually.js';

describe('Slack app (HTTP mode): failures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'info' });
    await t.slack.searcherReady;
  });
  afterAll(() => t.close());
  beforeEach(() => t.fake.reset());

  const mention = (text: string, channel = 'C0FAIL') => postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> ${text}`, channel })));

  it('retries a 429 from chat.postMessage after Retry-After, then the answer arrives', async () => {
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await mention('サイドカー');
    const answer = await t.fake.waitFor('chat.postMessage');
    expect(allText(answer.body)).toContain('サイドカーコンテナ');
    expect(t.fake.calls('chat.postMessage', { includeFailed: true }).map((c) => c.status)).toEqual([429, 200]);
  });

  it('does not repeat a response_url post that got a 5xx (Slack may have shown it) and apologises once', async () => {
    t.fake.failNext('response_url', { status: 503 });
    const url = t.fake.responseUrl();
    await postCommand(t.eventsUrl, buildSlashCommand({ text: 'dockershim', response_url: url }));
    const apology = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(url).pathname));
    expect(apology.body.text).toBe(messages('ja').mayNotHaveArrived);
    expect(t.fake.calls('response_url', { includeFailed: true }).map((c) => c.status)).toEqual([503, 200]);
  });

  it('retries a response_url post that Slack rate-limited (429: not delivered)', async () => {
    t.fake.failNext('response_url', { status: 429, retryAfter: 0 });
    await postCommand(t.eventsUrl, buildSlashCommand({ text: 'dockershim', response_url: t.fake.responseUrl() }));
    const answer = await t.fake.waitFor('response_url');
    expect(allText(answer.body)).toContain('dockershim');
    expect(t.fake.calls('response_url', { includeFailed: true }).map((c) => c.status)).toEqual([429, 200]);
  });

  it('logs a persisting 500, tries to apologise, and keeps serving the next request', async () => {
    t.fake.failNext('chat.postMessage', { status: 500 }, Infinity);
    await mention('サイドカー', 'C0BROKEN');
    const failed = await eventually('failure log', () => t.logs.find((l) => l.event === 'request' && l.outcome === 'failed' && l.channel === 'C0BROKEN'), 15_000);
    expect(failed).toMatchObject({ level: 'error', surface: 'mention', error: 'http_500' });
    await eventually('apology attempt', () => t.logs.find((l) => l.event === 'apology_failed' && l.channel === 'C0BROKEN'), 15_000);

    t.fake.clearFailures();
    await mention('dockershim', 'C0AFTER');
    await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0AFTER');
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('apologises when the answer fails but the apology gets through', async () => {
    t.fake.failNext('chat.postMessage', { ok: false, error: 'invalid_blocks' });
    await mention('サイドカー', 'C0APOLOGY');
    const apology = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0APOLOGY');
    expect(apology.body.text).toBe(messages('ja').apology);
  });

  it('recovers when auth.test failed for an earlier request', async () => {
    const fresh = await startTestApp({ logLevel: 'info' });
    try {
      await fresh.slack.searcherReady;
      fresh.fake.failNext('auth.test', { ok: false, error: 'fatal_error' });
      await postEvent(fresh.eventsUrl, buildEventEnvelope(buildDirectMessage({ text: 'サイドカー', channel: 'D0FIRST' })));
      await eventually('auth.test', () => fresh.fake.calls('auth.test', { includeFailed: true }).length >= 1, 10_000);
      await postEvent(fresh.eventsUrl, buildEventEnvelope(buildDirectMessage({ text: 'サイドカー', channel: 'D0SECOND' })));
      await fresh.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'D0SECOND');
    } finally {
      await fresh.close();
    }
  });

  it('never logs tokens, the signing secret or (at info level) the question', async () => {
    await mention('ユニークな質問文ABC サイドカー', 'C0LOGS');
    await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0LOGS');
    const line = await eventually('request log', () => t.logs.find((l) => l.event === 'request' && l.channel === 'C0LOGS'), 10_000);
    expect(line).toMatchObject({ surface: 'mention', team: 'T0001', channel: 'C0LOGS', outcome: 'ok', kind: 'question' });
    expect(typeof line.answered).toBe('boolean');
    expect(typeof line.resultCount).toBe('number');
    expect(typeof line.latencyMs).toBe('number');
    const raw = t.rawLogs();
    expect(raw).not.toContain(BOT_TOKEN);
    expect(raw).not.toContain(SIGNING_SECRET);
    expect(raw).not.toContain('ユニークな質問文ABC');
  });
});

describe('Slack app (HTTP mode): readiness', () => {
  let t: TestApp;
  let release!: () => void;
  afterEach(() => t?.close());

  it('serves /healthz at once, /readyz only once the index is loaded, and asks users to wait meanwhile', async () => {
    const gate = new Promise<void>((resolve) => (release = resolve));
    t = await startTestApp({
      loadSearcher: async () => {
        await gate;
        return new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data);
      },
    });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(503);

    await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl() }));
    expect((await t.fake.waitFor('response_url')).body.text).toBe(messages('ja').starting);

    release();
    await t.slack.searcherReady;
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);

    await t.slack.stop();
    expect(t.slack.isReady()).toBe(false);
  });
});
