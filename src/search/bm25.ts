/**
 * MiniSearch's search (exact terms, OR, BM25+), computed over the postings of an index
 * opened with IndexReader — so no MiniSearch instance, whose load is the slow part, is
 * needed to answer. Scores and order are MiniSearch's own, to the last bit: sums are taken
 * in its order, and test/search/bm25.test.ts compares the two on a corpus.
 */
import type { IndexReader } from './index-reader.js';

export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

export interface TermQuery {
  term: string;
  /** MiniSearch's boostTerm. */
  boost: number;
  /** Field boosts for this term, in place of the query's (SEARCH_FIELDS order). */
  fieldBoosts?: readonly number[];
}

export interface Bm25Hit {
  /** The passage's index. */
  id: number;
  score: number;
  /** The query terms the passage contains (MiniSearch's queryTerms). */
  queryTerms: string[];
}

interface Accumulated {
  score: number;
  terms: string[];
}

/**
 * @param fieldBoosts boost of each search field, in SEARCH_FIELDS order
 */
export function searchBm25(index: IndexReader, terms: readonly TermQuery[], fieldBoosts: readonly number[], params: Bm25Params): Bm25Hit[] {
  const { documentCount, averageFieldLength, fieldIds } = index.stats;
  const combined = new Map<number, Accumulated>();
  for (const { term, boost, fieldBoosts: own } of terms) {
    const postings = index.postings(term);
    if (!postings) continue;
    const termScores = new Map<number, number>();
    (own ?? fieldBoosts).forEach((fieldBoost, field) => {
      const frequencies = postings[fieldIds[field]!];
      if (!frequencies) return;
      const documents = Object.keys(frequencies);
      for (const key of documents) {
        const shortId = Number(key);
        const raw = bm25Plus(frequencies[key]!, documents.length, documentCount, index.fieldLength(shortId, field), averageFieldLength[field]!, params);
        const weighted = boost * fieldBoost * raw;
        const previous = termScores.get(shortId);
        termScores.set(shortId, previous === undefined ? weighted : previous + weighted);
      }
    });
    for (const [shortId, score] of termScores) {
      const existing = combined.get(shortId);
      if (existing) {
        existing.score += score;
        if (!existing.terms.includes(term)) existing.terms.push(term);
      } else {
        combined.set(shortId, { score, terms: [term] });
      }
    }
  }
  const hits: Bm25Hit[] = [];
  // MiniSearch multiplies by the number of query terms matched.
  for (const [shortId, { score, terms: matched }] of combined) {
    hits.push({ id: index.passageOfDocument(shortId), score: score * (matched.length || 1), queryTerms: matched });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** MiniSearch's calcBM25Score. */
function bm25Plus(termFrequency: number, matching: number, total: number, fieldLength: number, averageFieldLength: number, { k, b, d }: Bm25Params): number {
  const inverseDocumentFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseDocumentFrequency * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)));
}
