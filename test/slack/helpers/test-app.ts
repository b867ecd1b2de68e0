/**
 * The real app in HTTP mode on 127.0.0.1 (random port), a fixture corpus indexed into a temp
 * dir, and the fake Slack Web API behind SLACK_API_URL. Logs are captured as parsed JSON lines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadSlackConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { loadOrBuildIndex } from '../../../src/search/load-index.js';
import { Searcher } from '../../../src/search/searcher.js';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-app.js';
import { createStores, type Stores } from '../../../src/state/create-stores.js';
import { FAST_RETRY } from '../../../src/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { SIGNING_SECRET } from './slack-requests.js';

export const SMALL_CORPUS = fileURLToPath(new URL('../../fixtures/corpus-small', import.meta.url));
export const BOT_TOKEN = 'xoxb-0000-test-bot-token';

export interface TestApp {
  slack: SlackApp;
  /** What createStores chose from the env (REDIS_URL or not). */
  stores: Stores;
  fake: FakeSlackApi;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** …/slack/events */
  eventsUrl: string;
  logs: Array<Record<string, any>>;
  /** Raw log output, for "never logged" checks. */
  rawLogs: () => string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Replaces index loading (e.g. a promise the test resolves later). */
  loadSearcher?: () => Promise<Searcher>;
  logLevel?: 'debug' | 'info';
  env?: Record<string, string>;
  /** SLACK_API_URL, when not the fake itself (a fault proxy in front of it). */
  apiUrl?: (fake: FakeSlackApi) => Promise<string> | string;
  /** Short timeouts for the ambiguous-failure tests. */
  webApiTimeoutMs?: number;
  responseTimeoutMs?: number;
  identityRetryMs?: number;
  /** Programs the fake Slack API before the app starts (e.g. auth.test failing). */
  beforeStart?: (fake: FakeSlackApi) => void;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fake = await startFakeSlackApi();
  const dir = await mkdtemp(join(tmpdir(), 'k8s-bot-slack-'));
  const lines: string[] = [];
  const logger = createLogger(options.logLevel ?? 'debug', { write: (line: string) => void lines.push(line) });
  const config = {
    ...loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: options.apiUrl ? await options.apiUrl(fake) : fake.apiUrl, CORPUS_DIR: SMALL_CORPUS, INDEX_PATH: join(dir, 'index.json'), ...options.env }),
    port: 0,
  };
  const loadSearcher = options.loadSearcher ?? (async () => new Searcher((await loadOrBuildIndex(config.corpusDir, config.indexPath)).data));
  const stores = createStores(config, logger);
  const slack = createSlackApp({
    config,
    logger,
    stores,
    loadSearcher,
    retry: FAST_RETRY,
    host: '127.0.0.1',
    drainTimeoutMs: 5000,
    identityRetryMs: options.identityRetryMs ?? 20,
    webApiTimeoutMs: options.webApiTimeoutMs,
    responseTimeoutMs: options.responseTimeoutMs,
  });
  options.beforeStart?.(fake);
  const { port } = await slack.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    slack,
    stores,
    fake,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, any>);
    },
    rawLogs: () => lines.join(''),
    async close() {
      await slack.stop();
      await stores.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** All the mrkdwn/plain text a message carries (text + every block's texts). */
export function allText(body: Record<string, any>): string {
  const parts: string[] = [String(body.text ?? '')];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text' && typeof v === 'string') parts.push(v);
        else visit(v);
      }
    }
  };
  visit(body.blocks ?? []);
  return parts.join('\n');
}

/** The value of the button with `actionId` in a posted message. */
export function buttonValue(body: Record<string, any>, actionId: string): string | undefined {
  for (const block of body.blocks ?? []) {
    for (const e of block.elements ?? []) if (e.action_id === actionId) return e.value;
  }
  return undefined;
}

/**
 * Registers the hooks every end-to-end file needs: one app for the file, started and with its
 * index loaded, closed at the end; the fake Slack API's record cleared before each test.
 */
export function useReadyTestApp(receive: (app: TestApp) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    await app.slack.searcherReady;
    receive(app);
  });
  afterAll(() => app?.close());
  beforeEach(() => app?.fake.reset());
}
