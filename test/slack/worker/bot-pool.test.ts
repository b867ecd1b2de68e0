/** The answer pool: real worker threads over a shared index, following index reloads. */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromCorpus } from '../../../src/search/load-index.js';
import { Searcher } from '../../../src/search/searcher.js';
import { botWorkerUrl, createBotPool, type BotPool } from '../../../src/slack/worker/bot-pool.js';
import { allText, SMALL_CORPUS } from '../helpers/test-app.js';

const NEW_ARTICLE = `---
title: "カーペンターで学ぶノード自動スケーリング"
date: "2025-01-10"
url: "https://example.com/ja/blog/2025/01/10/node-autoscaling/"
sigs: [sig-autoscaling]
---

## ノード自動スケーリング

ノードプールの自動スケーリングはクラスターオートスケーラーが担当します。ズッキーニ方式の設定を使います。
`;

describe('createBotPool', () => {
  let pool: BotPool;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'k8s-bot-pool-'));
    pool = createBotPool({ command: '/k8s', threads: 2 });
  });
  afterAll(async () => {
    await pool.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('says "still loading" before an index is served, without a worker', async () => {
    const fresh = createBotPool({ command: '/k8s', threads: 1 });
    try {
      const reply = await fresh.reply('サイドカー', { ephemeral: true });
      expect(reply.kind).toBe('unavailable');
    } finally {
      await fresh.destroy();
    }
  });

  it('answers in worker threads, the same as the bot in-process', async () => {
    const main = pool.serve(new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data));
    expect(main.index.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const reply = await pool.reply('サイドカーコンテナってどう定義するの?', { ephemeral: true });
    expect(reply.kind).toBe('question');
    expect(reply.answered).toBe(true);
    expect(allText(reply.message as unknown as Record<string, unknown>)).toContain('サイドカーコンテナの定義と使いどころ');
  });

  it('serves a reloaded index from every worker', async () => {
    const ask = (): Promise<string[]> => Promise.all(Array.from({ length: 12 }, () => pool.reply('ズッキーニ方式 ノード自動スケーリング', { ephemeral: false }).then((r) => allText(r.message as never))));
    pool.serve(new Searcher((await buildIndexFromCorpus(SMALL_CORPUS, { strict: true })).data));
    // Both workers busy with the old index first, so each has something to replace.
    for (const text of await ask()) expect(text).not.toContain('カーペンターで学ぶ');
    const before = pool.stats();
    expect(before.answeredBy.size).toBe(2);

    const corpus = join(dir, 'corpus');
    await cp(SMALL_CORPUS, corpus, { recursive: true });
    await writeFile(join(corpus, 'node-autoscaling.md'), NEW_ARTICLE);
    pool.serve(new Searcher((await buildIndexFromCorpus(corpus, { strict: true })).data));

    for (const text of await ask()) expect(text).toContain('カーペンターで学ぶノード自動スケーリング');
    const after = pool.stats();
    expect(after.generation).toBe(before.generation + 1);
    expect([...after.answeredBy.values()]).toEqual([after.generation, after.generation]);
  });

  it('loads the compiled worker next to a compiled pool, the tsx bootstrap next to the sources', () => {
    expect(botWorkerUrl('file:///app/dist/src/slack/worker/bot-pool.js').pathname).toBe('/app/dist/src/slack/worker/bot-worker.js');
    expect(botWorkerUrl('file:///app/src/slack/worker/bot-pool.ts').pathname).toBe('/app/src/slack/worker/bot-worker-tsx.mjs');
  });
});
