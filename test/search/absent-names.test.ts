import { describe, expect, it } from 'vitest';
import { findAbsentNames, findNames, findStrandedNames, type NamePages } from '../../src/search/absent-names.js';
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

describe('findStrandedNames', () => {
  const query = analyseQuery('containerd で seccomp プロファイルを OCI アーティファクトから読み込む');
  const weights = new Map(query.terms.map((t) => [t.term, 1]));
  const known = () => true;
  const namePages = (texts: Record<number, string>): NamePages => ({
    articlesWith: (terms) => Object.keys(texts).map(Number).filter((a) => terms.some((t) => texts[a]!.includes(t))),
    pageTexts: (article) => [texts[article] ?? ''],
  });

  it('finds a name whose only pages hold little else of the question', () => {
    const pages = namePages({ 3: 'containerdとcri-oはcriランタイムです' });
    expect(findStrandedNames(query, weights, ['containerd'], known, pages)).toEqual(['containerd']);
  });

  it('leaves to the low tier a name whose page is among the leading results', () => {
    const pages = namePages({ 3: 'containerdとcri-oはcriランタイムです' });
    expect(findStrandedNames(query, weights, ['containerd'], known, pages, [0, 3])).toEqual([]);
    expect(findStrandedNames(query, weights, ['containerd'], known, pages, [0, 1])).toEqual(['containerd']);
  });

  it('keeps a name that some page speaks of with the rest of the question', () => {
    const pages = namePages({ 3: 'containerdとcri-oはcriランタイムです', 4: 'containerdはseccompプロファイルをociアーティファクトから読み込む' });
    expect(findStrandedNames(query, weights, ['containerd'], known, pages)).toEqual([]);
  });

  it('leaves alone a name the corpus has only inside a longer identifier, and one on too many pages', () => {
    const init = analyseQuery('initコンテナの再起動ポリシーは何にする？');
    const initWeights = new Map(init.terms.map((t) => [t.term, 1]));
    expect(findStrandedNames(init, initWeights, ['init'], known, namePages({ 5: 'cloud-initの設定を生成する' }))).toEqual([]);
    expect(findStrandedNames(init, initWeights, ['init'], known, namePages({ 5: 'initの設定を生成する' }))).toEqual(['init']);
    const everywhere: NamePages = { articlesWith: () => undefined, pageTexts: () => ['containerd'] };
    expect(findStrandedNames(query, weights, ['containerd'], known, everywhere)).toEqual([]);
  });

  it('refuses the answer (none) when a name is stranded', () => {
    expect(selectConfidence({ topCoverage: 0.9, corpusCoverage: 1, unknownEntities: [], absentNames: ['containerd'], strandedNames: ['containerd'] })).toBe('none');
  });

  it('answers through answer(): none with the stranded name said, while the question without it is answered', async () => {
    const { buildFixtureSearcher } = await import('../support/build-fixture.js');
    const { answer } = await import('../../src/answer/answer.js');
    const { fileURLToPath } = await import('node:url');
    const searcher = await buildFixtureSearcher(fileURLToPath(new URL('../fixtures/corpus-small', import.meta.url)));
    const stranded = answer(searcher, 'containerd でサイドカーコンテナの終了の順序はどうなる？');
    expect(stranded.confidence).toBe('none');
    expect(stranded.notices).toContainEqual({ kind: 'strandedNames', names: ['containerd'] });
    expect(stranded.suggestions[0]?.title).toContain('サイドカー');
    expect(answer(searcher, 'サイドカーコンテナの終了の順序はどうなる？').confidence).toBe('high');
    expect(answer(searcher, 'containerd と CRI-O の違いは？').confidence).toBe('high');
  });

  it('takes a name told only as the asker\'s setup for context, not a stranded one', async () => {
    const { buildFixtureSearcher } = await import('../support/build-fixture.js');
    const { answer } = await import('../../src/answer/answer.js');
    const { fileURLToPath } = await import('node:url');
    const searcher = await buildFixtureSearcher(fileURLToPath(new URL('../fixtures/corpus-small', import.meta.url)));
    const told = answer(searcher, 'うちのノードは containerd です。サイドカーコンテナの終了の順序はどうなる？');
    expect(told.confidence).not.toBe('none');
    expect(told.notices.some((n) => n.kind === 'strandedNames')).toBe(false);
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
