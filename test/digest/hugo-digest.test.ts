/** runDigest over a corpus whose sources.yml names a Hugo tree, against the fake Slack Web API. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../src/digest/run-digest.js';
import { createDigestSlack } from '../../src/digest/slack.js';
import { readDigestState } from '../../src/digest/state.js';
import { createLogger } from '../../src/logger.js';
import { FAST_RETRY } from '../../src/slack/web-client.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { makeWorkspace } from './support.js';

const SITE = fileURLToPath(new URL('../fixtures/hugo-site', import.meta.url));
const DIGEST = 'CDIGEST001';
let fake: FakeSlackApi;
let ws: Awaited<ReturnType<typeof makeWorkspace>>;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.addChannel({ id: DIGEST, name: 'k8s-articles' });
  ws = await makeWorkspace('hugo-digest');
  await cp(SITE, join(ws.dir, 'site'), { recursive: true });
  await writeFile(join(ws.corpusDir, 'sources.yml'), 'hugo:\n  - dir: ../site/content/ja\n    base_url: https://kubernetes.io/ja/\n    announce: [blog]\n');
});
afterAll(() => fake.close());

const run = () =>
  runDigest({ corpusDir: ws.corpusDir, statePath: ws.statePath, channel: DIGEST, slack: createDigestSlack('xoxb-test', { apiUrl: fake.apiUrl, retry: FAST_RETRY }), log: createLogger('silent') });
const postedIds = (): string[] => fake.calls('chat.postMessage').filter((c) => c.response?.ok === true).flatMap((c) => c.body.metadata.event_payload.article_ids as string[]);
const page = (title: string, extra = '') => `---\ntitle: "${title}"\n${extra}---\n\n${title}についての新しいページです。\n`;

describe('digest with a Hugo tree', () => {
  it('takes the tree as baseline, then announces a new blog post once and never a docs page', async () => {
    const first = await run();
    expect(first.fatal).toBeUndefined();
    expect(postedIds()).toEqual([]);
    const state = await readDigestState(ws.statePath);
    expect(state?.sources).toContain('https://kubernetes.io/ja/blog/');
    expect(Object.keys(state!.articles)).toContain('kubernetes.io/ja/blog/2024/04/01/introducing-gateway-api');
    expect(Object.keys(state!.articles).some((id) => id.includes('/docs/'))).toBe(false);

    await writeFile(join(ws.dir, 'site/content/ja/blog/_posts/2024-07-01-new-post.md'), page('新しいブログ記事', 'date: 2024-07-01\nslug: new-post\n'));
    await writeFile(join(ws.dir, 'site/content/ja/docs/concepts/new-doc.md'), page('新しいドキュメント'));
    const second = await run();
    expect(second.fatal).toBeUndefined();
    expect(postedIds()).toEqual(['kubernetes.io/ja/blog/2024/07/01/new-post']);
    await run();
    expect(postedIds()).toEqual(['kubernetes.io/ja/blog/2024/07/01/new-post']);
  });

  it('takes a feed seen for the first time as baseline: its back catalogue is not posted', async () => {
    await mkdir(join(ws.corpusDir, 'feeds'), { recursive: true });
    for (const n of [1, 2]) {
      await writeFile(
        join(ws.corpusDir, 'feeds', `zenn-${n}.md`),
        `---\ntitle: "Zenn記事${n}"\ndate: "2024-06-0${n}"\nurl: "https://zenn.dev/a/articles/${n}"\nsource: "https://zenn.dev/topics/kubernetes/feed"\n---\n\n記事${n}の本文です。\n`,
      );
    }
    const before = postedIds().length;
    const report = await run();
    expect(report.newSources).toEqual([{ source: 'https://zenn.dev/topics/kubernetes/feed', baseline: 2 }]);
    expect(postedIds().length).toBe(before);
  });
});
