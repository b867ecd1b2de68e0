/**
 * The app (in-process, over real HTTP on loopback) and `npm run digest` with REDIS_URL pointing
 * at a real redis-server: commands and clicks claimed, votes and channel names shared, readiness
 * following Redis, and the digest CLI sharing the record and lock.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeAnswerRef } from '../../src/slack/blocks/button-value.js';
import { ACTION } from '../../src/slack/blocks/answer-blocks.js';
import { FAKE_BOT, startFakeSlackApi } from '../support/fake-slack-api.js';
import { REDIS_INSTALLED, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { runCli } from '../support/run-cli.js';
import { makeWorkspace, writeArticle } from '../digest/support.js';
import { buildBlockAction, buildEventEnvelope, buildMention, buildSlashCommand, postAction, postCommand, postEvent } from '../slack/helpers/slack-requests.js';
import { startTestApp, type TestApp } from '../slack/helpers/test-app.js';
import { eventually } from '../support/eventually.js';

describe.skipIf(!REDIS_INSTALLED)('with REDIS_URL', () => {
  let redis: RedisServer;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startRedisServer();
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
    await t.slack.searcherReady;
    await t.stores.whenReady(5000);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });
  beforeEach(() => t.fake.reset());

  it('answers a slash command delivered twice (same trigger_id) once', async () => {
    const command = buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl('twice') });
    const [first, second] = await Promise.all([postCommand(t.eventsUrl, command), postCommand(t.eventsUrl, command)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await t.fake.waitFor('response_url');
    await eventually('the duplicate skipped', () => t.logs.some((l) => l.event === 'request_skipped' && l.kind === 'command'), 10_000);
    expect(t.fake.calls('response_url')).toHaveLength(1);
  });

  it('answers a button click delivered twice (same trigger_id) once', async () => {
    const click = buildBlockAction({ action_id: ACTION.moreResults, value: encodeAnswerRef({ q: 'サイドカー', o: 3 }), response_url: t.fake.responseUrl('more-twice'), ephemeral: true });
    await Promise.all([postAction(t.eventsUrl, click), postAction(t.eventsUrl, click)]);
    await t.fake.waitFor('response_url');
    await eventually('the duplicate skipped', () => t.logs.some((l) => l.event === 'request_skipped' && l.kind === 'action'), 10_000);
    expect(t.fake.calls('response_url')).toHaveLength(1);
  });

  it('records one vote per person per answer; the tally is in the feedback line', async () => {
    const value = encodeAnswerRef({ q: 'サイドカー', o: 0, a: ['sidecar-containers'] });
    const click = (actionId: string, user: string) => postAction(t.eventsUrl, buildBlockAction({ action_id: actionId, value, response_url: t.fake.responseUrl(), user }));
    await click(ACTION.feedbackUp, 'U0VOTER1');
    await click(ACTION.feedbackUp, 'U0VOTER2');
    await click(ACTION.feedbackDown, 'U0VOTER1');
    await t.fake.waitForCount('response_url', 3);
    const lines = await eventually('three feedback lines', () => {
      const found = t.logs.filter((l) => l.event === 'feedback');
      return found.length >= 3 ? found : undefined;
    }, 10_000);
    expect(lines.map((l) => l.tally)).toEqual([{ up: 1, down: 0 }, { up: 2, down: 0 }, { up: 1, down: 1 }]);
    // Stored under a hash of the question: no question text in Redis.
    const admin = new Redis(redis.url);
    const keys = await admin.keys('k8s-bot:votes:*');
    expect(keys).toHaveLength(1);
    expect(JSON.stringify([keys, await admin.hgetall(keys[0]!)])).not.toContain('サイドカー');
    admin.disconnect();
  });

  it('asks conversations.info once for a burst of questions in one channel (single-flight), and not again once cached', async () => {
    t.fake.addChannel({ id: 'C0BURST01', name: 'sig-node' });
    t.fake.failNext('conversations.info', { delayMs: 300 });
    const mentions = Array.from({ length: 12 }, () => buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0BURST01' })));
    await Promise.all(mentions.map((m) => postEvent(t.eventsUrl, m)));
    await t.fake.waitForCount('chat.postMessage', 12);
    await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> dockershim`, channel: 'C0BURST01' })));
    await t.fake.waitForCount('chat.postMessage', 13);
    expect(t.fake.calls('conversations.info')).toHaveLength(1);
  });

  it('a Redis that hangs delays a slash command by at most the command timeout: acked well within 3 s and answered', async () => {
    redis.pause();
    try {
      const started = Date.now();
      const res = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl('hung') }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2500);
      await t.fake.waitFor('response_url');
    } finally {
      redis.resume();
    }
    await t.stores.whenReady(10_000);
  });

  it('is not ready while Redis is down; an event then gets a 503, a command is still answered', async () => {
    const downLines = () => t.logs.filter((l) => l.event === 'redis_unavailable').length;
    const before = downLines();
    await redis.stop();
    await eventually('readyz 503', async () => (await fetch(`${t.baseUrl}/readyz`)).status === 503, 10_000);
    const res = await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0DOWN001' })));
    expect(res.status).toBe(503);
    await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl('down') }));
    await t.fake.waitFor('response_url');
    await redis.restart();
    await eventually('readyz 200', async () => (await fetch(`${t.baseUrl}/readyz`)).status === 200, 10_000);
    expect(t.fake.calls('chat.postMessage')).toHaveLength(0);
    expect(downLines() - before).toBe(1);
  });
});

describe.skipIf(!REDIS_INSTALLED)('npm run digest with REDIS_URL', () => {
  let redis: RedisServer;
  beforeAll(async () => (redis = await startRedisServer()));
  afterAll(() => redis?.stop());

  it('keeps the record in Redis (not DIGEST_STATE), and two runs at once post a new article once', async () => {
    const fake = await startFakeSlackApi();
    try {
      fake.addChannel({ id: 'CDIGEST001', name: 'k8s-articles' });
      const ws = await makeWorkspace('digest-redis');
      const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.apiUrl, DIGEST_CHANNEL: 'k8s-articles', DIGEST_STATE: ws.statePath, CORPUS_DIR: ws.corpusDir, LOG_LEVEL: 'warn', REDIS_URL: redis.url };
      const baseline = await runCli('src/cli/digest.ts', [], env);
      expect(baseline.code, baseline.stderr).toBe(0);
      const admin = new Redis(redis.url);
      expect(JSON.parse((await admin.get('k8s-bot:digest:record'))!).version).toBe(1);
      admin.disconnect();
      await writeArticle(ws.corpusDir, 'both-runs');
      fake.failNext('conversations.history', { delayMs: 500 }, 2);
      const runs = await Promise.all([runCli('src/cli/digest.ts', [], env), runCli('src/cli/digest.ts', [], env)]);
      expect(fake.calls('chat.postMessage').map((c) => c.body.metadata.event_payload.article_ids)).toEqual([['both-runs']]);
      // One posted; the other found the lock taken (exit 1, nothing posted) or nothing left to post.
      expect(runs.map((r) => r.code).sort()).toContain(0);
      await expect(import('node:fs/promises').then((fs) => fs.access(ws.statePath))).rejects.toThrow();
    } finally {
      await fake.close();
    }
  });

  it('exits 1 naming REDIS_URL when Redis cannot be reached, posting nothing', async () => {
    const fake = await startFakeSlackApi();
    try {
      fake.addChannel({ id: 'CDIGEST001', name: 'k8s-articles' });
      const ws = await makeWorkspace('digest-noredis');
      const { code, stderr, stdout } = await runCli('src/cli/digest.ts', [], { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.apiUrl, DIGEST_CHANNEL: 'k8s-articles', CORPUS_DIR: ws.corpusDir, LOG_LEVEL: 'fatal', REDIS_URL: 'redis://127.0.0.1:1/0' });
      expect(code).toBe(1);
      expect(`${stdout}${stderr}`).toContain('REDIS_URL');
      expect(fake.calls('chat.postMessage')).toHaveLength(0);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
