/**
 * Socket Mode end to end: with SLACK_APP_TOKEN set the app opens a WebSocket (apps.connections.open
 * through SLACK_API_URL), answers what arrives on it, and still serves /healthz and /readyz on PORT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { APP_TOKEN, createSocketModeTestApp, type SocketModeTestApp } from './helpers/socket-mode-app.js';
import { allText } from './helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand } from './helpers/slack-requests.js';
import { eventually } from '../support/eventually.js';

describe('Slack app (Socket Mode)', () => {
  let app: SocketModeTestApp;

  beforeAll(async () => {
    app = await createSocketModeTestApp();
    expect(app.config.mode).toBe('socket');
    await app.start();
  });
  afterAll(() => app?.close());

  it('connects with the app-level token through SLACK_API_URL', () => {
    expect(app.fake.calls('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it('serves /healthz and /readyz on PORT', async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
  });

  it('acks a slash command and answers it ephemerally', async () => {
    await app.socket.deliver('slash_commands', buildSlashCommand({ text: 'サイドカーコンテナってどう定義するの?', response_url: app.fake.responseUrl('socket-cmd') }));
    const answer = await app.fake.waitFor('response_url', (c) => c.path === '/response/socket-cmd');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(allText(answer.body)).toContain('サイドカーコンテナの定義と使いどころ');
  });

  it('answers a mention in its thread', async () => {
    const mention = buildMention({ text: `<@${FAKE_BOT.userId}> dockershim 削除 理由`, channel: 'C0SOCKET' });
    await app.socket.deliver('events_api', buildEventEnvelope(mention));
    const post = await app.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0SOCKET');
    expect(post.body.thread_ts).toBe(mention.ts);
  });

  // Last: it takes the socket down for good.
  it('says not ready on /readyz once the socket connection is lost, while /healthz stays 200', async () => {
    await app.socket.close();
    await eventually('/readyz 503', async () => (await fetch(`${app.baseUrl}/readyz`)).status === 503, 10_000);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});
