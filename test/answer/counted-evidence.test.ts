import { describe, expect, it } from 'vitest';
import { findMissingKinds } from '../../src/answer/answer-evidence.js';
import { countedTerms } from '../../src/answer/counted-evidence.js';
import { analyseQuery } from '../../src/search/query.js';

describe('counted evidence', () => {
  it('reads the thing an English how-many question counts, and nothing without one', () => {
    expect([...(countedTerms(analyseQuery('How many GKE clusters were hit by the bug?')) ?? [])]).toContain('cluster');
    expect([...(countedTerms(analyseQuery('Roughly how many contributors and committers has Kubernetes had?')) ?? [])]).toContain('contributor');
    expect(countedTerms(analyseQuery('How many were there?'))).toBeUndefined();
    expect(countedTerms(analyseQuery('クラスタは何台？'))).toBeUndefined();
  });

  it('refuses a count whose passages write no number beside the counted thing, only a version or a date, however well they cover the words', () => {
    const query = analyseQuery('How many GKE clusters were hit by the Pod lifecycle bug?');
    const weights = new Map(query.terms.map((t) => [t.term, 2]));
    const version = { text: 'The Pod lifecycle bug was fixed before we upgraded our GKE clusters to 1.22 on 2022/4/11.' };
    expect(findMissingKinds({ query, weights }, [version], 1, 0.5)).toEqual(['number']);
    const counted = { text: 'The Pod lifecycle bug hit 12 GKE clusters before the fix.' };
    expect(findMissingKinds({ query, weights }, [counted], 1, 0.5)).toEqual([]);
  });
});
