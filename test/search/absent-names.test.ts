import { describe, expect, it } from 'vitest';
import { findAbsentNames } from '../../src/search/absent-names.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import { analyseQuery } from '../../src/search/query.js';

describe('findAbsentNames', () => {
  // Article 0 mentions kubectl and debug; article 1 mentions rbac. Every term is in the corpus.
  const pages: Record<number, string[]> = { 0: ['kubectl', 'debug', 'ephemeral'], 1: ['rbac', 'チェックポイント'] };
  const page = { articleHas: (article: number, term: string) => (pages[article] ?? []).includes(term) };
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
