/**
 * Title matches: a question that is, or nearly is, a page's title asks for that page, however
 * common its words. A match is scaled by how much of the title the question covers and how
 * much of the question the title covers, so a long question that happens to contain a short
 * title's one word, or a long title sharing one word with a question, scores little.
 */
import type { ArticleMeta } from '../corpus/article.js';
import { analyseQuery, groupCoverage, termWeight, type AnalysedQuery } from './query.js';

interface AnalysedTitle {
  query: AnalysedQuery;
  terms: Set<string>;
  /** Weight of each of the title's terms: its kind only, as a title's common words count too. */
  weights: Map<string, number>;
}

/** Share of the question's (ungrouped) term weight a title must hold to be matched at all. */
const MIN_SHARED = 0.2;
/** Titles matched exactly, those sharing most of the question's weight first: a bound on work. */
const MAX_MATCHED = 100;

export class TitleMatcher {
  private readonly analysed = new Map<string, AnalysedTitle>();
  private byTerm: Map<string, number[]> | undefined;

  constructor(private readonly articles: readonly ArticleMeta[]) {}

  /**
   * Articles whose title the question matches, with the match (0..1]: the share of the
   * title's terms the question has × the share of the question's weight the title has.
   */
  match(query: AnalysedQuery, weights: ReadonlyMap<string, number>): Map<number, number> {
    const byTerm = this.buildTermIndex();
    const questionTerms = new Set(query.terms.map((t) => t.term));
    // Titles sharing little of the question's weight cannot match: only adding up weights
    // for them keeps a common title word (kubernetes in thousands of titles) cheap.
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const shared = new Map<number, number>();
    for (const t of query.terms) for (const article of byTerm.get(t.term) ?? []) shared.set(article, (shared.get(article) ?? 0) + (weights.get(t.term) ?? 0));
    const matches = new Map<number, number>();
    const likely = [...shared].filter(([, weight]) => weight >= MIN_SHARED * total).sort((a, b) => b[1] - a[1]);
    for (const [article] of likely.slice(0, MAX_MATCHED)) {
      const title = this.analyse(this.articles[article]!.title);
      // A compound's part and its concept are one piece: コンテナ covers half of サイドカーコンテナ.
      const ofTitle = groupCoverage(title.query, title.weights, (t) => questionTerms.has(t), { piecesOnce: true });
      const ofQuestion = groupCoverage(query, weights, (t) => title.terms.has(t), { piecesOnce: true });
      if (ofTitle * ofQuestion > 0) matches.set(article, ofTitle * ofQuestion);
    }
    return matches;
  }

  /** The terms of an article's title as a question's would be analysed (for coverage: a passage's page title is part of what it shows). */
  termsOf(article: number): ReadonlySet<string> {
    return this.analyse(this.articles[article]!.title).terms;
  }

  /**
   * Articles by title term, from the terms the index build stored (`titleTerms`); an index
   * built without them has its titles analysed here, once, on first use.
   */
  private buildTermIndex(): Map<string, number[]> {
    if (!this.byTerm) {
      this.byTerm = new Map();
      for (const [i, article] of this.articles.entries()) {
        for (const term of new Set(article.titleTerms ?? this.analyse(article.title).terms)) {
          const list = this.byTerm.get(term);
          if (list) list.push(i);
          else this.byTerm.set(term, [i]);
        }
      }
    }
    return this.byTerm;
  }

  /** A title analysed for scoring; only titles that may match are, each once. */
  private analyse(title: string): AnalysedTitle {
    let analysed = this.analysed.get(title);
    if (!analysed) {
      const query = analyseQuery(title);
      analysed = { query, terms: new Set(query.terms.map((t) => t.term)), weights: new Map(query.terms.map((t) => [t.term, termWeight(t)])) };
      this.analysed.set(title, analysed);
    }
    return analysed;
  }
}
