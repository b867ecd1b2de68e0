import { describe, expect, it } from 'vitest';
import { findAbsentNames, findNames } from '../../src/search/absent-names.js';
import { scoreCandidate } from '../../src/search/rank.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import { analyseQuery, type QueryTerm } from '../../src/search/query.js';

describe('findAbsentNames', () => {
  // Article 0 mentions kubectl and debug; article 1 mentions rbac. Every term is in the corpus.
  const pages: Record<number, string[]> = { 0: ['kubectl', 'debug', 'ephemeral'], 1: ['rbac', 'チェックポイント'] };
  const page = { articleHas: (article: number, term: QueryTerm) => (pages[article] ?? []).includes(term.term) };
  const known = () => true;

  it('lists the names the question asks about that the top page never mentions', () => {
    expect(findAbsentNames(analyseQuery('kubectl debug で必要な RBAC 権限'), 0, known, page)).toEqual(['rbac']);
    expect(findAbsentNames(analyseQuery('kubectl debug で必要な RBAC 権限'), 1, known, page)).toEqual(['kubectl']);
  });

  it('does not count ordinary words or names the corpus lacks (those are unknown entities)', () => {
    expect(findAbsentNames(analyseQuery('how do I debug the ephemeral pod'), 0, known, page)).toEqual([]);
    expect(findAbsentNames(analyseQuery('kubectl で Karpenter'), 0, (t) => t !== 'karpenter', page)).toEqual([]);
  });

  it('makes the answer low, never none, when a name is absent from its page', () => {
    const signals = { topCoverage: 0.9, corpusCoverage: 1, unknownEntities: [] };
    expect(selectConfidence(signals)).toBe('high');
    expect(selectConfidence({ ...signals, absentNames: ['rbac'] })).toBe('low');
  });
});

describe('findNames in ranking', () => {
  it('gives a name its spellings without the wider glossary concept', () => {
    const names = findNames(analyseQuery('CRI-Oのイメージの保存先'), () => true);
    const crio = names.find((n) => n.term === 'cri-o');
    expect(crio).toBeDefined();
    expect(crio!.spellings.some((s) => s.startsWith('~'))).toBe(false);
  });

  it('ranks a passage lacking a name of the question below one that has it, other things equal', () => {
    const f = { bm25: 1, coverage: 0.8, proximity: 0.5, articleCoverage: 0.8, preferred: false, missingNames: 0 };
    expect(scoreCandidate({ ...f, missingNames: 1 })).toBeLessThan(scoreCandidate(f));
  });
});

describe('Searcher.articleHas', () => {
  it('finds a katakana term on its page whatever the prolonged marks, and not on another page', async () => {
    const { buildFixtureSearcher } = await import('../support/build-fixture.js');
    const searcher = await buildFixtureSearcher();
    const release = searcher.index.articles.findIndex((a) => a.title.includes('SIG Release'));
    const sidecars = searcher.index.articles.findIndex((a) => a.title.includes('サイドカー'));
    const shadow = analyseQuery('リリースシャドウ').terms.find((t) => t.kind === 'word' && !t.partOf)!;
    expect(searcher.articleHas(release, shadow)).toBe(true);
    expect(searcher.articleHas(sidecars, shadow)).toBe(false);
  });
});
