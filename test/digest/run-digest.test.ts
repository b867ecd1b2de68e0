/** runDigest in-process against the fake Slack Web API, over real HTTP. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { formatDigestReport } from '../../src/digest/format-report.js';
import { isDigestRunOk, runDigest, type DigestRunOptions } from '../../src/digest/run-digest.js';
import { createDigestSlack } from '../../src/digest/slack.js';
import { readDigestState, writeDigestState } from '../../src/digest/state.js';
import { createFileDigestRecord } from '../../src/state/digest-record.js';
import { FAST_RETRY } from '../../src/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { makeWorkspace, writeArticle } from './support.js';

const DIGEST = 'CDIGEST001';
const NODE = 'CSIGNODE01';
const APPS = 'CSIGAPPS01';

let fake: FakeSlackApi;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  fake.addChannel({ id: DIGEST, name: 'k8s-articles' });
  fake.addChannel({ id: NODE, name: 'sig-node' });
  fake.addChannel({ id: APPS, name: 'sig-apps', is_member: false });
  ws = await makeWorkspace('digest-run');
});

function run(overrides: Partial<DigestRunOptions> = {}) {
  return runDigest({
    corpusDir: ws.corpusDir,
    record: createFileDigestRecord(ws.statePath),
    channel: DIGEST,
    slack: createDigestSlack('xoxb-test', { apiUrl: fake.apiUrl, retry: FAST_RETRY }),
    log: createLogger('silent'),
    ...overrides,
  });
}

/** The article ids of each digest post to a channel, in order. */
function posted(channel: string): string[][] {
  return fake
    .calls('chat.postMessage')
    .filter((c) => c.body.channel === channel && c.response?.ok === true)
    .map((c) => c.body.metadata.event_payload.article_ids as string[]);
}

async function addNewArticles(): Promise<void> {
  await writeArticle(ws.corpusDir, 'new-node', { sigs: ['sig-node'] });
  await writeArticle(ws.corpusDir, 'new-apps', { sigs: ['sig-apps'] });
  await writeArticle(ws.corpusDir, 'new-plain', { date: '2024-07-02' });
}

