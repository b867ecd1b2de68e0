/**
 * Names the question asks about that the best answer's page never mentions. A name the
 * corpus has elsewhere (RBAC, checkpointctl) but not on the page of the top passage means
 * the answer is about something near the question, not about what it names: results are still
 * shown, with the low tier's caveat. Names are the words that are no ordinary word of either
 * language (Latin words and identifiers, katakana words); concepts and parts of compounds
 * stand in for their wholes.
 */
import { isOrdinaryWord } from './unknown-entities.js';
import type { AnalysedQuery, QueryTerm } from './query.js';

export interface PageLookup {
  /** Whether a passage of the article, or its title, contains the term. */
  articleHas(article: number, term: QueryTerm): boolean;
}

const LATIN_NAME = /^[a-z0-9][a-z0-9.\-_/:]*$/;
const HAS_LETTER = /[a-z]/;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

export function findAbsentNames(query: AnalysedQuery, article: number, known: (term: string) => boolean, page: PageLookup): string[] {
  // The page may say it with the glossary's concept (the katakana or English spelling): that is the name, asked about.
  return findNames(query, known)
    .filter((name) => !name.group.some((term) => {
      const t = query.terms.find((q) => q.term === term);
      return t !== undefined && page.articleHas(article, t);
    }))
    .map((name) => name.term);
}

export interface QuestionName {
  /** The question's own term (rbac). */
  term: string;
  /** Every spelling the question's group has for it, concepts left out: in ranking, a passage on a neighbouring thing shares the concept (~container-runtime of CRI-O and containerd). */
  spellings: string[];
  /** Every term of its group, concepts included. */
  group: readonly string[];
}

/** The names the question asks about that the corpus has (see the module comment). */
export function findNames(query: AnalysedQuery, known: (term: string) => boolean): QuestionName[] {
  const names: QuestionName[] = [];
  for (const group of query.groups) {
    const name = group.terms.find((term) => {
      const t = query.terms.find((q) => q.term === term);
      if (!t || t.kind === 'concept' || t.partOf || t.weight !== undefined || group.parts?.[term] !== undefined) return false;
      const nameLike = (LATIN_NAME.test(term) && HAS_LETTER.test(term) && term.length >= 2) || KATAKANA.test(term);
      // A compound identifier the corpus has whole (cri-o, in-tree) is a name, though its parts are words.
      return nameLike && known(term) && (t.kind === 'ident' || !isOrdinaryWord(term));
    });
    if (name) names.push({ term: name, spellings: group.terms.filter((term) => !term.startsWith('~') && group.parts?.[term] === undefined), group: group.terms });
  }
  return names;
}
