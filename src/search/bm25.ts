/**
 * MiniSearch's search (exact terms, OR, BM25+), computed over the postings of an index
 * opened with IndexReader — so no MiniSearch instance, whose load is the slow part, is
 * needed to answer. Scores and order are MiniSearch's own, to the last bit: sums are taken
 * in its order, and test/search/bm25.test.ts compares the two on a corpus.
 *
 * Scores accumulate in typed arrays kept per index rather than in a Map of objects per
 * question: a question's postings run to thousands of passages, and those objects were most
 * of what a question allocated (and so of the garbage collections in the query-time tail).
 */
import type { IndexReader, TermPostings } from './index-reader.js';

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

/** Per-document accumulators, reused from question to question (answering is synchronous). */
class Scratch {
  readonly score: Float64Array;
  readonly termScore: Float64Array;
  /** Which term (its position + 1) last touched the document, and whether any has (> 0). */
  readonly termStamp: Int32Array;
  readonly matched: Uint16Array;
  readonly touched: Uint8Array;
  /** Documents in the order they were first scored (MiniSearch's result order among ties). */
  readonly order: Int32Array;
  readonly termOrder: Int32Array;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.termScore = new Float64Array(size);
    this.termStamp = new Int32Array(size);
    this.matched = new Uint16Array(size);
    this.touched = new Uint8Array(size);
    this.order = new Int32Array(size);
    this.termOrder = new Int32Array(size);
  }
}

const scratches = new WeakMap<IndexReader, Scratch>();

/**
 * @param fieldBoosts boost of each search field, in SEARCH_FIELDS order
 * @param limit how many of the best hits to return (all by default)
 */
export function searchBm25(index: IndexReader, terms: readonly TermQuery[], fieldBoosts: readonly number[], params: Bm25Params, limit = Infinity): Bm25Hit[] {
  const { documentCount, averageFieldLength } = index.stats;
  let s = scratches.get(index);
  if (!s) scratches.set(index, (s = new Scratch(index.documentSlots)));
  const found: Array<TermPostings | undefined> = terms.map((t) => index.termPostings(t.term));
  let documents = 0;
  try {
    for (let position = 0; position < terms.length; position++) {
      const { term, boost, fieldBoosts: own } = terms[position]!;
      const postings = found[position];
      if (!postings) continue;
      // A term listed twice scores twice but is one matched term, as in MiniSearch.
      const repeated = terms.findIndex((t) => t.term === term) < position;
      const stamp = position + 1;
      let termDocuments = 0;
      const boosts = own ?? fieldBoosts;
      for (let field = 0; field < boosts.length; field++) {
        const fieldBoost = boosts[field]!;
        const posting = postings[field];
        if (!posting) continue;
        const { ids, frequencies } = posting;
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!;
          const raw = bm25Plus(frequencies[i]!, ids.length, documentCount, index.fieldLength(id, field), averageFieldLength[field]!, params);
          const weighted = boost * fieldBoost * raw;
          if (s.termStamp[id] === stamp) {
            s.termScore[id] = s.termScore[id]! + weighted;
          } else {
            s.termStamp[id] = stamp;
            s.termScore[id] = weighted;
            s.termOrder[termDocuments++] = id;
          }
        }
      }
      for (let i = 0; i < termDocuments; i++) {
        const id = s.termOrder[i]!;
        if (s.touched[id]) {
          s.score[id] = s.score[id]! + s.termScore[id]!;
          if (!repeated) s.matched[id] = s.matched[id]! + 1;
        } else {
          s.touched[id] = 1;
          s.score[id] = s.termScore[id]!;
          s.matched[id] = 1;
          s.order[documents++] = id;
        }
      }
    }
    const ranked: number[] = [];
    for (let i = 0; i < documents; i++) {
      const id = s.order[i]!;
      // MiniSearch multiplies by the number of query terms matched.
      s.score[id] = s.score[id]! * (s.matched[id] || 1);
      ranked.push(id);
    }
    // Array sort is stable: ties keep the order in which documents were first scored.
    ranked.sort((a, b) => s.score[b]! - s.score[a]!);
    return ranked.slice(0, limit).map((id) => ({ id: index.passageOfDocument(id), score: s.score[id]!, queryTerms: termsIn(id, terms, found) }));
  } finally {
    for (let i = 0; i < documents; i++) {
      const id = s.order[i]!;
      s.touched[id] = 0;
      s.termStamp[id] = 0;
    }
  }
}

/** The distinct query terms whose postings hold the document, in query order. */
function termsIn(id: number, terms: readonly TermQuery[], found: ReadonlyArray<TermPostings | undefined>): string[] {
  const matched: string[] = [];
  terms.forEach(({ term }, position) => {
    const postings = found[position];
    if (postings && !matched.includes(term) && postings.some((p) => p !== undefined && contains(p.ids, id))) matched.push(term);
  });
  return matched;
}

/** Binary search: postings list documents in ascending order. */
function contains(ids: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] === id) return true;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** MiniSearch's calcBM25Score. */
function bm25Plus(termFrequency: number, matching: number, total: number, fieldLength: number, averageFieldLength: number, { k, b, d }: Bm25Params): number {
  const inverseDocumentFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseDocumentFrequency * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)));
}
