/**
 * A thing named in passing: a question asking how to do something with a name (How do I turn
 * on audit logging for kube-apiserver?) whose best page names it once, in a sentence about
 * something else (`kube-apiserverに対して--feature-gates=…を指定して`), shares the name and
 * little else with the question: the page mentions the name but says nothing about it. Steps
 * need more than one passing sentence, so a page that names each of the question's names in a
 * single sentence with none of the question's other ideas beside it cannot hold them; no answer
 * is better than a confident one about something else. Questions asking what or which are
 * left alone: a list naming the thing (GKE, EKS and AKS use containerd) may be their answer.
 * Pure: the searcher hands in the best page's normalised texts (CandidateFinder's cache).
 */
import { lineSentences } from '../corpus/sentences.js';
import type { QuestionName } from './absent-names.js';
import { groupWeightsOf, type AnalysedQuery } from './query.js';

export interface PassingPage {
  /** The page's title, normalised and folded as the analyser folds terms. */
  title: string;
  /** The best result's passage, its headings and a line break before its text, normalised and folded (CandidateFinder.normalizedText). */
  top: string;
  /** The page's other passages, likewise; read only when the best passage names the question's names in passing. */
  rest: () => readonly string[];
}

/**
 * Measured with the passing-mention diagnostics over dev and holdout (README "A thing named in
 * passing"): the unanswerable question this catches has 0 of the question's other weight within
 * a sentence of its one mention; the lowest answerable how-question whose names are each in one
 * sentence of the page has 0.34 (0.24 on the blind answerable list).
 * - nearShare: the share of the question's other ideas' weight the mention's neighbourhood must
 *   hold to say something about the name;
 * - reach: sentences either side of the mention that count as its neighbourhood.
 */
export const PASSING_MENTION = { nearShare: 0.1, reach: 1 };

/**
 * The question's names (absent-names.ts findNames) that the best page names only in passing,
 * when every name the page has is so and the question asks how: each name is in exactly one
 * sentence of the page, that sentence is in the best passage, neither the title nor the
 * passage's headings name it, and the sentences within `reach` of it hold less than `nearShare`
 * of the weight of the question's other ideas. Empty otherwise (most questions).
 */
export function findPassingNames(query: AnalysedQuery, weights: ReadonlyMap<string, number>, names: readonly QuestionName[], page: PassingPage, asksHow: boolean, settings = PASSING_MENTION): string[] {
  if (!asksHow || names.length === 0) return [];
  const formsOf = new Map(query.terms.map((t) => [t.term, t.forms]));
  const groupWeights = groupWeightsOf(query, weights);
  const sentences = lineSentences(bodyOf(page.top));
  const passing: string[] = [];
  const elsewhere: Array<(text: string) => boolean> = [];
  for (const name of names) {
    const own = query.groups.findIndex((g) => g.terms.includes(name.term));
    const group = query.groups[own];
    if (!group) return [];
    const forms = group.terms.filter((t) => group.parts?.[t] === undefined).flatMap((t) => formsOf.get(t) ?? []);
    const holds = (text: string): boolean => forms.some((f) => holdsForm(text, f));
    // A name in the title or the passage's headings is what they are about.
    if (holds(page.title) || holds(headingsOf(page.top))) return [];
    elsewhere.push(holds);
    // A name the best passage lacks must be missing from the whole page (the absent-name rule's), checked below.
    const at = sentences.flatMap((s, i) => (holds(s) ? [i] : []));
    if (at.length === 0) continue;
    if (at.length > 1) return [];
    const others = groupWeights.reduce((sum, w, i) => sum + (i === own ? 0 : w), 0);
    if (others === 0) return [];
    const near = sentences.slice(Math.max(0, at[0]! - settings.reach), at[0]! + settings.reach + 1).join('\n');
    let held = 0;
    query.groups.forEach((g, i) => {
      if (i !== own && groupWeights[i]! > 0 && g.terms.some((t) => (weights.get(t) ?? 0) > 0 && (formsOf.get(t) ?? []).some((f) => holdsForm(near, f)))) held += groupWeights[i]!;
    });
    if (held / others >= settings.nearShare) return [];
    passing.push(name.term);
  }
  // Only now the rest of the page: any other passage naming any of them discusses it.
  if (passing.length === 0 || page.rest().some((p) => elsewhere.some((holds) => holds(p)))) return [];
  return passing;
}

/** Whether the text has the form as a word's start: `policy` inside `evictionpolicy` is another word. */
function holdsForm(text: string, form: string): boolean {
  if (form === '') return false;
  const latin = /^[a-z0-9]/.test(form);
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) if (!latin || !/[a-z0-9]/.test(text[at - 1] ?? '')) return true;
  return false;
}

const headingsOf = (passage: string): string => passage.slice(0, Math.max(0, passage.indexOf('\n')));
const bodyOf = (passage: string): string => passage.slice(passage.indexOf('\n') + 1);

