import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher, RANKING_CORPUS } from '../support/build-fixture.js';

let searcher: Searcher;
beforeAll(async () => {
  searcher = await buildFixtureSearcher();
});

const titles = (q: string, limit = 3): string[] => searcher.search(q, { limit }).results.map((r) => r.article.title);
const top = (q: string) => searcher.search(q, { limit: 5 }).results[0];

describe('Searcher.search', () => {
  it('finds the passage for a Japanese question with no spaces', () => {
    expect(top('サイドカーはどう定義するの？')?.passage.sectionPath).toEqual(['定義のしかた']);
  });

  it('finds Japanese passages for an English question through the glossary', () => {
    expect(top('how do I define a sidecar container')?.article.title).toBe('サイドカーコンテナの紹介');
    expect(top('why was dockershim removed')?.article.title).toBe('dockershimの削除について');
  });

  it('lets a rare identifier outweigh common words', () => {
    expect(top('unhealthyPodEvictionPolicy の使い方')?.article.title).toBe('PodDisruptionBudgetと不健全なPodの退避');
    expect(top('KEP-753 コンテナ')?.passage.sectionPath).toEqual(['歴史']);
  });

  it('ranks by coverage of the question: the passage with more of its terms comes first', () => {
    const results = searcher.search('リリースシャドウに応募し続ける', { limit: 5 }).results;
    expect(results[0]?.passage.sectionPath).toEqual(['リリースシャドウ']);
    expect(results[0]!.coverage).toBeGreaterThan(results[1]?.coverage ?? 0);
  });

  it('uses headings: a question matching a section title finds that section', () => {
    expect(top('既存のイメージは使えますか')?.passage.sectionPath).toEqual(['既存のイメージは使えますか?']);
  });

  it('does not rank by what the question sets aside', () => {
    expect(top('KEP-753ではなく、サイドカーの定義')?.passage.sectionPath).toEqual(['定義のしかた']);
  });

  it('ranks the preferred SIG higher when asked in its mirrored channel', () => {
    const neutral = searcher.search('ノード', { limit: 5 }).results.map((r) => r.article.sigs[0]);
    const preferred = searcher.search('ノード', { limit: 5, preferSigs: ['sig-apps'] }).results.map((r) => r.article.sigs[0]);
    expect(preferred[0]).toBe('sig-apps');
    expect(neutral).toContain('sig-apps');
  });

  it('returns no results for words the corpus does not contain', () => {
    expect(titles('etcd スナップショット')).toEqual([]);
  });

  it('returns each near-duplicate passage once', () => {
    const texts = searcher.search('サイドカー', { limit: 10 }).results.map((r) => r.passage.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('Searcher.search on headings', () => {
  const article = `---
title: "ノードの話"
date: "2023-01-01"
url: "https://example.com/blog/node/"
sigs: [sig-node]
---

ガベージコレクションは、Kubernetes v1.10で導入された機能です。ノードのディスクを空けるために、使われていないイメージを削除します。

## イメージのガベージコレクション機能

イメージのガベージコレクション機能を使うには、kubeletのしきい値を設定してください。containerd v1.7はイメージのガベージコレクションをサポートしています。
`;

  it('ranks the passage whose text answers above one whose heading only repeats the topic', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headings-'));
    await writeFile(join(dir, 'node.md'), article);
    await copyFile(join(RANKING_CORPUS, 'channels.yml'), join(dir, 'channels.yml'));
    const local = await buildFixtureSearcher(dir);
    // The opening passage has no heading; the section's heading repeats the question's topic words.
    expect(local.search('イメージのガベージコレクション機能 Kubernetes 何バージョン', { limit: 3 }).results[0]?.passage.sectionPath).toEqual([]);
  });
});
