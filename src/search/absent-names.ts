/**
 * Names the question asks about that the best answer's page never mentions. A name the
 * corpus has elsewhere (RBAC, checkpointctl) but not on the page of the top passage means
 * the answer is about something near the question, not about what it names: results are still
 * shown, with the low tier's caveat. Names are the words that are no ordinary word of either
 * language (Latin words and identifiers, katakana words); concepts and parts of compounds
 * stand in for their wholes.
 */
import { isOrdinaryWord } from './unknown-entities.js';
import { groupCoverage, type AnalysedQuery, type QueryTerm } from './query.js';

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

/**
 * Below this share of the question's weight, a page that has the name is about something
 * else: the corpus names it, but never with what the question asks about it (containerd in
 * a question on seccomp profiles from OCI artifacts, whose only pages with containerd are on
 * checkpointing). On the development sets the answerable questions whose top page lacks a
 * name have a page with it holding 0.57 of them or more; the unanswerable ones 0.36 to 0.52.
 */
export const STRANDED_COVERAGE = 0.5;
/** A name on more pages than this is spoken of widely: not checked (nor its pages read; reading 20 pages per question took the 10,000-article p99 from 6 to 14 ms). */
const STRANDED_MAX_PAGES = 6;
/** Results that make the first page of an answer (answer.ts DEFAULT_K): a page among them that has the name answers about it. */
export const STRANDED_LEADING = 3;

export interface NamePages {
  /** The articles whose passages (headings or text) have any of the terms; undefined past `max`. */
  articlesWith(terms: readonly string[], max: number): number[] | undefined;
  /** The article's title and passages, normalised and folded as the analyser does. */
  pageTexts(article: number): readonly string[];
}

/**
 * Of the absent names (findAbsentNames), those whose every page holds under
 * STRANDED_COVERAGE of the question: the answer to a combination the corpus never makes. Left
 * to the low tier: a name whose page is among the `leading` results' pages (the answer shows
 * it, its paraphrased question covered little: elmiko's interview asked as どんな仕事をしていた
 * とき), and a Latin name the corpus has only inside longer identifiers (init of cloud-init),
 * which is not the corpus's own word, so its pages say nothing about it.
 */
export function findStrandedNames(query: AnalysedQuery, weights: ReadonlyMap<string, number>, absent: readonly string[], known: (term: string) => boolean, pages: NamePages, leading: readonly number[] = []): string[] {
  const names = findNames(query, known).filter((n) => absent.includes(n.term));
  return names
    .filter((name) => {
      const articles = pages.articlesWith(name.spellings, STRANDED_MAX_PAGES);
      if (articles === undefined || articles.some((a) => leading.includes(a))) return false;
      const own = name.spellings.flatMap((s) => query.terms.find((q) => q.term === s)?.forms ?? []);
      const whole = own.map(standalone);
      const pagesOfName = articles.map((article) => pages.pageTexts(article)).filter((texts) => texts.some((text) => whole.some((w) => w.test(text))));
      return (
        pagesOfName.length > 0 &&
        pagesOfName.every((texts) => {
          const has = (term: string): boolean => {
            const t = query.terms.find((q) => q.term === term);
            return t !== undefined && t.forms.some((f) => texts.some((text) => text.includes(f)));
          };
          return groupCoverage(query, weights, has) < STRANDED_COVERAGE;
        })
      );
    })
    .map((name) => name.term);
}

/** The form as a word of its own: not part of a longer Latin word or identifier (katakana stands as it is). */
function standalone(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /[a-z0-9]/.test(form) ? new RegExp(`(?<![a-z0-9\\-_./])${escaped}(?:e?s)?(?![a-z0-9\\-_/]|\\.[a-z0-9])`, 'u') : new RegExp(escaped, 'u');
}
