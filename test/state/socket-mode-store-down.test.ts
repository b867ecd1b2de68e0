/**
 * Socket Mode with a shared store that cannot be reached (REDIS_URL to a closed port): an event
 * is left un-acked so Slack delivers it again, a slash command is acked and answered, /readyz 503.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { createSocketModeTestApp, type SocketModeTestApp } from '../slack/helpers/socket-mode-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand } from '../slack/helpers/slack-requests.js';

describe('Socket Mode while the shared store is unreachable', () => {
  let app: SocketModeTestApp;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, every connection is refused.
    app = await createSocketModeTestApp({ REDIS_URL: 'redis://127.0.0.1:1/0' });
    await app.start();
  });
  afterAll(() => app?.close());

  it('is not ready', async () => {
    expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(503);
  });

  it('leaves an event un-acked (Slack will deliver it again) and answers nothing', async () => {
    const acked = app.socket.deliver('events_api', buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0NOSTORE' })));
    const outcome = await Promise.race([acked.then(() => 'acked'), new Promise((r) => setTimeout(() => r('not acked'), 1000))]);
    expect(outcome).toBe('not acked');
    expect(app.fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('acks and answers a slash command without a claim', async () => {
    await app.socket.deliver('slash_commands', buildSlashCommand({ text: 'サイドカー', response_url: app.fake.responseUrl('nostore') }));
    await app.fake.waitFor('response_url', (c) => c.path === '/response/nostore');
  });
});
