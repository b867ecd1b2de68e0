/**
 * Retrieval: BM25 over the MiniSearch index (section and text) finds candidates; ranking then
 * rewards passages that cover more of the question's weighted terms, and close together.
 */
import type { ArticleMeta } from '../corpus/article.js';
import { searchBm25 } from './bm25.js';
import type { IndexData, StoredPassage } from './index-data.js';
import { encodeIndex } from './index-layout.js';
import { IndexReader } from './index-reader.js';
import { SEARCH_FIELDS } from './options.js';
import { analyseQuery, withContext, groupCredit, idf, splitUnknownCompounds, termWeight, type AnalysedQuery, type QueryTerm } from './query.js';
import { scoreCandidate, type CandidateFeatures } from './rank.js';
import { findSpans, proximity } from './spans.js';
import { isNearDuplicate } from './near-duplicate.js';
import { findUnknownNames } from './unknown-names.js';
import { normalizeText } from '../text/normalize.js';

export interface SearchOptions {
  /** How many ranked passages to return. */
  limit: number;
  /** SIGs whose articles rank higher (the asker is in a mirrored channel such as #sig-node). */
  preferSigs?: readonly string[];
  /** A follow-up's earlier question: searched too, at a lower weight (query.ts withContext). */
  context?: string;
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

/**
 * Field boosts. A heading is shared by every passage of its section, so it says which
 * section rather than which passage, and an article's opening passage has none: at full
 * weight, passages under a heading that repeats the question's topic words outranked the
 * passage whose text answers. Heading matches still count fully for coverage. Measured with
 * npm run eval: section 0.15–0.25 give the same figures; 0.3–1 lose one hit@1, ≤ 0.1 one hit@3.
 */
export const FIELD_BOOST = { section: 0.2, text: 1 };
/** MiniSearch's BM25+ parameters (its defaults: k 1.2, b 0.7, d 0.5). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/**
 * Weight of the question's terms found in a candidate's article title, added to its BM25
 * score (idf × kind per term). Measured with npm run eval on the dev set and
 * qa/holdout.jsonl: 0.5–2 give the same figures (holdout hit@1 0.688 → 0.708, dev unchanged);
 * 4 makes one more unanswerable dev question look answered.
 */
const TITLE_WEIGHT = 1;
const CANDIDATES = 50;
/** Candidates whose term positions are checked for proximity. */
const PROXIMITY_POOL = 30;
/**
 * Work bound for picking candidates: the rarest terms are searched until their passage
 * counts add up to this many postings (see splitByRarity).
 */
const CANDIDATE_POSTINGS = 1_500;
const MIN_CANDIDATE_TERMS = 1;

/** A passage MiniSearch found, with every question term it contains. */
interface Candidate {
  bm25: number;
  passage: StoredPassage;
  matched: Set<string>;
}

export class Searcher {
  private readonly normalized = new WeakMap<StoredPassage, string>();
  private readonly titles: string[] = [];

  /** The index answered from; built data is laid out as the index file is, and read the same way. */
  readonly index: IndexReader;

  constructor(index: IndexReader | IndexData) {
    this.index = index instanceof IndexReader ? index : IndexReader.open(encodeIndex(index));
  }

  get passageCount(): number {
    return this.index.passageCount;
  }

  weightOf(term: QueryTerm): number {
    return idf(this.index.documentFrequency(term.term), this.passageCount) * termWeight(term);
  }

  search(question: string, options: SearchOptions): SearchOutcome {
    const known = (term: string): boolean => this.index.documentFrequency(term) > 0;
    const query = splitUnknownCompounds(withContext(analyseQuery(question), options.context), known);
    const weights = new Map(query.terms.map((t) => [t.term, this.weightOf(t)]));
    const corpusCoverage = groupCoverage(query, weights, known);
    if (query.terms.length === 0) return { query, weights, corpusCoverage, results: [] };
    const ranked = this.rank(this.findCandidates(query), query, weights, new Set(options.preferSigs ?? []));
    return { query, weights, corpusCoverage, results: collapseNearDuplicates(ranked, options.limit) };
  }

  /**
   * Candidates come from the question's distinctive terms: one found in a large share of all
   * passages would make MiniSearch score most of the corpus for little information. Common
   * terms, and terms in the article's title, still count: they are looked up in the text.
   */
  private findCandidates(query: AnalysedQuery): Candidate[] {
    const { distinctive, common } = this.splitByRarity(query.terms);
    const hits = searchBm25(
      this.index,
      distinctive.map((t) => ({ term: t.term, boost: termWeight(t) })),
      SEARCH_FIELDS.map((f) => FIELD_BOOST[f]),
      BM25,
    );
    const found = (text: string, t: QueryTerm): boolean => t.forms.some((f) => text.includes(f));
    return hits.slice(0, CANDIDATES).map((hit) => {
      const passage = this.index.passage(hit.id);
      const matched = new Set(hit.queryTerms);
      // Titles are not indexed per passage (that repeated every title in every passage): their
      // terms are looked up here, count as matched, and add their weight to the BM25 score.
      const title = this.normalizedTitle(passage.article);
      let titleScore = 0;
      for (const t of query.terms) {
        if (!found(title, t)) continue;
        matched.add(t.term);
        titleScore += this.weightOf(t);
      }
      if (common.length > 0) {
        const text = this.normalizedText(passage);
        for (const t of common) if (found(text, t)) matched.add(t.term);
      }
      return { bm25: hit.score + TITLE_WEIGHT * titleScore, passage, matched };
    });
  }

