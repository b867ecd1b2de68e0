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
import { splitSentences } from '../corpus/sentences.js';
import type { QuestionName } from './absent-names.js';
import type { AnalysedQuery } from './query.js';

export interface PassingPage {
  /** The page's title, normalised and folded as the analyser folds terms. */
  title: string;
  /** Each passage of the page, its headings and a line break before its text, normalised and folded (CandidateFinder.normalizedText). */
  passages: readonly string[];
  /** Which of them is the best result. */
  top: number;
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
  const top = page.passages[page.top];
  if (!asksHow || names.length === 0 || top === undefined) return [];
  const formsOf = new Map(query.terms.map((t) => [t.term, t.forms]));
  const groupWeights = query.groups.map((g) => Math.max(0, ...g.terms.map((t) => weights.get(t) ?? 0)));
  const sentences = sentencesOf(bodyOf(top));
  const passing: string[] = [];
  for (const name of names) {
    const own = query.groups.findIndex((g) => g.terms.includes(name.term));
    const group = query.groups[own];
    if (!group) return [];
    const forms = group.terms.filter((t) => group.parts?.[t] === undefined).flatMap((t) => formsOf.get(t) ?? []);
    const holds = (text: string): boolean => forms.some((f) => holdsForm(text, f));
    // A name the page does not have is the absent-name rule's; one in its title or the passage's headings is what they are about.
    const onPage = page.passages.filter((p) => holds(p)).length;
    if (onPage === 0 && !holds(page.title)) continue;
    if (holds(page.title) || holds(headingsOf(top)) || onPage > 1) return [];
    const at = sentences.flatMap((s, i) => (holds(s) ? [i] : []));
    if (at.length !== 1) return [];
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

/** The text's sentences, line by line (list items and code lines are sentences of their own). */
function sentencesOf(text: string): string[] {
  return text.split('\n').flatMap((line) => splitSentences(line)).map((s) => s.trim()).filter((s) => s !== '');
}