describe('runDigest', () => {
  it('takes the corpus as the baseline on a first run and posts nothing', async () => {
    const report = await run();
    expect(isDigestRunOk(report)).toBe(true);
    expect(report.start).toMatchObject({ kind: 'baseline', baseline: 4 });
    expect(fake.calls('chat.postMessage')).toEqual([]);
    expect(Object.keys((await readDigestState(ws.statePath))!.articles)).toHaveLength(4);
    expect(formatDigestReport(report)).toContain('4 article(s) taken as the baseline');
  });

  it('announces new articles once in the digest channel and in their SIG channel where the bot is a member; a rerun is silent', async () => {
    await run();
    await addNewArticles();
    const report = await run();
    expect(isDigestRunOk(report)).toBe(true);
    expect(posted(DIGEST)).toEqual([['new-plain', 'new-apps', 'new-node']]);
    expect(posted(NODE)).toEqual([['new-node']]);
    expect(posted(APPS)).toEqual([]);
    expect(report.skipped).toEqual([{ channel: 'sig-apps', articleIds: ['new-apps'], reason: 'the bot is not a member' }]);
    const [digestPost] = fake.calls('chat.postMessage');
    expect(JSON.stringify(digestPost?.body.blocks)).toContain('<https://example.com/blog/new-node/|新しい記事 new-node>');

    const rerun = await run();
    expect(rerun.posts).toEqual([]);
    expect(fake.calls('chat.postMessage')).toHaveLength(2);
    expect(formatDigestReport(rerun)).toContain('No new articles: nothing to post.');
  });

  it('accepts DIGEST_CHANNEL as a name, resolved with conversations.list', async () => {
    await run({ channel: '#k8s-articles' });
    await writeArticle(ws.corpusDir, 'new-plain');
    await run({ channel: 'k8s-articles' });
    expect(posted(DIGEST)).toEqual([['new-plain']]);
  });

  it('retries a 429 after Retry-After and posts once', async () => {
    await run();
    await writeArticle(ws.corpusDir, 'new-plain');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const report = await run();
    expect(isDigestRunOk(report)).toBe(true);
    expect(fake.calls('chat.postMessage', { includeFailed: true }).map((c) => c.status)).toEqual([429, 200]);
    expect(posted(DIGEST)).toEqual([['new-plain']]);
  });

  it('after 5xx answers that outlast the retries, reports what was not posted and posts only that on the next run', async () => {
    await run();
    await addNewArticles();
    fake.failNext('chat.postMessage', { delayMs: 0 });
    fake.failNext('chat.postMessage', { status: 500 }, FAST_RETRY.retries + 1);
    const failed = await run();
    expect(isDigestRunOk(failed)).toBe(false);
    expect(failed.posts.map((p) => [p.channel.name, p.ts !== undefined, p.error])).toEqual([
      ['k8s-articles', true, undefined],
      ['sig-node', false, 'http_500'],
    ]);
    expect(formatDigestReport(failed)).toMatch(/NOT posted[^\n]*\n {2}#sig-node: 1 article\(s\) — http_500\n {4}- new-node/);

    const rerun = await run();
    expect(isDigestRunOk(rerun)).toBe(true);
    expect(posted(DIGEST)).toHaveLength(1);
    expect(posted(NODE)).toEqual([['new-node']]);
  });

  it('drops a SIG channel the bot was removed from, without failing the run', async () => {
    await run();
    await addNewArticles();
    fake.failNext('chat.postMessage', { delayMs: 0 });
    fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const report = await run();
    expect(isDigestRunOk(report)).toBe(true);
    expect(report.skipped).toContainEqual({ channel: 'sig-node', articleIds: ['new-node'], reason: 'the bot can no longer post there (not_in_channel)' });
    expect((await readDigestState(ws.statePath))?.articles['new-node']?.deliveries).not.toHaveProperty(NODE);
    expect((await run()).posts).toEqual([]);
    expect(posted(NODE)).toEqual([]);
  });

  it('does not post again when a post timed out but went through', async () => {
    await run();
    await writeArticle(ws.corpusDir, 'new-plain');
    // The fake answers after 1 s, the client gives up after 0.3 s; the retry waits ≥ 1.5 s, then looks first.
    fake.failNext('chat.postMessage', { delayMs: 1000 });
    const slack = createDigestSlack('xoxb-test', { apiUrl: fake.apiUrl, timeoutMs: 300, retry: { retries: 2, minTimeoutMs: 1500, maxTimeoutMs: 1500 } });
    const report = await run({ slack });
    expect(isDigestRunOk(report)).toBe(true);
    expect(posted(DIGEST)).toEqual([['new-plain']]);
    expect(report.posts[0]?.ts).toBe(fake.calls('chat.postMessage')[0]?.response?.ts);
  });

  it('never posts twice when a run dies between a post and the record of it', async () => {
    await run();
    await addNewArticles();
    let writes = 0;
    const file = createFileDigestRecord(ws.statePath);
    const crashing = {
      ...file,
      write: async (state: Parameters<typeof writeDigestState>[1]) => {
        // Write 1 is the plan; write 2 would record the digest-channel post: die there.
        if (++writes === 2) throw new Error('killed');
        await file.write(state);
      },
    };
    const crashed = await run({ record: crashing });
    expect(crashed.fatal).toBe('killed');
    expect(posted(DIGEST)).toHaveLength(1);

    const rerun = await run();
    expect(isDigestRunOk(rerun)).toBe(true);
    expect(posted(DIGEST)).toHaveLength(1);
    expect(posted(NODE)).toEqual([['new-node']]);
    const state = await readDigestState(ws.statePath);
    expect(state?.articles['new-node']?.deliveries[DIGEST]?.ts).toBe(fake.calls('chat.postMessage')[0]?.response?.ts);
  });

  it('rebuilds a lost record from the digest metadata in the channel: nothing is announced twice', async () => {
    await run();
    await addNewArticles();
    await run();
    await rm(ws.statePath);
    const report = await run();
    expect(report.start).toMatchObject({ kind: 'recovered', recovered: 3, baseline: 4 });
    expect(fake.calls('chat.postMessage')).toHaveLength(2);

    await writeArticle(ws.corpusDir, 'after-loss', { sigs: ['sig-node'] });
    await run();
    expect(posted(DIGEST)).toEqual([['new-plain', 'new-apps', 'new-node'], ['after-loss']]);
    expect(posted(NODE)).toEqual([['new-node'], ['after-loss']]);
  });

  it('skips a broken article, naming its file, and still announces the others', async () => {
    await run();
    await writeArticle(ws.corpusDir, 'new-plain');
    await writeFile(join(ws.corpusDir, 'broken.md'), '---\ntitle: ""\n---\n本文\n');
    const report = await run();
    expect(isDigestRunOk(report)).toBe(true);
    expect(posted(DIGEST)).toEqual([['new-plain']]);
    expect(new Set(report.problems.map((p) => p.file))).toEqual(new Set([join(ws.corpusDir, 'broken.md')]));
    expect(formatDigestReport(report)).toContain(`${join(ws.corpusDir, 'broken.md')}:\n    - "title" must be a non-empty string`);

    // Fixed later: announced then, as a new article.
    await writeArticle(ws.corpusDir, 'broken');
    await run();
    expect(posted(DIGEST)).toEqual([['new-plain'], ['broken']]);
  });

  it('--since on a first run announces the articles dated from that day', async () => {
    const report = await run({ since: '2024-05-01' });
    expect(report.start).toMatchObject({ kind: 'baseline', baseline: 3, since: '2024-05-01' });
    expect(posted(DIGEST)).toEqual([['sidecars']]);
    expect(posted(NODE)).toEqual([['sidecars']]);
  });

  it('--dry-run posts nothing and writes no record', async () => {
    await run();
    await addNewArticles();
    const before = await readDigestState(ws.statePath);
    const report = await run({ dryRun: true });
    expect(report.posts.map((p) => [p.channel.name, p.articles.map((a) => a.id)])).toEqual([
      ['k8s-articles', ['new-plain', 'new-apps', 'new-node']],
      ['sig-node', ['new-node']],
    ]);
    expect(fake.calls('chat.postMessage')).toEqual([]);
    expect(await readDigestState(ws.statePath)).toEqual(before);
    expect(formatDigestReport(report)).toContain('Would post:\n  #k8s-articles: 3 article(s)');
  });

  it('splits many new articles over several messages', async () => {
    await run();
    for (let i = 0; i < 25; i++) await writeArticle(ws.corpusDir, `bulk-${String(i).padStart(2, '0')}`);
    await run();
    expect(posted(DIGEST).map((ids) => ids.length)).toEqual([20, 5]);
  });
});
