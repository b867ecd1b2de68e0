/**
 * Retrieval: query analysis (query.ts), candidate finding (candidates.ts) and ranking
 * (rank.ts) over one index.
 */
import { LoanwordIndex } from '../text/loanwords.js';
import { defaultSynonyms } from '../text/synonyms.js';
import { CandidateFinder } from './candidates.js';
import { expandQuery } from './expansions.js';
import type { IndexData } from './index-data.js';
import { encodeIndex } from './index-layout.js';
import { IndexReader } from './index-reader.js';
import { analyseQuery, groupCoverage, splitUnknownCompounds, type AnalysedQuery, type QueryTerm } from './query.js';
import { collapseNearDuplicates, rankCandidates, type RankedPassage } from './rank.js';
import { findUnknownNames } from './unknown-names.js';

export type { RankedPassage } from './rank.js';

export interface SearchOptions {
  /** How many ranked passages to return. */
  limit: number;
  /** SIGs whose articles rank higher (the asker is in a mirrored channel such as #sig-node). */
  preferSigs?: readonly string[];
}

export interface SearchOutcome {
  query: AnalysedQuery;
  /** Weight of each query term: idf × kind weight. */
  weights: Map<string, number>;
  /** Share of the question's term weight that the corpus contains at all (0..1). */
  corpusCoverage: number;
  results: RankedPassage[];
}

export class Searcher {
  /** The index answered from; built data is laid out as the index file is, and read the same way. */
  readonly index: IndexReader;
  private readonly candidates: CandidateFinder;
  /** Built on the first question: the corpus's katakana and English words by sound. */
  private loanwords: LoanwordIndex | undefined;

  constructor(index: IndexReader | IndexData) {
    this.index = index instanceof IndexReader ? index : IndexReader.open(encodeIndex(index));
    this.candidates = new CandidateFinder(this.index);
  }

  get passageCount(): number {
    return this.index.passageCount;
  }

  weightOf(term: QueryTerm): number {
    return this.candidates.weightOf(term);
  }

  search(question: string, options: SearchOptions): SearchOutcome {
    const known = (term: string): boolean => this.index.documentFrequency(term) > 0;
    this.loanwords ??= new LoanwordIndex(this.index.vocabulary());
    const query = expandQuery(splitUnknownCompounds(analyseQuery(question), known), { synonyms: defaultSynonyms(), loanwords: this.loanwords, known });
    const weights = new Map(query.terms.map((t) => [t.term, this.weightOf(t)]));
    const corpusCoverage = groupCoverage(query, weights, known);
    if (query.terms.length === 0) return { query, weights, corpusCoverage, results: [] };
    const ranked = rankCandidates(this.candidates.find(query), { query, weights, articles: this.index.articles, prefer: new Set(options.preferSigs ?? []) });
    return { query, weights, corpusCoverage, results: collapseNearDuplicates(ranked, options.limit) };
  }

  /** Names in the question (AppArmor, IPVS, Karpenter) that no passage, heading or title mentions. */
  unknownNames(question: string): string[] {
    return findUnknownNames(question, {
      documentFrequency: (term) => this.index.documentFrequency(term),
      inTitle: (text) => this.index.articles.some((_, i) => this.candidates.normalizedTitle(i).includes(text)),
    });
  }
}
