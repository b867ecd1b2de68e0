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

/** A fresh corpus directory holding only the fixture's channels.yml, for tests that write their own articles. */
async function makeCorpusDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await copyFile(join(RANKING_CORPUS, 'channels.yml'), join(dir, 'channels.yml'));
  return dir;
}
const articleOf = (title: string, body: string) => `---\ntitle: "${title}"\ndate: "2024-01-01"\nurl: "https://example.com/${encodeURIComponent(title)}/"\n---\n\n${body}\n`;

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

  it('weighs the asker’s own setup below the question in coverage: a long background does not make the answer look unrelated', () => {
    const setup = 'runs a self-managed cluster of about 40 bare-metal nodes behind a vendor load balancer. How do I define a sidecar container?';
    const own = top(`Our team ${setup}`)!;
    const impersonal = top(`The team ${setup}`)!;
    expect(own.passage.sectionPath).toEqual(['定義のしかた']);
    expect(own.coverage).toBeGreaterThan(impersonal.coverage + 0.1);
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
    const dir = await makeCorpusDir('headings-');
    await writeFile(join(dir, 'node.md'), article);
    const local = await buildFixtureSearcher(dir);
    // The opening passage has no heading; the section's heading repeats the question's topic words.
    expect(local.search('イメージのガベージコレクション機能 Kubernetes 何バージョン', { limit: 3 }).results[0]?.passage.sectionPath).toEqual([]);
  });
});

describe('article titles', () => {
  it('ranks a passage from the article whose title names the question’s topic above an equal one elsewhere', async () => {
    const dir = await makeCorpusDir('titles-');
    // Passages alike but for one word, and the other article first in index order: BM25 and
    // coverage alone would not put the titled one first.
    await writeFile(join(dir, 'a.md'), articleOf('リリースノートの読み方', 'ロールバックの手順は開発チームが毎月見直します。'));
    await writeFile(join(dir, 'b.md'), articleOf('デプロイメントのロールバック', 'ロールバックの手順は運用チームが毎月見直します。'));
    // Other articles, so the question's words are rare enough to weigh something.
    for (const [i, topic] of ['ノードの監視', 'ネットワークポリシー', 'ストレージの拡張', 'スケジューラーの設定', 'ログの収集'].entries()) {
      await writeFile(join(dir, `other-${i}.md`), articleOf(topic, `${topic}について説明します。設定はクラスターごとに異なります。`));
    }
    const local = await buildFixtureSearcher(dir);
    expect(local.search('ロールバック 手順', { limit: 2 }).results.map((r) => r.article.title)).toEqual(['デプロイメントのロールバック', 'リリースノートの読み方']);
  });
});

describe('a question that is a page’s title', () => {
  it('ranks that page first, though its title is made of words every article uses', async () => {
    const dir = await makeCorpusDir('common-titles-');
    // Every article talks about clusters, nodes and settings; the titles use the same words.
    await writeFile(join(dir, 'a.md'), articleOf('クラスターのノードの設定', 'ここではkubeletのフラグを説明します。'));
    for (const [i, title] of ['クラスターの設定', 'ノードの設定の見直し', 'クラスターのノード', '設定の基本'].entries()) {
      await writeFile(join(dir, `other-${i}.md`), articleOf(title, 'クラスターのノードの設定を変えるときは、クラスターのノードの設定を確認してから、ノードの設定を変更します。'));
    }
    const local = await buildFixtureSearcher(dir);
    expect(local.search('クラスターのノードの設定', { limit: 3 }).results[0]?.article.title).toBe('クラスターのノードの設定');
    // Nearly the title: one word more.
    expect(local.search('クラスターのノードの設定について', { limit: 3 }).results[0]?.article.title).toBe('クラスターのノードの設定');
  });

  it('is answered from that page, though its text never repeats the title: the title counts in the passage’s coverage', async () => {
    const dir = await makeCorpusDir('title-coverage-');
    // A glossary-like page: its definition does not repeat its name.
    await writeFile(join(dir, 'a.md'), articleOf('データプレーン', 'コンテナを実行するためのCPU、メモリー、ネットワーク、ストレージなどの容量を提供するレイヤーです。'));
    await writeFile(join(dir, 'b.md'), articleOf('ノードの監視', 'データプレーンのノードを監視します。'));
    for (const [i, topic] of ['ネットワークポリシー', 'ストレージの拡張', 'スケジューラーの設定'].entries()) {
      await writeFile(join(dir, `other-${i}.md`), articleOf(topic, `${topic}について説明します。`));
    }
    const local = await buildFixtureSearcher(dir);
    const first = local.search('データプレーン', { limit: 3 }).results[0];
    expect(first?.article.title).toBe('データプレーン');
    expect(first?.coverage).toBe(1);
    // No title match, no credit: the other page's passage covers the question by its own text only.
    const other = local.search('ノード 監視 レイヤー', { limit: 5 }).results.find((r) => r.article.title === 'データプレーン');
    expect(other?.coverage ?? 0).toBeLessThan(1);
  });
});

describe('a rare identifier in a heading', () => {
  it('finds the section titled with it above passages that only share the question’s other words', async () => {
    const dir = await makeCorpusDir('heading-ident-');
    const body = [
      'Podのスケジューリングについて説明します。スケジューリングの設定はいくつかあります。',
      '## KEP-4321',
      'この提案で、優先度の扱いが変わりました。',
      '## 他の変更',
      'スケジューリングの設定で、Podの優先度とスケジューリングの順序を変更できます。スケジューリングの設定は重要です。',
    ].join('\n\n');
    await writeFile(join(dir, 'a.md'), `---\ntitle: "スケジューラーの更新"\ndate: "2024-01-01"\nurl: "https://example.com/a/"\n---\n\n${body}\n`);
    const local = await buildFixtureSearcher(dir);
    expect(local.search('KEP-4321 スケジューリング 設定', { limit: 3 }).results[0]?.passage.sectionPath).toEqual(['KEP-4321']);
  });
});
