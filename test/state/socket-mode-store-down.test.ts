/**
 * Socket Mode with a shared store that cannot be reached (REDIS_URL to a closed port): an event
 * is left un-acked so Slack delivers it again, a slash command is acked and answered, /readyz 503.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { Searcher } from '../../src/search/searcher.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { FAST_RETRY } from '../../src/slack/web-client.js';
import { createStores, type Stores } from '../../src/state/create-stores.js';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from '../slack/helpers/fake-socket-mode.js';
import { freePort } from '../slack/helpers/free-port.js';
import { SMALL_CORPUS } from '../slack/helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand } from '../slack/helpers/slack-requests.js';

describe('Socket Mode while the shared store is unreachable', () => {
  let fake: FakeSlackApi;
  let socket: FakeSocketMode;
  let slack: SlackApp;
  let stores: Stores;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    socket = await startFakeSocketMode();
    fake.on('apps.connections.open', () => ({ url: socket.url }));
    port = await freePort();
    // Port 1 on loopback: nothing listens, every connection is refused.
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-socket-test', SLACK_APP_TOKEN: 'xapp-1-A0APP-test', SLACK_API_URL: fake.apiUrl, PORT: String(port), CORPUS_DIR: SMALL_CORPUS, REDIS_URL: 'redis://127.0.0.1:1/0' });
    const logger = createLogger('silent');
    stores = createStores(config, logger);
    slack = createSlackApp({ config, logger, stores, loadSearcher: async () => new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data), retry: FAST_RETRY });
    await slack.start();
    await socket.connected;
    await slack.searcherReady;
  });
  afterAll(async () => {
    await slack.stop();
    await stores.close();
    await socket.close();
    await fake.close();
  });

  it('is not ready', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
  });

  it('leaves an event un-acked (Slack will deliver it again) and answers nothing', async () => {
    const acked = socket.deliver('events_api', buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0NOSTORE' })));
    const outcome = await Promise.race([acked.then(() => 'acked'), new Promise((r) => setTimeout(() => r('not acked'), 1000))]);
    expect(outcome).toBe('not acked');
    expect(fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('acks and answers a slash command without a claim', async () => {
    await socket.deliver('slash_commands', buildSlashCommand({ text: 'サイドカー', response_url: fake.responseUrl('nostore') }));
    await fake.waitFor('response_url', (c) => c.path === '/response/nostore');
  });
});
