/**
 * Socket Mode end to end: with SLACK_APP_TOKEN set the app opens a WebSocket (apps.connections.open
 * through SLACK_API_URL), answers what arrives on it, and still serves /healthz and /readyz on PORT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { Searcher } from '../../src/search/searcher.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { FAST_RETRY } from '../../src/slack/web-client.js';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from './helpers/fake-socket-mode.js';
import { freePort } from './helpers/free-port.js';
import { allText, SMALL_CORPUS } from './helpers/test-app.js';
import { eventually } from '../digest/support.js';
import { buildEventEnvelope, buildMention, buildSlashCommand } from './helpers/slack-requests.js';

const APP_TOKEN = 'xapp-1-A0APP-test';

describe('Slack app (Socket Mode)', () => {
  let fake: FakeSlackApi;
  let socket: FakeSocketMode;
  let slack: SlackApp;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    socket = await startFakeSocketMode();
    fake.on('apps.connections.open', () => ({ url: socket.url }));
    port = await freePort();
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-socket-test', SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: String(port), CORPUS_DIR: SMALL_CORPUS });
    expect(config.mode).toBe('socket');
    slack = createSlackApp({ config, logger: createLogger('silent'), loadSearcher: async () => new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data), retry: FAST_RETRY });
    await slack.start();
    await socket.connected;
    await slack.searcherReady;
  });
  afterAll(async () => {
    await slack.stop();
    await socket.close();
    await fake.close();
  });

  it('connects with the app-level token through SLACK_API_URL', () => {
    expect(fake.calls('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it('serves /healthz and /readyz on PORT', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('acks a slash command and answers it ephemerally', async () => {
    await socket.deliver('slash_commands', buildSlashCommand({ text: 'サイドカーコンテナってどう定義するの?', response_url: fake.responseUrl('socket-cmd') }));
    const answer = await fake.waitFor('response_url', (c) => c.path === '/response/socket-cmd');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(allText(answer.body)).toContain('サイドカーコンテナの定義と使いどころ');
  });

  it('answers a mention in its thread', async () => {
    const mention = buildMention({ text: `<@${FAKE_BOT.userId}> dockershim 削除 理由`, channel: 'C0SOCKET' });
    await socket.deliver('events_api', buildEventEnvelope(mention));
    const post = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0SOCKET');
    expect(post.body.thread_ts).toBe(mention.ts);
  });

  // Last: it takes the socket down for good.
  it('says not ready on /readyz once the socket connection is lost, while /healthz stays 200', async () => {
    await socket.close();
    await eventually('/readyz 503', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 503, 10_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
