/**
 * Stated pairings: a question naming two things together states that they go together
 * (OpenShift 4.x が使ってる containerd, PDBUnhealthyPodEvictionPolicy って kube-scheduler の
 * フィーチャーゲート). When the corpus says little of the first (a rare name: a few passages)
 * and no sentence of it names the second, but one names a sibling of the second instead
 * (CRI-O, which the corpus lists beside containerd: `containerdやCRI-O`; kube-apiserver, listed
 * beside kube-scheduler), the articles pair it with another member of that family: the
 * question's premise is not theirs, and the answer is none.
 * Siblings are read from the corpus, never listed: two names it writes coordinated (X、Y / X や
 * Y / X と Y / X, Y / X and Y / X or Y) are members of one family.
 * A question naming the sibling as well compares the two, unless it sets the sibling aside
 * (CRI-O ではなく containerd, containerd over CRI-O): then it still states the pairing.
 * Pure: the searcher hands in the normalised, folded texts of the passages holding a term.
 */
import { lineSentences } from '../corpus/sentences.js';
import type { QuestionName } from './absent-names.js';
import type { AnalysedQuery } from './query.js';

export interface PairingLookup {
  /** The passages holding the term (headings, a line break, text; normalised and folded), or undefined when more than `max` do. */
  passageTextsWith(term: string, max: number): readonly string[] | undefined;
  /** Documents (headings and texts of passages) holding the term. */
  documentFrequency(term: string): number;
  /** Words that head a family of names (sig of SIG Node, kep, kubernetes of Kubernetes 1.30; sibling-names.ts). */
  familyHeads: ReadonlySet<string>;
}

/** A pairing the question states that the corpus makes with a sibling instead. */
export interface UnheldPairing {
  /** The rare name, as the question writes it (OpenShift). */
  name: string;
  /** What the question pairs it with (containerd). */
  stated: string;
  /** The sibling the corpus pairs it with: as the question spells it if it does, else as the corpus folds it (cri-o). */
  found: string;
}

/**
 * rarePassages: a name in at most this many passages is one the corpus says little of, all of
 * it read (OpenShift: 2); siblingPassages: the passages of the stated name read for its
 * coordinated siblings, at most; siblingRatio: a sibling in more than this many times the
 * stated name's documents is a word lists are full of (Kubernetes in 143 of 175 passages,
 * beside GitOps in 2), not its peer (CRI-O in 24 beside containerd in 14; kube-apiserver in 3
 * beside kube-scheduler in 1).
 */
export const STATED_PAIRINGS = { rarePassages: 6, siblingPassages: 200, siblingRatio: 4 };

/** A Latin name as the folded text writes it (cri-o, kube-apiserver, containerd). */
const TOKEN = '[a-z][a-z0-9]*(?:[.\\-][a-z0-9]+)*';
/** What joins the members of a list. */
const JOIN = '\\s*(?:、|,|や|と|\\band\\b|\\bor\\b)\\s*';
/** Versions and numbers name releases, not things paired with others. */
const VERSION = /^v?\d/;

/** The question's stated pairings that the corpus makes with a sibling of the stated name instead (see the module comment). */
export function findUnheldPairings(question: string, query: AnalysedQuery, names: readonly QuestionName[], lookup: PairingLookup, surface: (term: string) => string, settings = STATED_PAIRINGS): UnheldPairing[] {
  // A family's head (SIG) names the family, not one of its members.
  const candidates = names.filter((n) => !VERSION.test(n.term) && !lookup.familyHeads.has(n.term));
  if (candidates.length < 2) return [];
  const formsOf = new Map(query.terms.map((t) => [t.term, t.forms]));
  const nameForms = new Map(candidates.map((n) => [n, [...new Set(n.spellings.flatMap((s) => formsOf.get(s) ?? [s]))].filter((f) => f.length >= 2)]));
  const forms = (name: QuestionName): string[] => nameForms.get(name)!;
  const holds = (text: string, name: QuestionName): boolean => forms(name).some((f) => text.includes(f));
  const out: UnheldPairing[] = [];
  for (const rare of candidates) {
    const texts = textsOf(rare.spellings, lookup, settings.rarePassages);
    if (texts === undefined || texts.length === 0) continue;
    const sentences = texts.flatMap((t) => lineSentences(t)).filter((s) => holds(s, rare));
    if (sentences.length === 0) continue;
    for (const stated of candidates) {
      if (stated === rare || stated.group.some((t) => rare.group.includes(t)) || sentences.some((s) => holds(s, stated))) continue;
      const peers = Math.max(1, lookup.documentFrequency(stated.term)) * settings.siblingRatio;
      const siblings = [...siblingsOf(forms(stated), textsOf(stated.spellings, lookup, settings.siblingPassages) ?? [])].filter((sibling) => lookup.documentFrequency(sibling) <= peers);
      const found = siblings.find((sibling) => {
        const word = new RegExp(`(?<![a-z0-9])${escape(sibling)}(?![a-z0-9])`, 'u');
        return sentences.some((s) => word.test(s)) && !comparedIn(question, sibling, names, formsOf);
      });
      if (found !== undefined) out.push({ name: surface(rare.term), stated: surface(stated.term), found: surface(found) });
    }
  }
  return out;
}

/** The texts of the passages holding any of the terms, or undefined when more than `max` passages do. */
function textsOf(terms: readonly string[], lookup: PairingLookup, max: number): string[] | undefined {
  const texts = new Set<string>();
  for (const term of terms) {
    const found = lookup.passageTextsWith(term, max);
    if (found === undefined) return undefined;
    for (const t of found) texts.add(t);
  }
  return texts.size > max ? undefined : [...texts];
}

/** The names the texts write coordinated with one of the forms (containerdやCRI-O → cri-o). */
function siblingsOf(forms: readonly string[], texts: readonly string[]): Set<string> {
  const siblings = new Set<string>();
  for (const form of forms) {
    const f = escape(form);
    const after = new RegExp(`(?<![a-z0-9])${f}(?![a-z0-9])${JOIN}(${TOKEN})(?![a-z0-9])`, 'gu');
    const before = new RegExp(`(?<![a-z0-9])(${TOKEN})${JOIN}${f}(?![a-z0-9])`, 'gu');
    for (const text of texts) {
      if (!text.includes(form)) continue;
      for (const m of text.matchAll(after)) siblings.add(m[1]!);
      for (const m of text.matchAll(before)) siblings.add(m[1]!);
    }
  }
  for (const form of forms) siblings.delete(form);
  return siblings;
}

/** Ways a question sets a thing aside for another (S ではなく, S じゃなくて, S の代わりに, over S, instead of S, rather than S). */
const SET_ASIDE_AFTER = /^\s*(?:ではなく|じゃなく|でなく|の代わりに|より(?:も)?)/u;
const SET_ASIDE_BEFORE = /\b(?:over|instead of|rather than|not)\s*$/iu;

/**
 * Whether the question names the sibling too, as one of the things it asks about (comparing it
 * with the stated one); not when it sets the sibling aside (CRI-O ではなく containerd).
 */
function comparedIn(question: string, sibling: string, names: readonly QuestionName[], formsOf: ReadonlyMap<string, readonly string[]>): boolean {
  const named = names.some((n) => n.spellings.some((s) => (formsOf.get(s) ?? [s]).includes(sibling)));
  if (!named) return false;
  const text = question.normalize('NFKC').toLowerCase();
  const at = text.indexOf(sibling);
  if (at < 0) return true;
  return !(SET_ASIDE_AFTER.test(text.slice(at + sibling.length)) || SET_ASIDE_BEFORE.test(text.slice(0, at)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
