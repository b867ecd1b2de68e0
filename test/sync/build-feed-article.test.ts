import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { feedArticleId, formatFeedArticle } from '../../src/sync/build-feed-article.js';

describe('feedArticleId', () => {
  it('is readable, ASCII and the same for the same URL (fragment and trailing slash aside)', () => {
    const id = feedArticleId('https://zenn.dev/foo/articles/k8s-pod');
    expect(id).toMatch(/^zenn-dev-foo-articles-k8s-pod-[0-9a-f]{10}$/);
    expect(feedArticleId('https://zenn.dev/foo/articles/k8s-pod/#top')).toBe(id);
    expect(feedArticleId('https://zenn.dev/foo/articles/k8s-pod2')).not.toBe(id);
    expect(feedArticleId('https://例え.jp/記事/ポッド')).toMatch(/^[a-z0-9-]+$/);
  });

  it('tells apart URLs whose readable part is the same', () => {
    expect(feedArticleId('https://a.example/p?id=1')).not.toBe(feedArticleId('https://a.example/p?id=2'));
  });
});

describe('formatFeedArticle', () => {
  it('writes front matter the corpus parser accepts, source included, with quotes and newlines in the title escaped', () => {
    const text = formatFeedArticle({
      url: 'https://a.example/x',
      title: 'He said "hi"\n---',
      date: '2026-01-02',
      authors: ['A: B'],
      sigs: ['sig-node'],
      source: 'https://a.example/feed',
      lang: 'ja',
      body: '本文です。\n\n## 見出し\n\n続き。',
    });
    const result = parseArticle('feeds/a-example-x-0123456789.md', text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({ id: 'a-example-x-0123456789', title: 'He said "hi"\n---', date: '2026-01-02', url: 'https://a.example/x', authors: ['A: B'], sigs: ['sig-node'], lang: 'ja', source: 'https://a.example/feed' });
  });
});
