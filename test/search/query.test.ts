import { describe, expect, it } from 'vitest';
import { analyseQuery, splitUnknownCompounds } from '../../src/search/query.js';
import { foldKatakana, foldPlural } from '../../src/text/normalize.js';

describe('analyseQuery', () => {
  it('groups a word with its glossary concept, so either spelling covers the idea', () => {
    const q = analyseQuery('sidecar');
    expect(q.groups).toEqual([{ terms: expect.arrayContaining(['sidecar', '~sidecar']) }]);
  });

  it('groups the words of a multi-word form with its concept', () => {
    const q = analyseQuery('control plane');
    const group = q.groups.find((g) => g.terms.includes('~control-plane'));
    expect(group?.terms).toEqual(expect.arrayContaining(['control', foldPlural('plane')]));
  });
});

describe('splitUnknownCompounds', () => {
  const vocabulary = new Set(['リリース', 'シャドウ', 'ブック'].map(foldKatakana));
  const known = (t: string): boolean => vocabulary.has(t);

  it('splits a katakana compound the corpus never uses whole into words it does use', () => {
    const question = analyseQuery('リリースシャドウ');
    expect(question.terms.map((t) => t.term)).toEqual([foldKatakana('リリースシャドウ')]);
    const q = splitUnknownCompounds(question, known);
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['リリース', 'シャドウ'].map(foldKatakana)));
    expect(q.groups).toHaveLength(1);
  });

  it('leaves known words and unsplittable words alone', () => {
    const q = analyseQuery('ブック ギャラクシー');
    expect(splitUnknownCompounds(q, known)).toBe(q);
  });
});
