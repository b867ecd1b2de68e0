import { describe, expect, it } from 'vitest';
import { loadSyncConfig } from '../../src/config.js';
import { formatUserAgent } from '../../src/sync/create-sync.js';
import { problemsOf } from '../support/config-problems.js';

describe('loadSyncConfig', () => {
  it('needs no Slack settings; the in-process sync is off by default', () => {
    const config = loadSyncConfig({ CORPUS_DIR: 'c' });
    expect(config.sync).toEqual({ cron: '', timeZone: 'Asia/Tokyo', timeoutMs: 15_000, botUrl: undefined });
  });

  it('names a bad SYNC_CRON, SYNC_TIMEOUT_MS and SYNC_BOT_URL in one pass', () => {
    const problems = problemsOf(() => loadSyncConfig({ SYNC_CRON: 'every day', SYNC_TIMEOUT_MS: 'soon', SYNC_BOT_URL: 'mailto:me@example.com' }));
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['SYNC_CRON', 'SYNC_TIMEOUT_MS', 'SYNC_BOT_URL']);
  });
});

describe('formatUserAgent', () => {
  it('names the bot and, when set, the page about it', () => {
    expect(formatUserAgent('https://bot.example/about')).toMatch(/^k8s-ja-bot\/[\d.]+ \(.*\+https:\/\/bot\.example\/about\)$/);
    expect(formatUserAgent(undefined)).toMatch(/^k8s-ja-bot\/[\d.]+ \([^+]*\)$/);
  });
});
