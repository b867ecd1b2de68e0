import { describe, expect, it } from 'vitest';
import { expandQuery, LOANWORD_WEIGHT, SYNONYM_WEIGHT } from '../../src/search/expansions.js';
import { analyseQuery } from '../../src/search/query.js';
import { editDistanceWithin, findUnknownEntities, ordinaryWordsNear, type EntityLookup } from '../../src/search/unknown-entities.js';
import { WordList } from '../../src/text/ordinary-words.js';
import { LoanwordIndex } from '../../src/text/loanwords.js';
import { Synonyms } from '../../src/text/synonyms.js';
import { parseSynonymGroups } from '../../src/text/synonyms-format.js';

const synonyms = new Synonyms(parseSynonymGroups('やり方\t方法\t手段\n設定\tセッティング\n'));
const vocabulary = new Set(['方法', '設定', 'ワクフロ', 'servic']);
const known = (t: string): boolean => vocabulary.has(t);

describe('search/expansions', () => {
  it('adds the corpus word for a Japanese word it lacks, lighter, in the same idea', () => {
    const query = expandQuery(analyseQuery('やり方'), { synonyms: () => synonyms, known });
    const added = query.terms.find((t) => t.term === '方法');
    expect(added?.weight).toBe(SYNONYM_WEIGHT);
    expect(query.groups.find((g) => g.terms.includes('やり方'))?.terms).toContain('方法');
    // 手段 is not in the corpus: looking for it would find nothing.
    expect(query.terms.map((t) => t.term)).not.toContain('手段');
  });

  it('leaves words the corpus has as they are', () => {
    const query = expandQuery(analyseQuery('設定'), { synonyms: () => synonyms, known });
    expect(query.terms.map((t) => t.term)).not.toContain('セッティング');
  });

  it('finds the katakana spelling of an English word the corpus lacks', () => {
    const query = expandQuery(analyseQuery('workflow'), { loanwords: () => new LoanwordIndex(vocabulary), known });
    const added = query.terms.find((t) => t.term === 'ワクフロ');
    expect(added?.weight).toBe(LOANWORD_WEIGHT);
    expect(query.groups.find((g) => g.terms.includes('workflow'))?.terms).toContain('ワクフロ');
  });

  it('finds the katakana spelling of an English word the corpus has too (in identifiers, say), in the same idea', () => {
    const corpus = new Set(['storag', 'ストレジ', 'クラスタ']);
    const query = expandQuery(analyseQuery('storage'), { loanwords: () => new LoanwordIndex(corpus), known: (t) => corpus.has(t) });
    expect(query.terms.find((t) => t.term === 'ストレジ')?.weight).toBe(LOANWORD_WEIGHT);
    expect(query.groups).toHaveLength(1);
    expect(query.groups[0]!.terms).toEqual(expect.arrayContaining(['storag', 'ストレジ']));
    // A katakana word the corpus has is not respelled in English: its katakana is the corpus's word.
    const katakana = expandQuery(analyseQuery('クラスター'), { loanwords: () => new LoanwordIndex(['クラスタ', 'cluster']), known: () => true });
    expect(katakana.terms.map((t) => t.term)).not.toContain('cluster');
  });

  it('respells a loanword only as a word with its vowels, so one the corpus lacks stays unknown (リサイズ is not resource)', () => {
    const corpus = new Set(['resourc', 'pod']);
    const sources = { loanwords: () => new LoanwordIndex(corpus), known: (t: string) => corpus.has(t) };
    const lookup: EntityLookup = { documentFrequency: (t) => (corpus.has(t) ? 3 : 0), inTitle: () => false, inLongerTerm: () => false, longerTermsWith: () => [], containsPhrase: () => false };
    const resize = 'Podをインプレースでリサイズしたい';
    const expanded = expandQuery(analyseQuery(resize), sources);
    expect(expanded.terms.map((t) => t.term)).not.toContain('resourc');
    expect(findUnknownEntities(resize, expanded, lookup)).toContain('リサイズ');
    // The word it does sound like is still found: リソース ⇄ resource, and stack's katakana for stack, not for stick.
    expect(expandQuery(analyseQuery('リソースの上限'), sources).terms.map((t) => t.term)).toContain('resourc');
    const stacks = { loanwords: () => new LoanwordIndex(['スタック', 'サイドカ', 'ステッカ']), known: () => true };
    expect(expandQuery(analyseQuery('stick'), stacks).terms.map((t) => t.term)).toEqual(['stick']);
    expect(expandQuery(analyseQuery('stack'), stacks).terms.map((t) => t.term)).toEqual(['stack', 'スタック']);
  });

  it('corrects a misspelling to an ordinary English word the corpus writes only in katakana (blcok → block → ブロック)', () => {
    const words = new WordList(['block', 'blog', 'device'].sort().join('\n'));
    expect(ordinaryWordsNear('blcok', words)).toEqual(['block']);
    // The first letter is kept, and ordinary words themselves are no misspelling; short words get no edit.
    expect(ordinaryWordsNear('vlock', words)).toEqual([]);
    expect(ordinaryWordsNear('blog', words)).toEqual([]);
    const corpus = new Set(['ブロック', 'デバイス']);
    const sources = { loanwords: () => new LoanwordIndex(corpus), known: (t: string) => corpus.has(t), typos: () => undefined };
    const corrected = expandQuery(analyseQuery('blcok device'), { ...sources, ordinaryNear: (t) => ordinaryWordsNear(t, words) });
    expect(corrected.groups.find((g) => g.terms.includes('blcok'))?.terms).toContain('ブロック');
    expect(expandQuery(analyseQuery('blcok device'), sources).groups.find((g) => g.terms.includes('blcok'))?.terms).toEqual(['blcok']);
    // Capitalised, it is written as a name, not as a misspelt word.
    expect(expandQuery(analyseQuery('Blcok device'), { ...sources, ordinaryNear: (t) => ordinaryWordsNear(t, words) }).groups.find((g) => g.terms.includes('blcok'))?.terms).toEqual(['blcok']);
  });

  it('corrects a misspelling as typed before its folded stem: containred is containerd, not container', () => {
    const vocabulary = ['container', 'containerd'];
    const corpus = new Set(vocabulary);
    const typos = (term: string, d: number): string | undefined => vocabulary.map((v) => [v, editDistanceWithin(term, v, d)] as const).filter(([, e]) => e <= d).sort((a, b) => a[1] - b[1])[0]?.[0];
    const corrected = expandQuery(analyseQuery('containredの設定ファイル'), { known: (t) => corpus.has(t), typos });
    expect(corrected.terms.map((t) => t.term)).toContain('containerd');
    expect(corrected.terms.map((t) => t.term)).not.toContain('container');
  });

  it('brings the glossary concept of a correction, so a misspelt English word finds the katakana the articles write (sidcar → サイドカー)', () => {
    // The corpus writes sidecar once in Latin letters and サイドカー in its prose: the concept holds both.
    const corpus = new Set(['sidecar', '~sidecar', 'サイドカ']);
    const typos = (term: string, d: number): string | undefined => (editDistanceWithin(term, 'sidecar', d) <= d ? 'sidecar' : undefined);
    const expanded = expandQuery(analyseQuery('sidcar の考え方'), { known: (t) => corpus.has(t), typos });
    const group = expanded.groups.find((g) => g.terms.includes('sidcar'))!;
    expect(group.terms).toEqual(['sidcar', 'sidecar', '~sidecar']);
    expect(expanded.terms.find((t) => t.term === '~sidecar')?.forms).toContain('サイドカ');
  });
});
