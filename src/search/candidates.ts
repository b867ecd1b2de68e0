/**
 * Candidate finding: BM25 over the index's postings (section and text) for the question's
 * distinctive terms, each candidate with every question term it contains (in its text, its
 * headings or its article's title). Ranking them is rank.ts's job.
 */
import { searchBm25 } from './bm25.js';
import type { StoredPassage } from './index-data.js';
import type { IndexReader } from './index-reader.js';
import { SEARCH_FIELDS } from './options.js';
import { idf, termWeight, type AnalysedQuery, type QueryTerm } from './query.js';
import { normalizeFolded } from '../text/normalize.js';

/**
 * Field boosts. A heading is shared by every passage of its section, so it says which
 * section rather than which passage, and an article's opening passage has none: at full
 * weight, passages under a heading that repeats the question's topic words outranked the
 * passage whose text answers. Heading matches still count fully for coverage. Measured with
 * npm run eval: section 0.15–0.25 give the same figures; 0.3–1 lose one hit@1, ≤ 0.1 one hit@3.
 */
export const FIELD_BOOST = { section: 0.2, text: 1 };
/**
 * An identifier (a KEP number, a field name) names one thing: in a heading it says as much as
 * in the text, since a section titled with it is about it. Its heading matches weigh fully.
 */
const IDENT_FIELD_BOOST = { section: 1, text: 1 };
/** MiniSearch's BM25+ parameters (its defaults: k 1.2, b 0.7, d 0.5). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/**
 * Weight of the question's terms found in a candidate's article title, added to its BM25
 * score (idf × kind per term). Measured with npm run eval on the dev set and
 * qa/holdout.jsonl: 0.5–2 give the same figures (holdout hit@1 0.688 → 0.708, dev unchanged);
 * 4 makes one more unanswerable dev question look answered.
 */
const TITLE_WEIGHT = 1;
const IDENT_BOOSTS = SEARCH_FIELDS.map((f) => IDENT_FIELD_BOOST[f]);
const CANDIDATES = 50;
/**
 * Work bound for picking candidates: the rarest terms are searched until their passage
 * counts add up to this many postings (see splitByRarity).
 */
const CANDIDATE_POSTINGS = 1_500;
const MIN_CANDIDATE_TERMS = 1;

/** A passage BM25 found, with every question term it contains. */
export interface Candidate {
  bm25: number;
  passage: StoredPassage;
  matched: Set<string>;
}

export class CandidateFinder {
  private readonly normalized = new WeakMap<StoredPassage, string>();
  private readonly titles: string[] = [];

  constructor(private readonly index: IndexReader) {}

  weightOf(term: QueryTerm): number {
    return idf(this.index.documentFrequency(term.term), this.index.passageCount) * termWeight(term);
  }

  /**
   * Candidates come from the question's distinctive terms: one found in a large share of all
   * passages would make BM25 score most of the corpus for little information. Common terms,
   * and terms in the article's title, still count: they are looked up in the text.
   */
  find(query: AnalysedQuery): Candidate[] {
    const { distinctive, common } = this.splitByRarity(query.terms);
    const hits = searchBm25(
      this.index,
      distinctive.map((t) => ({ term: t.term, boost: termWeight(t), ...(t.kind === 'ident' ? { fieldBoosts: IDENT_BOOSTS } : {}) })),
      SEARCH_FIELDS.map((f) => FIELD_BOOST[f]),
      BM25,
      CANDIDATES,
    );
    return hits.map((hit) => this.candidate(this.index.passage(hit.id), hit.score, hit.queryTerms, common, query));
  }

  /**
   * The opening passage of an article whose title the question matches, as a candidate: a
   * title made of common words may bring none of its passages in through BM25.
   */
  opening(article: number, query: AnalysedQuery): Candidate {
    return this.candidate(this.index.passage(this.firstPassageOf(article)), 0, [], query.terms, query);
  }

  private candidate(passage: StoredPassage, bm25: number, matchedTerms: readonly string[], lookUp: readonly QueryTerm[], query: AnalysedQuery): Candidate {
    const found = (text: string, t: QueryTerm): boolean => t.forms.some((f) => text.includes(f));
    const matched = new Set(matchedTerms);
    // Titles are not indexed per passage (that repeated every title in every passage): their
    // terms are looked up here, count as matched, and add their weight to the BM25 score.
    const title = this.normalizedTitle(passage.article);
    let titleScore = 0;
    for (const t of query.terms) {
      if (!found(title, t)) continue;
      matched.add(t.term);
      titleScore += this.weightOf(t);
    }
    if (lookUp.length > 0) {
      const text = this.normalizedText(passage);
      for (const t of lookUp) if (found(text, t)) matched.add(t.term);
    }
    return { bm25: bm25 + TITLE_WEIGHT * titleScore, passage, matched };
  }

  /** Whether the article's title or one of its passages holds the term (one of its forms), as candidates match common terms. */
  articleHas(article: number, t: QueryTerm): boolean {
    const found = (text: string): boolean => t.forms.some((f) => text.includes(f));
    if (found(this.normalizedTitle(article))) return true;
    for (let i = this.firstPassageOf(article); i < this.index.passageCount; i++) {
      const passage = this.index.passage(i);
      if (passage.article !== article) break;
      if (found(this.normalizedText(passage))) return true;
    }
    return false;
  }

  /** The article's title and each of its passages (headings and text), normalised and folded as the analyser does. */
  pageTexts(article: number): string[] {
    const texts = [this.normalizedTitle(article)];
    for (let i = this.firstPassageOf(article); i < this.index.passageCount; i++) {
      const passage = this.index.passage(i);
      if (passage.article !== article) break;
      texts.push(this.normalizedText(passage));
    }
    return texts;
  }

  /** The article's passages as stored (text as written, for rules reading it with its case and prolonged marks). */
  passagesOf(article: number): StoredPassage[] {
    const out: StoredPassage[] = [];
    for (let i = this.firstPassageOf(article); i < this.index.passageCount; i++) {
      const passage = this.index.passage(i);
      if (passage.article !== article) break;
      out.push(passage);
    }
    return out;
  }

  /** Passages are stored article by article, in article order: a binary search finds the first. */
  private firstPassageOf(article: number): number {
    let lo = 0;
    let hi = this.index.passageCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.index.passage(mid).article < article) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** An article's title, normalised and folded as the analyser does; kept once computed. */
  normalizedTitle(article: number): string {
    this.titles[article] ??= normalizeFolded(this.index.articles[article]!.title);
    return this.titles[article]!;
  }

  /** A passage's headings and text, normalised and folded as the analyser does; kept once computed. */
  normalizedText(passage: StoredPassage): string {
    let text = this.normalized.get(passage);
    if (text === undefined) {
      text = normalizeFolded(`${passage.sectionPath.join(' ')}\n${passage.text}`);
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
