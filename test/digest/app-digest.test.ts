/**
 * `npm start` (src/app.ts) as a child process in HTTP mode, against the fake Slack Web API:
 * the in-process digest schedule, `/k8s digest`, and a new article becoming answerable
 * without a restart. Requests are signed as Slack signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { runCommand, spawnApp, type AppProcess } from '../slack/helpers/spawn-app.js';
import { allText } from '../slack/helpers/test-app.js';
import { readDigestState } from '../../src/digest/state.js';
import { makeWorkspace, writeArticle } from './support.js';
import { eventually } from '../support/eventually.js';

const DIGEST = 'CDIGEST001';
const ZEBRA = { title: 'Zebraschedulerの紹介', sigs: ['sig-node'], body: 'Zebraschedulerは新しいスケジューラです。Podの配置を決めます。\n\n## 使い方\n\nZebraschedulerを有効にするにはフラグを設定します。\n' };

let fake: FakeSlackApi;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let app: AppProcess;

const command = (text: string): Promise<Record<string, any>> => runCommand(app, fake, text);

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.addChannel({ id: DIGEST, name: 'k8s-articles' });
  fake.addChannel({ id: 'CSIGNODE01', name: 'sig-node' });
  ws = await makeWorkspace('app-digest');
  app = await spawnApp('app', {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
    CORPUS_DIR: ws.corpusDir,
    INDEX_PATH: ws.indexPath,
    DIGEST_STATE: ws.statePath,
    DIGEST_CHANNEL: 'k8s-articles',
    DIGEST_LANG: 'en',
    DIGEST_CRON: '*/2 * * * * *',
  });
  await app.untilReady();
});

afterAll(async () => {
  await app?.kill('SIGTERM');
  await fake.close();
});

describe('npm start with the digest', () => {
  it('runs the scheduled digest (a baseline first) and previews the next one with /k8s digest', async () => {
    await eventually('the baseline run', () => readDigestState(ws.statePath).catch(() => undefined));
    expect(fake.calls('chat.postMessage')).toEqual([]);
    const preview = await command('digest');
    expect(preview.response_type).toBe('ephemeral');
    expect(allText(preview)).toContain('Nothing new since the last digest');
  });

  it('answers from a newly added article without a restart, and the schedule announces it once', async () => {
    const question = 'Zebraschedulerの使い方';
    expect(allText(await command(question))).not.toContain('https://example.com/blog/zebra/');
    await writeArticle(ws.corpusDir, 'zebra', ZEBRA);
    await eventually('the new article in an answer', async () => allText(await command(question)).includes('https://example.com/blog/zebra/'), 40_000);

    const posts = await fake.waitForCount('chat.postMessage', 2, undefined, 20_000);
    expect(posts.map((c) => [c.body.channel, c.body.metadata.event_payload.article_ids])).toEqual([
      [DIGEST, ['zebra']],
      ['CSIGNODE01', ['zebra']],
    ]);
    // Two more scheduled runs: nothing again.
    await new Promise((r) => setTimeout(r, 4500));
    expect(fake.calls('chat.postMessage')).toHaveLength(2);
  });
});
