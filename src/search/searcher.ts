/**
 * Retrieval: MiniSearch (BM25 over title, section and text) finds candidates; ranking then
 * rewards passages that cover more of the question's weighted terms, and close together.
 */
import MiniSearch from 'minisearch';
import type { ArticleMeta } from '../corpus/article.js';
import type { IndexData, StoredPassage } from './index-data.js';
import { MINISEARCH_OPTIONS, type IndexedPassage } from './options.js';
import { analyseQuery, idf, KIND_WEIGHT, type AnalysedQuery, type QueryTerm } from './query.js';
import { scoreCandidate, type CandidateFeatures } from './rank.js';
import { findSpans, proximity } from './spans.js';
import { isNearDuplicate } from './near-duplicate.js';

export interface SearchOptions {
  /** How many ranked passages to return. */
  limit: number;
  /** SIGs whose articles rank higher (the asker is in a mirrored channel such as #sig-node). */
  preferSigs?: readonly string[];
}

export interface RankedPassage {
  passage: StoredPassage;
  article: ArticleMeta;
  score: number;
  /** Share of the question's term weight that this passage covers (0..1). */
  coverage: number;
  /** The question's terms found in this passage. */
  matchedTerms: string[];
  /** Share of the question's term weight covered by the passage's article (its candidate passages). */
  articleCoverage: number;
}

export interface SearchOutcome {
  query: AnalysedQuery;
  /** Weight of each query term: idf × kind weight. */
  weights: Map<string, number>;
  /** Share of the question's term weight that the corpus contains at all (0..1). */
  corpusCoverage: number;
  results: RankedPassage[];
}

/** Field boosts: a match in a heading or the title says more than one in running text. */
export const FIELD_BOOST = { title: 1.5, section: 2, text: 1 };
/** MiniSearch's BM25+ parameters (its defaults: k 1.2, b 0.7, d 0.5). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const CANDIDATES = 100;
const TERM_SEPARATOR = '\u0000';

export class Searcher {
  private readonly miniSearch: MiniSearch<IndexedPassage>;

  constructor(readonly data: IndexData) {
    this.miniSearch = MiniSearch.loadJS(data.miniSearch, MINISEARCH_OPTIONS);
  }

  get passageCount(): number {
    return this.data.passages.length;
  }

  weightOf(term: QueryTerm): number {
    const df = this.data.documentFrequency[term.term] ?? 0;
    return idf(df, this.passageCount) * KIND_WEIGHT[term.kind];
  }

  search(question: string, options: SearchOptions): SearchOutcome {
    const query = analyseQuery(question);
    const weights = new Map(query.terms.map((t) => [t.term, this.weightOf(t)]));
    const inCorpus = (term: string): boolean => (this.data.documentFrequency[term] ?? 0) > 0;
    const corpusCoverage = groupCoverage(query, weights, inCorpus);
    if (query.terms.length === 0) return { query, weights, corpusCoverage, results: [] };

    const hits = this.miniSearch.search(query.terms.map((t) => t.term).join(TERM_SEPARATOR), {
      tokenize: (s) => s.split(TERM_SEPARATOR),
      processTerm: (t) => t,
      boost: FIELD_BOOST,
      bm25: BM25,
      boostTerm: (term) => KIND_WEIGHT[query.terms.find((t) => t.term === term)?.kind ?? 'word'],
    });
    const top = hits.slice(0, CANDIDATES);
    const maxScore = top[0]?.score ?? 1;
    const prefer = new Set(options.preferSigs ?? []);
    // Terms each article matches across its candidate passages, for article-level coverage.
    const articleTerms = new Map<number, Set<string>>();
    for (const hit of top) {
      const article = this.data.passages[hit.id as number]!.article;
      const terms = articleTerms.get(article) ?? new Set<string>();
      for (const t of hit.queryTerms) terms.add(t);
      articleTerms.set(article, terms);
    }
    const ranked = top
      .map((hit): RankedPassage => {
        const passage = this.data.passages[hit.id as number]!;
        const article = this.data.articles[passage.article]!;
        const matched = new Set(hit.queryTerms);
        const coverage = groupCoverage(query, weights, (t) => matched.has(t));
        const spans = findSpans(passage.text, query.terms.filter((t) => matched.has(t.term)), weights);
        const features: CandidateFeatures = {
          bm25: hit.score / maxScore,
          coverage,
          proximity: proximity(spans),
          articleCoverage: groupCoverage(query, weights, (t) => articleTerms.get(passage.article)!.has(t)),
          preferred: article.sigs.some((s) => prefer.has(s)) || article.channels.some((c) => prefer.has(c)),
        };
        return { passage, article, score: scoreCandidate(features), coverage, matchedTerms: hit.queryTerms, articleCoverage: features.articleCoverage };
      })
      .sort((a, b) => b.score - a.score);
    return { query, weights, corpusCoverage, results: collapseNearDuplicates(ranked, options.limit) };
  }
}

function collapseNearDuplicates(ranked: RankedPassage[], limit: number): RankedPassage[] {
  const kept: RankedPassage[] = [];
  for (const candidate of ranked) {
    if (kept.length >= limit) break;
    if (!kept.some((k) => isNearDuplicate(k.passage.text, candidate.passage.text))) kept.push(candidate);
  }
  return kept;
}

/** Share of the question's weight (group by group, each weighing as its heaviest term) that `has` finds. */
function groupCoverage(query: AnalysedQuery, weights: ReadonlyMap<string, number>, has: (term: string) => boolean): number {
  let total = 0;
  let covered = 0;
  for (const group of query.groups) {
    const weight = Math.max(...group.terms.map((t) => weights.get(t) ?? 0));
    total += weight;
    if (group.terms.some(has)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}
