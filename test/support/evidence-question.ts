/** Hand-built inputs for the evidence checks (search/asked-things.ts, answer/answer-evidence.ts, answer/detail-evidence.ts). */
import type { EvidenceQuestion, EvidenceSpan } from '../../src/search/asked-things.js';

/** A question of one group per word, each weighing 1. */
export function buildQuestion(text: string, words: readonly string[]): EvidenceQuestion {
  return { text, groupWeights: words.map(() => 1), groupOf: (t) => (words.indexOf(t) >= 0 ? words.indexOf(t) : undefined) };
}

/** A passage with the spans of those words in it. */
export function buildPassage(text: string, words: readonly string[]): { text: string; spans: EvidenceSpan[] } {
  const spans = words.flatMap((term) => [...text.matchAll(new RegExp(term.replace(/\./g, '\\.'), 'g'))].map((m) => ({ start: m.index, end: m.index + term.length, term })));
  return { text, spans };
}
