/**
 * The sentences in which a question tells the asker's own setup ("Our Jenkins agents mount the
 * Docker socket. … What should we use instead?"), before or after the sentence that asks. The
 * tools, sizes and dates of someone's cluster are context: pages on the asked thing rarely
 * name them, and weighed as fully as the question's own words they would make a right answer
 * look unrelated.
 */
import { analyse } from '../text/analyse.js';
import type { AnalysedQuery } from './query.js';

/** A sentence in the first person (our Jenkins agents, うちの環境では). */
const FIRST_PERSON = /\b(?:we|our|us|i|my|i'm|we're|we've)\b|うちの|うちでは|弊社|私たち|自分たち|社内|我々/iu;
/**
 * A sentence telling what the asker wants to do (I'd like to become active around …, 〜したい)
 * states the topic, not the setup it is asked in.
 */
const WISH = /\b(?:i'd like|i would like|we'd like|we would like|i want|we want|i need|we need|trying to|hoping to)\b|たい(?:[。!！]|$|んだ|んです|です|けど|のですが|と思)/iu;
/** A sentence that asks: ending in a question mark, or in Japanese in a question's ending (ですか, 教えてください). */
const ASKING = /(?:[?？]|か|かな|っけ|でしょう|教えて(?:ください|下さい|ほしい)?|ください|下さい)\s*[。!！]*\s*$/u;

/** How much a word told only in the asker's setup weighs against the question's own; measured with npm run eval. */
export const SETUP_WEIGHT = 0.5;

export function sentencesOf(question: string): string[] {
  return question
    .normalize('NFKC')
    .split(/(?<=[!?。！？])\s*|(?<=\.)\s+/u)
    .filter((s) => s.trim() !== '');
}

/** The question's sentences that tell the asker's setup, when another sentence asks; none otherwise. */
export function setupSentences(question: string): string[] {
  const sentences = sentencesOf(question);
  if (sentences.length < 2 || !sentences.some((s) => ASKING.test(s))) return [];
  return sentences.filter((s) => !ASKING.test(s) && FIRST_PERSON.test(s) && !WISH.test(s));
}

/**
 * Whether the name is only in sentences that tell the asker's setup, and no sentence that asks
 * holds it: the tools someone runs beside the asked thing are their context, not the topic.
 */
export function onlyInSetup(question: string, name: string): boolean {
  const setup = setupSentences(question);
  const sentences = sentencesOf(question);
  const holding = sentences.filter((s) => s.includes(name));
  return setup.length > 0 && holding.length > 0 && holding.every((s) => setup.includes(s)) && sentences.filter((s) => ASKING.test(s)).every((s) => !s.includes(name));
}

/**
 * Each group of the query whose words come only from the asker's setup sentences (expansions
 * of them included) weighs SETUP_WEIGHT of what it would; the rest are unchanged.
 */
export function setupScaled(query: AnalysedQuery, weights: Map<string, number>, question: string): Map<string, number> {
  const setup = setupSentences(question);
  if (setup.length === 0) return weights;
  const rest = sentencesOf(question).filter((s) => !setup.includes(s));
  const asked = new Set(analyse(rest.join(' ')).map((t) => t.term));
  const told = new Set(analyse(setup.join(' ')).map((t) => t.term));
  const scaled = new Map(weights);
  for (const group of query.groups) {
    if (!group.terms.some((t) => told.has(t)) || group.terms.some((t) => asked.has(t))) continue;
    for (const t of group.terms) scaled.set(t, (weights.get(t) ?? 0) * SETUP_WEIGHT);
  }
  return scaled;
}
