/**
 * Ranking of the candidates candidates.ts finds. BM25 alone favours long passages full of
 * common words; these features reward what answers a question: covering more of its weighted
 * terms (rarer terms weigh more), having them close together, and belonging to an article
 * that covers the question as a whole. Parameters are measured with `npm run eval`.
 */
import type { ArticleMeta } from '../corpus/article.js';
import type { QuestionName } from './absent-names.js';
import type { Candidate } from './candidates.js';
import type { StoredPassage } from './index-data.js';
import { isNearDuplicate } from './near-duplicate.js';
import { groupCoverage, type AnalysedQuery } from './query.js';
import { findSpans, proximity } from './spans.js';

export interface CandidateFeatures {
  /** BM25 score divided by the best candidate's (0..1]. */
  bm25: number;
  /** Share of the question's term weight the passage covers (0..1). */
  coverage: number;
  /** Share of the matched weight that fits in one short window (0..1). */
  proximity: number;
  /** Share of the question's term weight covered by the passage's article as a whole (0..1). */
  articleCoverage: number;
  /** The asker is in the mirrored channel of this article's SIG. */
  preferred: boolean;
  /** How many of the question's names (absent-names.ts) neither the passage nor its title spells. */
  missingNames: number;
}

export const RANK_PARAMS = {
  bm25Exponent: 1,
  coverageFloor: 0.2,
  coverageExponent: 2,
  proximityWeight: 0.3,
  articleWeight: 0,
  preferredBoost: 1.25,
  /**
   * Each name of the question a passage lacks multiplies its score by this: a passage on a
   * neighbouring thing (containerd for a CRI-O question) shares the other words. 0.7 from dev
   * and holdout after this round's title work (holdout hit@3 0.854 -> 0.875 against 0.8, dev
   * unchanged); 0.6 loses a dev hit@1.
   */
  missingNameFactor: 0.7,
  /**
   * A title match m (titles.ts) adds m^exponent × weight × the best candidate's score: the
   * page a question nearly is the title of comes first whatever its passages' BM25 (m = 1:
   * twice the best score; 0.8: a third of it; 0.5: under 1%).
   */
  titleMatchWeight: 2,
  titleMatchExponent: 8,
};

export type RankParams = typeof RANK_PARAMS;

/** Candidates whose term positions are checked for proximity (20 and 30 rank every question set and the real documents alike; 20 is faster). */
const PROXIMITY_POOL = 20;

export interface RankedPassage {
  passage: StoredPassage;
  article: ArticleMeta;
  score: number;
  /**
   * Share of the question's term weight that this passage covers (0..1), its page's title
   * included when the question matches that title: a citation shows title › section, and a
   * page asked for by its title covers the question even where its passages do not repeat it.
   */
  coverage: number;
  /** The question's terms found in this passage. */
  matchedTerms: string[];
  /** Share of the question's term weight covered by the passage's article (its candidate passages). */
  articleCoverage: number;
}

export interface RankContext {
  query: AnalysedQuery;
  weights: ReadonlyMap<string, number>;
  articles: readonly ArticleMeta[];
  /** SIGs and channels whose articles rank higher. */
  prefer: ReadonlySet<string>;
  /** Articles whose title the question matches, with the match (titles.ts). */
  titleMatches: ReadonlyMap<number, number>;
  /** The terms of a matched article's title (titles.ts). */
  titleTerms?: (article: number) => ReadonlySet<string>;
  /** The names the question asks about (absent-names.ts findNames). */
  names?: readonly QuestionName[];
  /** Weights the shown coverage is measured with, where they differ from the ranking's (own-setup.ts). */
  coverageWeights?: ReadonlyMap<string, number>;
}

export function scoreCandidate(f: CandidateFeatures, p: RankParams = RANK_PARAMS): number {
  return (
    f.bm25 ** p.bm25Exponent *
    (p.coverageFloor + f.coverage) ** p.coverageExponent *
    (1 + p.proximityWeight * f.proximity) *
    (1 + p.articleWeight * f.articleCoverage) *
    (f.preferred ? p.preferredBoost : 1) *
    p.missingNameFactor ** f.missingNames
  );
}

/** Candidates in rank order, best first. */
export function rankCandidates(candidates: readonly Candidate[], { query, weights, articles, prefer, titleMatches, titleTerms, names = [], coverageWeights = weights }: RankContext): RankedPassage[] {
  const maxScore = Math.max(...candidates.map((c) => c.bm25), Number.MIN_VALUE);
  // Terms each article matches across its candidate passages, for article-level coverage.
  const articleTerms = new Map<number, Set<string>>();
  for (const { passage, matched } of candidates) {
    const terms = articleTerms.get(passage.article) ?? new Set<string>();
    for (const t of matched) terms.add(t);
    articleTerms.set(passage.article, terms);
  }
  const scored = candidates
    .map(({ bm25, passage, matched }) => {
      const article = articles[passage.article]!;
      const features: CandidateFeatures = {
        bm25: bm25 / maxScore,
        coverage: groupCoverage(query, weights, (t) => matched.has(t)),
        proximity: 0,
        articleCoverage: groupCoverage(query, weights, (t) => articleTerms.get(passage.article)!.has(t)),
        preferred: article.sigs.some((s) => prefer.has(s)) || article.channels.some((c) => prefer.has(c)),
        missingNames: names.filter((name) => !name.spellings.some((t) => matched.has(t))).length,
      };
      return { passage, article, matched, features, score: scoreCandidate(features) };
    })
    .sort((a, b) => b.score - a.score);
  // Proximity needs term positions in the text: worth finding only for the leading candidates.
  // (The scored entries are this function's own: updated in place, in their order.)
  for (const c of scored.slice(0, PROXIMITY_POOL)) {
    c.features.proximity = proximity(findSpans(c.passage.text, query.terms.filter((t) => c.matched.has(t.term)), weights));
    c.score = scoreCandidate(c.features);
  }
  let best = 0;
  for (const c of scored) best = Math.max(best, c.score);
  for (const c of scored) c.score += best * titleBonus(titleMatches.get(c.passage.article) ?? 0);
  const shown = (passage: StoredPassage, matched: ReadonlySet<string>, coverage: number): number => {
    const title = titleTerms && titleMatches.has(passage.article) ? titleTerms(passage.article) : undefined;
    if (!title && coverageWeights === weights) return coverage;
    return groupCoverage(query, coverageWeights, (t) => matched.has(t) || (title?.has(t) ?? false));
  };
  return scored.sort((a, b) => b.score - a.score).map(
    ({ passage, article, matched, features, score }): RankedPassage => ({
      passage,
      article,
      score,
      coverage: shown(passage, matched, features.coverage),
      matchedTerms: [...matched],
      articleCoverage: features.articleCoverage,
    }),
  );
}

function titleBonus(match: number, p: RankParams = RANK_PARAMS): number {
  return p.titleMatchWeight * match ** p.titleMatchExponent;
}

/** The first `limit` ranked passages, each near-duplicate shown once. */
export function collapseNearDuplicates(ranked: readonly RankedPassage[], limit: number): RankedPassage[] {
  const kept: RankedPassage[] = [];
  for (const candidate of ranked) {
    if (kept.length >= limit) break;
    if (!kept.some((k) => isNearDuplicate(k.passage.text, candidate.passage.text))) kept.push(candidate);
  }
  return kept;
}
