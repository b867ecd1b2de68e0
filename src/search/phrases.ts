/**
 * Names spelled in several words: "Vertical Pod Autoscaler", "NetworkPolicy". A corpus knows
 * such a name only when it has the words together; each word occurring somewhere (vertical,
 * pod, autoscaler; network, policy) says nothing about the name. Pure: the searcher looks the
 * patterns up in its passages.
 */
import { STOPWORDS } from '../text/stopwords.js';

/** Fewer capitalised words in a row are as often a phrase of common words (KubeVirt VM, Docker Engine). */
export const MIN_NAME_WORDS = 3;
/** Longer runs are a list or a shouted sentence, not one name (and would make a long pattern). */
export const MAX_NAME_WORDS = 6;
/** In an English question capitalising most of its longer words, capitals are style (a page title), not names. */
const TITLE_CASE_SHARE = 0.8;

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g;
const CAPITALISED = /^[A-Z]/;
/** A release stage after a name (Workload API GA, Sidecar Containers Beta) says where it is, not what. */
const STAGE_WORD = /^(?:GA|alpha|beta|stable|preview)$/iu;

/**
 * Runs of MIN_NAME_WORDS or more capitalised words, separated by single spaces, in a question
 * written in sentence case (or in Japanese, where any Latin run is a name): each run's words.
 * Leading function words (How, In, With) start sentences, not names.
 */
export function capitalisedNames(question: string, minWords = MIN_NAME_WORDS): string[][] {
  const text = question.normalize('NFKC');
  const words = [...text.matchAll(WORD)];
  if (!JAPANESE.test(text) && isTitleCase(words.map((m) => m[0]))) return [];
  const runs: string[][] = [];
  let run: string[] = [];
  let end = -1;
  const close = (): void => {
    while (run.length > 0 && STOPWORDS.has(run[0]!.toLowerCase())) run.shift();
    while (run.length > 0 && STAGE_WORD.test(run[run.length - 1]!)) run.pop();
    if (run.length >= minWords && run.length <= MAX_NAME_WORDS) runs.push(run);
    run = [];
  };
  for (const m of words) {
    const word = m[0];
    const adjacent = end >= 0 && text.slice(end, m.index) === ' ';
    if (!CAPITALISED.test(word) || (run.length > 0 && !adjacent)) close();
    if (CAPITALISED.test(word)) run.push(word);
    end = m.index + word.length;
  }
  close();
  return runs;
}

function isTitleCase(words: readonly string[]): boolean {
  const long = words.filter((w) => w.length >= 4);
  return long.length >= 2 && long.filter((w) => CAPITALISED.test(w)).length >= TITLE_CASE_SHARE * long.length;
}

/**
 * A pattern finding the words together in normalised (lower-case) text: in order, joined by
 * nothing, a space, a hyphen, an underscore, a dot or ・ (node pool, node-pool, nodepool), each
 * word with a short ending (plurals, the analyser's stems: templat → templates).
 */
export function phrasePattern(words: readonly string[]): RegExp {
  const parts = words.map((w) => `${w.toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/-/g, '[-\\s]?')}[a-z]{0,4}`);
  return new RegExp(`(?<![a-z0-9])${parts.join('[\\s\\-_.・]?')}(?![a-z0-9])`, 'u');
}
