/**
 * The real app in Socket Mode (SLACK_APP_TOKEN set), its WebSocket opened through the fake Slack
 * Web API (apps.connections.open) to the fake Socket Mode server, its health server on a free
 * port of 127.0.0.1. Created first and started apart, so a test can check the config in between.
 */
import { loadSlackConfig, type SlackConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { buildIndexFromCorpus } from '../../../src/search/load-index.js';
import { Searcher } from '../../../src/search/searcher.js';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-app.js';
import { FAST_RETRY } from '../../../src/slack/web-client.js';
import { createStores, type Stores } from '../../../src/state/create-stores.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { startFakeSocketMode, type FakeSocketMode } from './fake-socket-mode.js';
import { freePort } from './free-port.js';
import { SMALL_CORPUS } from './test-app.js';

export const APP_TOKEN = 'xapp-1-A0APP-test';

export interface SocketModeTestApp {
  config: SlackConfig;
  fake: FakeSlackApi;
  socket: FakeSocketMode;
  slack: SlackApp;
  stores: Stores;
  /** http://127.0.0.1:PORT — /healthz and /readyz. */
  baseUrl: string;
  /** Starts the app and resolves once its socket is connected and its index loaded. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** `env` is added to (and may override) the Socket Mode settings: SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL, PORT, CORPUS_DIR. */
export async function createSocketModeTestApp(env: Record<string, string> = {}): Promise<SocketModeTestApp> {
  const fake = await startFakeSlackApi();
  const socket = await startFakeSocketMode();
  fake.on('apps.connections.open', () => ({ url: socket.url }));
  const port = await freePort();
  const config = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-socket-test', SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: String(port), CORPUS_DIR: SMALL_CORPUS, ...env });
  const logger = createLogger('silent');
  const stores = createStores(config, logger);
  const slack = createSlackApp({ config, logger, stores, loadSearcher: async () => new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data), retry: FAST_RETRY });
  return {
    config,
    fake,
    socket,
    slack,
    stores,
    baseUrl: `http://127.0.0.1:${port}`,
    async start() {
      await slack.start();
      await socket.connected;
      await slack.searcherReady;
    },
    async close() {
      await slack.stop();
      await stores.close();
      await socket.close();
      await fake.close();
    },
  };
}
