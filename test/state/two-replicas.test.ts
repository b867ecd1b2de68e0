/**
 * Two replicas of `npm start` (real child processes, HTTP mode) sharing one real redis-server
 * and one fake Slack Web API, driven with signed requests as Slack sends them, retries
 * (X-Slack-Retry-Num) included. Each scenario counts answers per request: duplicates and
 * losses must be 0; the counts are printed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { REDIS_INSTALLED, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { makeWorkspace, writeArticle } from '../digest/support.js';
import { buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent } from '../slack/helpers/slack-requests.js';
import { spawnApp, type AppProcess } from '../slack/helpers/spawn-app.js';
import { allText } from '../slack/helpers/test-app.js';
import { eventually } from '../support/eventually.js';

const DIGEST = 'C0DIGEST01';
/** Short, so the replica-killed scenario need not wait Slack's minute: the default is 30 s. */
const LEASE_MS = 3000;

interface Row {
  scenario: string;
  requests: number;
  answered: number;
  duplicates: number;
  lost: number;
}

describe.skipIf(!REDIS_INSTALLED)('two replicas sharing one Redis', () => {
  let redis: RedisServer;
  let fake: FakeSlackApi;
  let a: AppProcess;
  let b: AppProcess;
  let dir: string;
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  const rows: Row[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeSlackApi();
    fake.addChannel({ id: DIGEST, name: 'k8s-articles' });
    dir = await mkdtemp(join(tmpdir(), 'two-replicas-'));
    ws = await makeWorkspace('two-replicas');
    const env = (name: string) => ({
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_API_URL: fake.apiUrl,
      REDIS_URL: redis.url,
      CLAIM_LEASE_MS: String(LEASE_MS),
      CORPUS_DIR: ws.corpusDir,
      INDEX_PATH: join(dir, `${name}-index.json`),
      // Both replicas run the in-app digest every second: the shared lock and record must make it post once.
      DIGEST_CRON: '* * * * * *',
      DIGEST_TZ: 'UTC',
      DIGEST_CHANNEL: DIGEST,
      DIGEST_STATE: join(dir, `${name}-unused-state.json`),
    });
    [a, b] = await Promise.all([spawnApp('A', env('a')), spawnApp('B', env('b'))]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.kill('SIGKILL'), b?.kill('SIGKILL')]);
    await fake?.close();
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (ws) await rm(ws.dir, { recursive: true, force: true });
    // The figures the README and the closing note quote.
    console.log(`two replicas, one Redis — answers per scenario:\n${rows.map((r) => `  ${r.scenario}: ${r.requests} request(s), ${r.answered} answered, ${r.duplicates} duplicate(s), ${r.lost} lost`).join('\n')}`);
  });

  const answersIn = (channel: string) => fake.calls('chat.postMessage').filter((c) => c.body.channel === channel);
  const mention = (channel: string) => buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel });
  const retry = (n: number, reason = 'http_timeout') => ({ headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': reason } });
  const count = (scenario: string, channels: string[]): Row => {
    const perRequest = channels.map((c) => answersIn(c).length);
    const row = { scenario, requests: channels.length, answered: perRequest.filter((n) => n > 0).length, duplicates: perRequest.reduce((s, n) => s + Math.max(0, n - 1), 0), lost: perRequest.filter((n) => n === 0).length };
    rows.push(row);
    return row;
  };
  /** Settled: the replicas logged the request as handled (or skipped) and nothing more is in flight. */
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('a retry of an answered event, sent to the other replica, is not answered again', async () => {
    const event = buildEventEnvelope(mention('C0RETRYB1'), 'EvCROSS1');
    expect((await postEvent(a.eventsUrl, event)).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0RETRYB1');
    await eventually('A finished', () => a.logs().some((l) => l.event === 'request' && l.eventId === 'EvCROSS1'), 10_000);
    for (const reason of ['http_timeout', 'http_error', 'connection_failed']) {
      expect((await postEvent(b.eventsUrl, event, retry(1, reason))).status).toBe(200);
    }
    expect((await postEvent(a.eventsUrl, event, retry(2, 'http_error'))).status).toBe(200);
    await settle();
    expect(count('retry of an answered event to the other replica', ['C0RETRYB1'])).toMatchObject({ answered: 1, duplicates: 0, lost: 0 });
  });

  it('a retry that arrives while the other replica is still answering gets a 503, and the next one is skipped', async () => {
    fake.failNext('chat.postMessage', { delayMs: 1500 });
    const event = buildEventEnvelope(mention('C0RETRYB2'), 'EvCROSS2');
    expect((await postEvent(a.eventsUrl, event)).status).toBe(200);
    expect((await postEvent(b.eventsUrl, event, retry(1))).status).toBe(503);
    await eventually('A finished', () => a.logs().some((l) => l.event === 'request' && l.eventId === 'EvCROSS2'), 10_000);
    expect((await postEvent(b.eventsUrl, event, retry(2, 'http_error'))).status).toBe(200);
    await settle();
    expect(count('retry while the other replica is answering', ['C0RETRYB2'])).toMatchObject({ answered: 1, duplicates: 0, lost: 0 });
  });

  it('a retry whose original never reached any replica is answered, whatever its reason', async () => {
    const channels = ['C0UNSEEN1', 'C0UNSEEN2', 'C0UNSEEN3'];
    const reasons = ['http_timeout', 'http_error', 'connection_failed'];
    for (const [i, channel] of channels.entries()) {
      expect((await postEvent(b.eventsUrl, buildEventEnvelope(mention(channel), `EvUNSEEN${i}`), retry(1, reasons[i]))).status).toBe(200);
    }
    for (const channel of channels) await fake.waitFor('chat.postMessage', (c) => c.body.channel === channel);
    await settle();
    expect(count("retry of an unseen original (http_timeout, http_error, connection_failed)", channels)).toMatchObject({ answered: 3, duplicates: 0, lost: 0 });
  });

  it('the same event delivered to both replicas at the same moment is answered once', async () => {
    const channels = Array.from({ length: 10 }, (_, i) => `C0RACE${i}`);
    await Promise.all(
      channels.map(async (channel, i) => {
        const event = buildEventEnvelope(mention(channel), `EvRACE${i}`);
        const [first, second] = await Promise.all([postEvent(a.eventsUrl, event), postEvent(b.eventsUrl, event, retry(1))]);
        expect(first.status).toBe(200);
        // The retry either won (200, it answers) or found the original still being answered (503).
        expect([200, 503]).toContain(second.status);
      }),
    );
    for (const channel of channels) await fake.waitFor('chat.postMessage', (c) => c.body.channel === channel);
    await new Promise((r) => setTimeout(r, 1000));
    expect(count('same event to both replicas at once (x10)', channels)).toMatchObject({ answered: 10, duplicates: 0, lost: 0 });
  });

  it('the digest, scheduled every second on both replicas, posts a new article once; /k8s digest on a replica then shows the shared record', async () => {
    await eventually('baseline runs', () => b.logs().some((l) => l.event === 'digest_run') && a.logs().some((l) => l.component === 'digest'), 20_000);
    await writeArticle(ws.corpusDir, 'replica-news', { title: '二つのレプリカの記事' });
    // Whichever replica runs first posts; the other finds the lock taken or nothing left to post.
    const post = await fake.waitFor('chat.postMessage', (c) => c.body.channel === DIGEST, 20_000);
    expect(post.body.metadata.event_payload.article_ids).toEqual(['replica-news']);
    await new Promise((r) => setTimeout(r, 3500)); // three more runs on each replica
    const digestPosts = fake.calls('chat.postMessage').filter((c) => c.body.channel === DIGEST);
    rows.push({ scenario: 'digest every second on both replicas', requests: 1, answered: digestPosts.length > 0 ? 1 : 0, duplicates: Math.max(0, digestPosts.length - 1), lost: digestPosts.length === 0 ? 1 : 0 });
    expect(digestPosts).toHaveLength(1);
    // The runs did meet: at some second one replica found the other holding the lock.
    const busy = [...a.logs(), ...b.logs()].filter((l) => l.event === 'digest_stopped' && /another run holds the lock/.test(JSON.stringify(l.failure))).length;
    console.log(`digest runs that found the lock taken: ${busy}`);
    expect(busy).toBeGreaterThan(0);
    const responseUrl = fake.responseUrl();
    await postCommand(b.eventsUrl, buildSlashCommand({ text: 'digest', response_url: responseUrl }));
    const preview = await fake.waitFor('response_url', (c) => c.path === new URL(responseUrl).pathname);
    expect(allText(preview.body)).toContain('前回のダイジェスト以降、新しい記事はありません');
  });

  it('Redis restarted mid-run: readyz 503 then 200; an event waits for Slack to retry, a command is answered', async () => {
    await redis.stop();
    await eventually('both replicas unready', async () => (await a.readyz()) === 503 && (await b.readyz()) === 503, 10_000);
    const event = buildEventEnvelope(mention('C0REDISDOWN'), 'EvREDISDOWN');
    expect((await postEvent(a.eventsUrl, event)).status).toBe(503);
    const responseUrl = fake.responseUrl();
    expect((await postCommand(b.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: responseUrl }))).status).toBe(200);
    const answer = await fake.waitFor('response_url', (c) => c.path === new URL(responseUrl).pathname);
    expect(allText(answer.body)).toContain('サイドカー');

    await redis.restart();
    const restartedAt = Date.now();
    await eventually('both replicas ready again', async () => (await a.readyz()) === 200 && (await b.readyz()) === 200, 10_000);
    // Slack's retry of the event that got a 503.
    expect((await postEvent(b.eventsUrl, event, retry(1, 'http_error'))).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0REDISDOWN');
    await settle();
    for (const p of [a, b]) {
      expect(p.logs().filter((l) => l.event === 'redis_unavailable')).toHaveLength(1);
      expect(p.logs().filter((l) => l.event === 'redis_recovered')).toHaveLength(1);
    }
    expect(count('Redis restarted: event sent while it was down, then retried', ['C0REDISDOWN'])).toMatchObject({ answered: 1, duplicates: 0, lost: 0 });
    expect(fake.calls('response_url').filter((c) => c.path === new URL(responseUrl).pathname)).toHaveLength(1);
    rows.push({ scenario: 'Redis restarted: slash command while it was down', requests: 1, answered: 1, duplicates: 0, lost: 0 });
    // The restarted Redis (no persistence here) lost the digest record: the runs rebuild it from the channel's history and post nothing again.
    await eventually('the record rebuilt after the restart', () => [...a.logs(), ...b.logs()].some((l) => l.event === 'digest_run' && l.time > restartedAt && /The record was missing: rebuilt from 1 article/.test(String(l.report))), 15_000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(fake.calls('chat.postMessage').filter((c) => c.body.channel === DIGEST)).toHaveLength(1);
  });

  it('a replica killed with SIGKILL mid-answer: its claim expires and Slack’s next retry is answered by the other', async () => {
    fake.failNext('chat.postMessage', { hang: true });
    const event = buildEventEnvelope(mention('C0KILLED'), 'EvKILLED');
    expect((await postEvent(a.eventsUrl, event)).status).toBe(200);
    await eventually('A posting', () => fake.calls('chat.postMessage', { includeFailed: true }).some((c) => c.body.channel === 'C0KILLED'), 10_000);
    await a.kill('SIGKILL');
    // Slack's first retry: the dead replica's lease still holds, so "come back later".
    expect((await postEvent(b.eventsUrl, event, retry(1))).status).toBe(503);
    await new Promise((r) => setTimeout(r, LEASE_MS + 300));
    // Its next retry (a minute later in Slack; the lease is 30 s by default).
    expect((await postEvent(b.eventsUrl, event, retry(2))).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0KILLED');
    await settle();
    expect(count('replica SIGKILLed mid-answer, then Slack retries', ['C0KILLED'])).toMatchObject({ answered: 1, duplicates: 0, lost: 0 });
  });
});
