/**
 * A question asking what a thing is or does (`Kamajiって何をしてくれるやつ？`, `X とは`, `what
 * is X`) is answered by the sentence that has the thing as its subject (`Kamajiプロジェクトは、
 * …を実行するためのソリューションです`): such a passage ranks above the ones that only name the
 * thing among the other words of its topic. Pure: reads the question and the passage text.
 */
import { lineSentences } from '../corpus/sentences.js';

/** The thing before って/とは/は and a what (何, なに, どんな, どういう), or after English what is / what does. */
const ASKS_JA = /([A-Za-z][\w.-]*(?:\s[A-Za-z][\w.-]*)*|[\p{Script=Katakana}ー]{2,})\s*(?:って|とは|は)\s*(?:(?:結局|そもそも|要するに|ざっくり|一体)\s*)?(?:何|なに|なん|どんな|どういう)/u;
const ASKS_TOWA = /([A-Za-z][\w.-]*(?:\s[A-Za-z][\w.-]*)*|[\p{Script=Katakana}ー]{2,})\s*とは\s*[?？]?\s*$/u;
const ASKS_EN = /\bwhat (?:is|are|does|do) (?:an? |the )?([A-Za-z][\w.-]*(?:\s[A-Z][\w.-]*)*)/iu;

/** The thing a what-is question asks about, lower-cased, or undefined. */
export function definedThing(question: string): string | undefined {
  const q = question.normalize('NFKC');
  const found = ASKS_JA.exec(q) ?? ASKS_TOWA.exec(q) ?? ASKS_EN.exec(q);
  const thing = found?.[1]?.trim().toLowerCase();
  return thing && thing.length >= 3 ? thing : undefined;
}

/** Characters a subject may run past the thing's name before its は (Kamajiプロジェクトは). */
const SUBJECT_REACH = 8;

/** Whether a sentence of the text opens with the thing as its subject (X は / X とは / X is). */
export function definesThing(text: string, thing: string): boolean {
  for (const sentence of lineSentences(text)) {
    const s = sentence.normalize('NFKC').toLowerCase().replace(/^[\p{P}\s]+/u, '');
    if (!s.startsWith(thing)) continue;
    const rest = s.slice(thing.length, thing.length + SUBJECT_REACH + 3);
    if (new RegExp(`^[^、。,.]{0,${SUBJECT_REACH}}?(?:とは|は|\\s(?:is|are)\\s)`, 'u').test(rest)) return true;
  }
  return false;
}
