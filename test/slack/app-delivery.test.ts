/**
 * End to end over HTTP, through a fault proxy between the app and the fake Slack API: posts
 * that Slack accepted although the app saw a 5xx, its own timeout or a dropped connection.
 * Each scenario runs ten times at once and counts, per question, what reached the fake Slack:
 * exactly one answer (no duplicate, none lost), and an apology only where the app could not know.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { allText, startTestApp, type TestApp } from './helpers/test-app.js';
import { buildDirectMessage, buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent } from './helpers/slack-requests.js';
import { messages } from '../../src/i18n/messages.js';
import { eventually } from '../support/eventually.js';

const RUNS = 10;

describe('Slack app (HTTP mode): ambiguous failures', () => {
  let t: TestApp;
  let proxy: FaultProxy;
  let scenario = 0;
  beforeAll(async () => {
    t = await startTestApp({
      logLevel: 'info',
      apiUrl: async (fake) => {
        proxy = await startFaultProxy(fake.baseUrl);
        return proxy.apiUrl;
      },
      webApiTimeoutMs: 400,
      responseTimeoutMs: 400,
    });
    await t.slack.searcherReady;
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });
  beforeEach(() => {
    t.fake.reset();
    proxy.reset();
    scenario++;
  });

  const answersIn = (channel: string) => t.fake.calls('chat.postMessage').filter((c) => c.body.channel === channel);

  it.each<[string, Fault]>([
    ['a 5xx after Slack accepted it', 'error_after_forward'],
    ['its own timeout after Slack accepted it', 'hang_after_forward'],
  ])('posts a mention answer once when chat.postMessage got %s', async (_what, fault) => {
    proxy.inject('chat.postMessage', fault, RUNS);
    const channels = Array.from({ length: RUNS }, (_, i) => `C${scenario}X${i}`);
    await Promise.all(channels.map((channel) => postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel })))));
    await eventually('every answer', () => channels.every((c) => answersIn(c).length >= 1), 15_000);
    await eventually('every request finished', () => t.logs.filter((l) => l.event === 'request' && channels.includes(l.channel)).length === RUNS, 15_000);
    expect(proxy.applied('chat.postMessage')).toHaveLength(RUNS);
    for (const channel of channels) {
      const posted = answersIn(channel);
      expect(posted, channel).toHaveLength(1);
      expect(allText(posted[0]!.body)).toContain('サイドカーコンテナ');
      expect(posted[0]!.body.metadata).toMatchObject({ event_type: 'k8s_bot_answer' });
    }
    expect(t.fake.calls('conversations.replies').length).toBeGreaterThanOrEqual(RUNS);
  });

  it('posts a DM answer once when the connection was dropped before anything was sent', async () => {
    proxy.inject('chat.postMessage', 'drop', RUNS);
    const channels = Array.from({ length: RUNS }, (_, i) => `D${scenario}X${i}`);
    await Promise.all(channels.map((channel) => postEvent(t.eventsUrl, buildEventEnvelope(buildDirectMessage({ text: 'dockershim', channel })))));
    await eventually('every request finished', () => t.logs.filter((l) => l.event === 'request' && channels.includes(l.channel)).length === RUNS, 15_000);
    for (const channel of channels) expect(answersIn(channel), channel).toHaveLength(1);
    // Nothing was sent, so each answer was looked for in the DM (history) before the retry.
    expect(t.fake.calls('conversations.history').length).toBeGreaterThanOrEqual(RUNS);
  });

  it.each<[string, Fault]>([
    ['a 5xx after Slack accepted it', 'error_after_forward'],
    ['its own timeout after Slack accepted it', 'hang_after_forward'],
  ])('never repeats a slash-command answer whose response_url post got %s; one note instead', async (_what, fault) => {
    proxy.injectFirstPerPath('response_url', fault);
    const ids = Array.from({ length: RUNS }, (_, i) => `s${scenario}x${i}`);
    await Promise.all(ids.map((id) => postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: proxy.responseUrl(id) }))));
    await eventually('answers and notes', () => t.logs.filter((l) => l.event === 'request' && l.surface === 'command').length >= RUNS && ids.every((id) => t.fake.calls('response_url').filter((c) => c.path.endsWith(`/${id}`)).length >= 2), 15_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(proxy.applied('response_url')).toHaveLength(RUNS);
    for (const id of ids) {
      const posts = t.fake.calls('response_url').filter((c) => c.path.endsWith(`/${id}`));
      const answers = posts.filter((c) => allText(c.body).includes('サイドカーコンテナ'));
      const notes = posts.filter((c) => String(c.body.text) === messages('ja').mayNotHaveArrived);
      expect(answers, id).toHaveLength(1);
      expect(notes, id).toHaveLength(1);
      expect(posts, id).toHaveLength(2);
    }
  });

  it('retries a response_url post refused before anything was sent, then apologises through the Web API', async () => {
    const closed = await closedPortUrl();
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: closed }));
    expect(res.status).toBe(200);
    const apology = await t.fake.waitFor('chat.postEphemeral');
    expect(apology.body.text).toBe(messages('ja').apology);
    expect(t.fake.calls('chat.postEphemeral')).toHaveLength(1);
  });
});

/** A URL on a port nothing listens on (connection refused). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/response/refused`;
}