  private rank(candidates: Candidate[], query: AnalysedQuery, weights: Map<string, number>, prefer: Set<string>): RankedPassage[] {
    const maxScore = candidates[0]?.bm25 ?? 1;
    // Terms each article matches across its candidate passages, for article-level coverage.
    const articleTerms = new Map<number, Set<string>>();
    for (const { passage, matched } of candidates) {
      const terms = articleTerms.get(passage.article) ?? new Set<string>();
      for (const t of matched) terms.add(t);
      articleTerms.set(passage.article, terms);
    }
    const scored = candidates
      .map(({ bm25, passage, matched }) => {
        const article = this.index.articles[passage.article]!;
        const features: CandidateFeatures = {
          bm25: bm25 / maxScore,
          coverage: groupCoverage(query, weights, (t) => matched.has(t)),
          proximity: 0,
          articleCoverage: groupCoverage(query, weights, (t) => articleTerms.get(passage.article)!.has(t)),
          preferred: article.sigs.some((s) => prefer.has(s)) || article.channels.some((c) => prefer.has(c)),
        };
        return { passage, article, matched, features, score: scoreCandidate(features) };
      })
      .sort((a, b) => b.score - a.score);
    // Proximity needs term positions in the text: worth finding only for the leading candidates.
    const leading = scored.slice(0, PROXIMITY_POOL).map((c) => {
      const features = { ...c.features, proximity: proximity(findSpans(c.passage.text, query.terms.filter((t) => c.matched.has(t.term)), weights)) };
      return { ...c, features, score: scoreCandidate(features) };
    });
    return [...leading.sort((a, b) => b.score - a.score), ...scored.slice(PROXIMITY_POOL)].map(
      ({ passage, article, matched, features, score }): RankedPassage => ({
        passage,
        article,
        score,
        coverage: features.coverage,
        matchedTerms: [...matched],
        articleCoverage: features.articleCoverage,
      }),
    );
  }

  /** Names in the question (AppArmor, IPVS, Karpenter) that no passage, heading or title mentions. */
  unknownNames(question: string): string[] {
    return findUnknownNames(question, {
      documentFrequency: (term) => this.index.documentFrequency(term),
      inTitle: (text) => this.index.articles.some((_, i) => this.normalizedTitle(i).includes(text)),
    });
  }

  private normalizedTitle(article: number): string {
    this.titles[article] ??= normalizeText(this.index.articles[article]!.title);
    return this.titles[article]!;
  }

  /** A passage's headings and text, normalised as the analyser does; kept once computed. */
  private normalizedText(passage: StoredPassage): string {
    let text = this.normalized.get(passage);
    if (text === undefined) {
      text = normalizeText(`${passage.sectionPath.join(' ')}\n${passage.text}`);
      this.normalized.set(passage, text);
    }
    return text;
  }

  /**
   * The question's rarest terms, up to CANDIDATE_POSTINGS postings in all (and at least
   * MIN_CANDIDATE_TERMS of them), pick the candidates; the rest are common. On a small corpus
   * every term picks candidates; on a large one, query time stays bounded.
   */
  private splitByRarity(terms: readonly QueryTerm[]): { distinctive: QueryTerm[]; common: QueryTerm[] } {
    const df = (t: QueryTerm): number => this.index.documentFrequency(t.term);
    const byRarity = [...terms].sort((a, b) => df(a) - df(b));
    const distinctive: QueryTerm[] = [];
    let postings = 0;
    for (const t of byRarity) {
      postings += df(t);
      if (distinctive.length >= MIN_CANDIDATE_TERMS && postings > CANDIDATE_POSTINGS) break;
      distinctive.push(t);
    }
    return { distinctive, common: byRarity.slice(distinctive.length) };
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

/**
 * Share of the question's weight (group by group, each weighing as its heaviest term) that
 * `has` finds; parts of a compound found without it cover their share of their group.
 */
function groupCoverage(query: AnalysedQuery, weights: ReadonlyMap<string, number>, has: (term: string) => boolean): number {
  let total = 0;
  let covered = 0;
  for (const group of query.groups) {
    const weight = Math.max(...group.terms.map((t) => weights.get(t) ?? 0));
    total += weight;
    covered += weight * groupCredit(group, has);
  }
  return total > 0 ? covered / total : 0;
}
