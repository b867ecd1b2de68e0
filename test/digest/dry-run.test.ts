/**
 * `npm run digest -- --dry-run` with no Slack settings at all: it previews from the record and
 * the corpus, says it is offline, and writes nothing (no record, no lock, no folder). Also
 * DIGEST_CHANNEL given as a listed channel's id of any length.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../src/digest/run-digest.js';
import { createDigestSlack } from '../../src/digest/slack.js';
import { buildBaselineState } from '../../src/digest/plan.js';
import { readDigestCorpus } from '../../src/digest/run-digest.js';
import { writeDigestState } from '../../src/digest/state.js';
import { createLogger } from '../../src/logger.js';
import { FAST_RETRY } from '../../src/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { runCli } from '../support/run-cli.js';
import { makeWorkspace, writeArticle } from './support.js';

const CLI = 'src/cli/digest.ts';
// Empty values override any developer .env (readEnv lets the environment win).
const NO_SLACK = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DIGEST_CHANNEL: '', LOG_LEVEL: 'warn' };

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('npm run digest -- --dry-run, offline', () => {
  it('with no record: says a first run takes the corpus as the baseline, and creates nothing', async () => {
    const ws = await makeWorkspace('dry-offline-first');
    const before = await listTree(ws.dir);
    const { code, stdout, stderr } = await runCli(CLI, ['--dry-run'], { ...NO_SLACK, CORPUS_DIR: ws.corpusDir, DIGEST_STATE: ws.statePath });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Digest (dry run, offline: Slack was not asked; nothing is posted, the record is not written) → #(DIGEST_CHANNEL not set)');
    expect(stdout).toContain('No record yet: a first run takes the 4 article(s) of the corpus as the baseline and announces none of them');
    expect(stderr).not.toContain('started one');
    expect(await listTree(ws.dir)).toEqual(before);
  });

  it('with a record: lists what would be posted in the digest channel and each SIG channel, leaving the record as it was', async () => {
    const ws = await makeWorkspace('dry-offline-record');
    const { articles } = await readDigestCorpus(ws.corpusDir);
    await writeDigestState(ws.statePath, buildBaselineState(articles, { now: new Date('2024-06-30T00:00:00Z') }));
    await writeArticle(ws.corpusDir, 'new-node', { sigs: ['sig-node'], title: 'ノードの新機能' });
    await writeArticle(ws.corpusDir, 'new-plain', { title: '一般の記事' });
    const record = await readFile(ws.statePath, 'utf8');
    const before = await listTree(ws.dir);

    const { code, stdout, stderr } = await runCli(CLI, ['--dry-run'], { ...NO_SLACK, CORPUS_DIR: ws.corpusDir, DIGEST_STATE: ws.statePath, DIGEST_CHANNEL: '#k8s-articles' });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('→ #k8s-articles');
    expect(stdout).toContain('Would post:\n  #k8s-articles: 2 article(s)\n    - new-node  ノードの新機能\n    - new-plain  一般の記事\n  #sig-node: 1 article(s)\n    - new-node  ノードの新機能');
    expect(stdout).toContain('SIG channels are listed whether or not the bot is a member there');
    expect(await readFile(ws.statePath, 'utf8')).toBe(record);
    expect(await listTree(ws.dir)).toEqual(before);
    expect(await readdir(dirname(ws.statePath))).toEqual(['digest-state.json']);
  });

  it('a real run still needs the bot token and DIGEST_CHANNEL, and says --dry-run works without them', async () => {
    const ws = await makeWorkspace('dry-offline-real');
    const { code, stderr } = await runCli(CLI, [], { ...NO_SLACK, CORPUS_DIR: ws.corpusDir, DIGEST_STATE: ws.statePath });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN is missing');
    expect(stderr).toContain('--dry-run');
    expect(stderr).toContain('DIGEST_CHANNEL is missing');
  });
});

describe('DIGEST_CHANNEL', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.addChannel({ id: 'C0A1', name: 'short-id' });
    fake.addChannel({ id: 'CLONGID0001', name: 'k8s-articles' });
  });
  afterAll(() => fake.close());

  it.each([
    ['an id shorter than usual', 'C0A1', { id: 'C0A1', name: 'short-id' }],
    ['a usual id', 'CLONGID0001', { id: 'CLONGID0001', name: 'k8s-articles' }],
    ['a name with #', '#short-id', { id: 'C0A1', name: 'short-id' }],
  ])('resolves %s to the listed channel', async (_what, setting, expected) => {
    const ws = await makeWorkspace('digest-channel');
    const report = await runDigest({
      corpusDir: ws.corpusDir,
      statePath: join(ws.dir, 'state.json'),
      channel: setting,
      slack: createDigestSlack('xoxb-test', { apiUrl: fake.apiUrl, retry: FAST_RETRY }),
      log: createLogger('silent'),
      dryRun: true,
    });
    expect(report.fatal).toBeUndefined();
    expect(report.digestChannel).toEqual(expected);
  });
});
