/**
 * `npm run digest` as a real child process against the fake Slack Web API, over HTTP: the
 * tests share one workspace and run in order, like the days of an operator's week.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDigestState } from '../../src/digest/state.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { childEnv, REPO_ROOT, runCli } from '../support/run-cli.js';
import { makeWorkspace, writeArticle } from './support.js';
import { eventually } from '../support/eventually.js';

const DIGEST = 'CDIGEST001';
const NODE = 'CSIGNODE01';
const CLI = 'src/cli/digest.ts';

let fake: FakeSlackApi;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.addChannel({ id: DIGEST, name: 'k8s-articles' });
  fake.addChannel({ id: NODE, name: 'sig-node' });
  ws = await makeWorkspace('digest-cli');
  env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: fake.apiUrl, DIGEST_CHANNEL: 'k8s-articles', DIGEST_STATE: ws.statePath, CORPUS_DIR: ws.corpusDir, LOG_LEVEL: 'warn' };
});
afterAll(() => fake.close());

function posted(channel: string): string[][] {
  return fake
    .calls('chat.postMessage')
    .filter((c) => c.body.channel === channel && c.response?.ok === true)
    .map((c) => c.body.metadata.event_payload.article_ids as string[]);
}

describe('npm run digest', () => {
  it('takes the corpus as the baseline on the first run and posts nothing', async () => {
    const { code, stdout, stderr } = await runCli(CLI, [], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('First run: no record and no earlier digest in the channel. 4 article(s) taken as the baseline');
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });

  it('--dry-run prints what would be posted and posts nothing', async () => {
    await writeArticle(ws.corpusDir, 'new-node', { sigs: ['sig-node'], title: 'ノードの新機能' });
    await writeArticle(ws.corpusDir, 'new-plain', { title: '一般の記事' });
    const { code, stdout } = await runCli(CLI, ['--dry-run'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('Would post:\n  #k8s-articles: 2 article(s)\n    - new-node  ノードの新機能\n    - new-plain  一般の記事\n  #sig-node: 1 article(s)');
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });

  it('killed between two posts, then rerun: every article announced once in each channel', async () => {
    fake.failNext('chat.postMessage', { delayMs: 0 });
    fake.failNext('chat.postMessage', { hang: true });
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], { cwd: REPO_ROOT, env: childEnv(env), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // The digest-channel post went out and the sig-node post is in flight.
    await eventually('the second post in flight', () => fake.calls('chat.postMessage', { includeFailed: true }).length === 2);
    child.kill('SIGKILL');
    await exited;
    expect(posted(DIGEST)).toEqual([['new-node', 'new-plain']]);
    expect(posted(NODE)).toEqual([]);

    const { code, stdout, stderr } = await runCli(CLI, [], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Posted:\n  #sig-node: 1 article(s)');
    expect(posted(DIGEST)).toEqual([['new-node', 'new-plain']]);
    expect(posted(NODE)).toEqual([['new-node']]);
  });

  it('a rerun with nothing new is silent', async () => {
    const before = fake.calls('chat.postMessage').length;
    const { code, stdout } = await runCli(CLI, [], env);
    expect(code).toBe(0);
    expect(stdout).toContain('No new articles: nothing to post.');
    expect(fake.calls('chat.postMessage')).toHaveLength(before);
  });

  it('exits non-zero and says what was and was not posted when a post fails', async () => {
    await writeArticle(ws.corpusDir, 'second-node', { sigs: ['sig-node'] });
    fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const failed = await runCli(CLI, [], env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('Posted:\n  #sig-node: 1 article(s)');
    expect(failed.stdout).toContain('NOT posted (announced by the next run):\n  #k8s-articles: 1 article(s) — not_in_channel\n    - second-node');
    expect(failed.stdout).toContain('The run FAILED');

    const rerun = await runCli(CLI, [], env);
    expect(rerun.code).toBe(0);
    expect(posted(DIGEST)).toEqual([['new-node', 'new-plain'], ['second-node']]);
    expect(posted(NODE)).toEqual([['new-node'], ['second-node']]);
    const state = await readDigestState(ws.statePath);
    expect(Object.values(state!.articles).every((r) => Object.values(r.deliveries).every((d) => d.ts !== null))).toBe(true);
  });

  it('rejects a malformed --since and a missing DIGEST_CHANNEL with a clear message', async () => {
    const since = await runCli(CLI, ['--since', '2024-13-01'], env);
    expect(since.code).toBe(1);
    expect(since.stderr).toContain('--since must be a date written YYYY-MM-DD, got "2024-13-01"');
    const { DIGEST_CHANNEL: _, ...noChannel } = env;
    const missing = await runCli(CLI, [], noChannel);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DIGEST_CHANNEL is missing');
  });
});
