/**
 * Ranking of MiniSearch's candidates. BM25 alone favours long passages full of common words;
 * these features reward what answers a question: covering more of its weighted terms
 * (rarer terms weigh more), having them close together, and belonging to an article that
 * covers the question as a whole. Parameters are measured with `npm run eval`.
 */
export interface CandidateFeatures {
  /** MiniSearch's BM25 score divided by the best candidate's (0..1]. */
  bm25: number;
  /** Share of the question's term weight the passage covers (0..1). */
  coverage: number;
  /** Share of the matched weight that fits in one short window (0..1). */
  proximity: number;
  /** Share of the question's term weight covered by the passage's article as a whole (0..1). */
  articleCoverage: number;
  /** The asker is in the mirrored channel of this article's SIG. */
  preferred: boolean;
}

export const RANK_PARAMS = {
  bm25Exponent: 1,
  coverageFloor: 0.2,
  coverageExponent: 2,
  proximityWeight: 0.3,
  articleWeight: 0,
  preferredBoost: 1.25,
};

export type RankParams = typeof RANK_PARAMS;

export function scoreCandidate(f: CandidateFeatures, p: RankParams = RANK_PARAMS): number {
  return (
    f.bm25 ** p.bm25Exponent *
    (p.coverageFloor + f.coverage) ** p.coverageExponent *
    (1 + p.proximityWeight * f.proximity) *
    (1 + p.articleWeight * f.articleCoverage) *
    (f.preferred ? p.preferredBoost : 1)
  );
}
