import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchBm25 } from '../../src/search/bm25.js';
import type { IndexData } from '../../src/search/index-data.js';
import { encodeIndex } from '../../src/search/index-layout.js';
import { IndexReader } from '../../src/search/index-reader.js';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { MINISEARCH_OPTIONS, SEARCH_FIELDS, type IndexedPassage } from '../../src/search/options.js';
import { RANKING_CORPUS } from '../support/build-fixture.js';

let data: IndexData;
let reader: IndexReader;
let miniSearch: MiniSearch<IndexedPassage>;
let vocabulary: string[];

beforeAll(async () => {
  data = (await buildIndexFromCorpus(RANKING_CORPUS, { strict: true })).data;
  reader = IndexReader.open(encodeIndex(data));
  miniSearch = MiniSearch.loadJS(data.miniSearch, MINISEARCH_OPTIONS);
  vocabulary = data.miniSearch.index.map(([term]) => term);
});

// Ranking is built on these scores, so answering without loading MiniSearch must not change them.
describe('searchBm25 over the index file', () => {
  it('gives MiniSearch’s own results — passages, scores, order, matched terms — for any terms, boosts and BM25 parameters', () => {
    const query = fc.record({
      terms: fc.array(fc.record({ term: fc.oneof(fc.constantFrom(...vocabulary), fc.constant('未知語')), boost: fc.constantFrom(0.8, 1, 1.5) }), { minLength: 1, maxLength: 8 }),
      fieldBoosts: fc.tuple(fc.constantFrom(1, 2, 3), fc.constantFrom(1, 2)),
      bm25: fc.record({ k: fc.double({ min: 0.5, max: 2, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), d: fc.constantFrom(0, 0.5, 1) }),
    });
    fc.assert(
      fc.property(query, ({ terms, fieldBoosts, bm25 }) => {
        const boostOf = new Map<string, number>();
        for (const t of terms) if (!boostOf.has(t.term)) boostOf.set(t.term, t.boost);
        const unique = [...boostOf].map(([term, boost]) => ({ term, boost }));
        const expected = miniSearch
          .search(unique.map((t) => t.term).join('\u0000'), {
            tokenize: (s) => s.split('\u0000'),
            processTerm: (t) => t,
            boost: Object.fromEntries(SEARCH_FIELDS.map((f, i) => [f, fieldBoosts[i]!])),
            bm25,
            boostTerm: (term) => boostOf.get(term) ?? 1,
          })
          .map((r) => ({ id: r.id as number, score: r.score, queryTerms: r.queryTerms }));
        expect(searchBm25(reader, unique, fieldBoosts, bm25)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the best hits first when given a limit: the same passages, scores and order as the full list’s head', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 12 }), (words, limit) => {
        const terms = [...new Set(words)].map((term) => ({ term, boost: 1 }));
        const all = searchBm25(reader, terms, [1, 1], { k: 1.2, b: 0.7, d: 0.5 });
        expect(searchBm25(reader, terms, [1, 1], { k: 1.2, b: 0.7, d: 0.5 }, limit)).toEqual(all.slice(0, limit));
      }),
      { numRuns: 100 },
    );
  });

  it('scores a question the same however many questions came before (its accumulators start clean)', () => {
    const terms = vocabulary.slice(0, 5).map((term) => ({ term, boost: 1 }));
    const first = searchBm25(reader, terms, [1, 1], { k: 1.2, b: 0.7, d: 0.5 });
    for (const term of vocabulary.slice(5, 40)) searchBm25(reader, [{ term, boost: 2 }], [1, 1], { k: 1.2, b: 0.7, d: 0.5 });
    expect(searchBm25(reader, terms, [1, 1], { k: 1.2, b: 0.7, d: 0.5 })).toEqual(first);
  });
});
