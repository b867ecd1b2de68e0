/**
 * A question analysed for search: its distinct terms, each with a weight that reflects how
 * much it says about the topic (rarer terms say more; bigrams are recall helpers and count
 * less than whole words, so a long katakana compound cannot outweigh a rare identifier).
 */
import { analyse, CONCEPT_PREFIX, defaultGlossary, type TermKind } from '../text/analyse.js';
import { foldKatakana, normalizeText } from '../text/normalize.js';

export interface QueryTerm {
  term: string;
  kind: TermKind;
  /** How often the term occurs in the question. */
  count: number;
  /** Surface strings to look for in passage text (for excerpts and proximity). */
  forms: string[];
}

export interface AnalysedQuery {
  text: string;
  terms: QueryTerm[];
}

/** Relative importance of each kind of term; tuned with `npm run eval`. */
export const KIND_WEIGHT: Record<TermKind, number> = {
  ident: 1.5,
  word: 1,
  concept: 0.8,
  bigram: 0.3,
};

export function analyseQuery(text: string): AnalysedQuery {
  const byTerm = new Map<string, QueryTerm>();
  for (const { term, kind } of analyse(text)) {
    const existing = byTerm.get(term);
    if (existing) {
      existing.count++;
      continue;
    }
    byTerm.set(term, { term, kind, count: 1, forms: formsOf(term, kind) });
  }
  return { text, terms: [...byTerm.values()] };
}

function formsOf(term: string, kind: TermKind): string[] {
  if (kind !== 'concept') return [term];
  return defaultGlossary()
    .formsOf(term.slice(CONCEPT_PREFIX.length))
    .map((f) => foldKatakana(normalizeText(f)));
}

/** Inverse document frequency (BM25's), from the number of passages containing a term. */
export function idf(df: number, passageCount: number): number {
  return Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
}
