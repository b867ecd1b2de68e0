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

/**
 * A Japanese clause that gives the background of what follows (…使ってるんですが、…を作ってるんだけど、
 * …で運用しているのですが、): the explanatory ん/の before が or けど is how Japanese says "we run X, and …",
 * the subject left unsaid.
 */
const BACKGROUND_CLAUSE = /(?<=[んの](?:です|だ)(?:が|けど|けれど(?:も)?)\s*(?:[、,]|(?:…|\.{2,})))/u;
const BACKGROUND_END = /[んの](?:です|だ)(?:が|けど|けれど(?:も)?)\s*(?:[、,]|(?:…|\.{2,}))\s*$/u;
/**
 * A Japanese sentence telling what is going on at the asker's (…をチューニング中です, …を使ってます,
 * …する予定です): an action in progress or planned, subject unsaid. Not a passive one (削除されています),
 * which tells a fact about the topic.
 */
const OWN_ACTIVITY = /(?:(?<!れ|られ)(?:て|で)い?(?:ます|る)|(?:中|予定)です)\s*(?:…|\.{2,}|[。!！])*\s*$/u;

/** The question's sentences. */
export function sentencesOf(question: string): string[] {
  return question
    .normalize('NFKC')
    .split(/(?<=[!?。！？])\s*|(?<=\.)\s+/u)
    .filter((s) => s.trim() !== '');
}

/**
 * Whether a sentence that does not ask tells the asker's own setup: in the first person, or, for
 * the names it holds (`withUnsaidSubject`), a Japanese background clause or activity whose subject
 * is left unsaid. Those often bring in the topic the question then asks about (stats-dump ってファイルが
 * 出てきたんですが、これは…), so their words keep their weight; a name in them is still context.
 */
function tellsSetup(sentence: string, withUnsaidSubject: boolean): boolean {
  const told = FIRST_PERSON.test(sentence) || (withUnsaidSubject && (BACKGROUND_END.test(sentence) || OWN_ACTIVITY.test(sentence)));
  return told && !WISH.test(sentence);
}

/** The question's sentences that tell the asker's setup, when another sentence asks; none otherwise. */
export function setupSentences(question: string): string[] {
  const sentences = sentencesOf(question);
  if (sentences.length < 2 || !sentences.some((s) => ASKING.test(s))) return [];
  return sentences.filter((s) => !ASKING.test(s) && tellsSetup(s, false));
}

/**
 * The question's pieces, a Japanese background clause split from the sentence it opens, and
 * whether each tells the asker's setup (all of a setup sentence does) or asks.
 */
function contextPieces(question: string): Array<{ text: string; setup: boolean; asking: boolean }> {
  const setup = new Set(setupSentences(question));
  const pieces = sentencesOf(question).flatMap((sentence) =>
    sentence
      .split(BACKGROUND_CLAUSE)
      .filter((text) => text.trim() !== '')
      .map((text) => ({ text, sentence, asking: ASKING.test(text) })),
  );
  if (pieces.length < 2 || !pieces.some((p) => p.asking)) return [];
  return pieces.map(({ text, sentence, asking }) => ({ text, asking, setup: setup.has(sentence) || (!asking && tellsSetup(text, true)) }));
}

/**
 * Whether the name is only in pieces that tell the asker's setup, and no piece that asks holds
 * it: the tools someone runs beside the asked thing are their context, not the topic.
 */
export function onlyInSetup(question: string, name: string): boolean {
  const pieces = contextPieces(question);
  const holding = pieces.filter((p) => p.text.includes(name));
  return holding.length > 0 && holding.every((p) => p.setup) && pieces.every((p) => !p.asking || !p.text.includes(name));
}

/** A sentence offering another answer the asker guesses at (それとも…？, Or is it …?) after one that asks. */
const ALTERNATIVE = /^\s*(?:それとも|あるいは|もしくは|\bor\b)/iu;

/**
 * Whether the name is only in such a guessed alternative: what the asker offers as a possible
 * answer (それとも追加 NIC として Multus 経由で繋ぐ形になる？) is not what the question is about,
 * and a page answering the first sentence need not name it.
 */
export function onlyAsAlternative(question: string, name: string): boolean {
  const sentences = sentencesOf(question);
  const first = sentences.findIndex((s) => ALTERNATIVE.test(s));
  if (first < 1 || !sentences.slice(0, first).some((s) => ASKING.test(s))) return false;
  const holding = sentences.filter((s) => s.includes(name));
  return holding.length > 0 && holding.every((s) => sentences.indexOf(s) >= first && ALTERNATIVE.test(s));
}

/** Whether the name is told only as context: the asker's setup or an alternative they guess at. */
export function onlyAsContext(question: string, name: string): boolean {
  return onlyInSetup(question, name) || onlyAsAlternative(question, name);
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
