/** End to end over HTTP: after an index reload, every answer worker answers from the new index. */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { Searcher } from '../../src/search/searcher.js';
import { allText, SMALL_CORPUS, startTestApp, type TestApp } from './helpers/test-app.js';
import { buildSlashCommand, postCommand } from './helpers/slack-requests.js';

const NEW_ARTICLE = `---
title: "ズッキーニ方式のノード自動スケーリング"
date: "2025-01-10"
url: "https://example.com/ja/blog/2025/01/10/zucchini-autoscaling/"
---

## 設定

ズッキーニ方式のノード自動スケーリングは、ノードプールごとに上限を決めて設定します。
`;

describe('Slack app (HTTP mode): index reload', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'k8s-bot-reload-'));
    t = await startTestApp({ env: { ANSWER_THREADS: '2' } });
    await t.slack.searcherReady;
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const askAll = async (n: number): Promise<string[]> => {
    const ids = Array.from({ length: n }, (_, i) => `reload-${Date.now()}-${i}`);
    await Promise.all(ids.map((id) => postCommand(t.eventsUrl, buildSlashCommand({ text: 'ズッキーニ方式 ノード自動スケーリング', response_url: t.fake.responseUrl(id) }))));
    const calls = await t.fake.waitForCount('response_url', n, (c) => ids.some((id) => c.path.endsWith(`/${id}`)));
    return calls.map((c) => allText(c.body));
  };

  it('answers from the new index in every worker once replaceSearcher has run', async () => {
    for (const text of await askAll(8)) expect(text).not.toContain('ズッキーニ方式のノード自動スケーリング');
    const corpus = join(dir, 'corpus');
    await cp(SMALL_CORPUS, corpus, { recursive: true });
    await writeFile(join(corpus, 'zucchini-autoscaling.md'), NEW_ARTICLE);
    t.slack.replaceSearcher(new Searcher((await buildIndexFromCorpus(corpus, { strict: true })).data));
    expect(t.slack.currentSearcher()!.index.articles.some((a) => a.id === 'zucchini-autoscaling')).toBe(true);
    for (const text of await askAll(8)) expect(text).toContain('ズッキーニ方式のノード自動スケーリング');
  });
});
