import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { findQuotedTitles, findUnknownTitles, type TitleLookup } from '../../src/search/quoted-titles.js';
import type { Searcher } from '../../src/search/searcher.js';
import { normalizeFolded } from '../../src/text/normalize.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

describe('quoted titles', () => {
  const lookup = (titles: string[], texts: string[] = []): TitleLookup => ({
    inTitle: (t) => titles.map(normalizeFolded).some((title) => title.includes(t)),
    inText: (t) => texts.map(normalizeFolded).some((text) => text.includes(t)),
  });

  it('reads a title quoted as an article’s, a post’s or a blog’s, not any quoted text', () => {
    expect(findQuotedTitles('「Kubernetes v1.29をそっと覗く」の記事で紹介されてた変更点は？')).toEqual(['Kubernetes v1.29をそっと覗く']);
    expect(findQuotedTitles('What did the "Kubernetes 1.29 sneak peek" post cover?')).toEqual(['Kubernetes 1.29 sneak peek']);
    expect(findQuotedTitles('the blog post titled "Kubernetes 1.29 sneak peek"')).toEqual(['Kubernetes 1.29 sneak peek']);
    // A quoted value or error message is no title.
    expect(findQuotedTitles('「restartPolicy: Always」って書けばいいの？')).toEqual([]);
  });

  it('lists a quoted title no article has and no passage quotes; a shorter part of a title, or a title quoted on a page, is known', () => {
    const titles = ['Kubernetes v1.30をそっと覗く', 'SIG Nodeの紹介'];
    expect(findUnknownTitles('「Kubernetes v1.29をそっと覗く」の記事の変更点', lookup(titles))).toEqual(['Kubernetes v1.29をそっと覗く']);
    expect(findUnknownTitles('「Kubernetes v1.30をそっと覗く」の記事の変更点', lookup(titles))).toEqual([]);
    expect(findUnknownTitles('「v1.30をそっと覗く」って記事の変更点', lookup(titles))).toEqual([]);
    expect(findUnknownTitles('「Kubernetes v1.29をそっと覗く」の記事の変更点', lookup(titles, ['以前の記事「Kubernetes v1.29をそっと覗く」をご覧ください。']))).toEqual([]);
  });
});

describe('quoted titles in answer()', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher();
  });

  it('answers none, saying so, for an article the corpus does not have, though its words are all there; answers for one it has', () => {
    const missing = answer(searcher, '「サイドカーコンテナとPodDisruptionBudget」の記事に書いてあった内容は？');
    expect(missing).toMatchObject({ answered: false, confidence: 'none' });
    expect(missing.notices).toContainEqual({ kind: 'unknownNames', names: ['サイドカーコンテナとPodDisruptionBudget'] });
    expect(answer(searcher, '「サイドカーコンテナの紹介」の記事に書いてあった内容は？')).toMatchObject({ answered: true });
    // Unquoted, the same words are a question about what the corpus has.
    expect(answer(searcher, 'サイドカーコンテナとPodDisruptionBudgetの内容は？').notices.some((n) => n.kind === 'unknownNames')).toBe(false);
  });
});
