/**
 * Things asked for by name that answer only beside the question's heaviest idea, the thing they
 * belong to: a feature gate's name (ContainerCheckpoint for checkpointing). Such a thing beside
 * generic words, in a passage on another feature, is that one's: the corpus touches the topic
 * but does not say. (A company beside the person asked about was tried the same way and left
 * out: on the development sets it refused an answerable 名前と会社を教えて and answered the
 * unanswerable question it was for.)
 */
import type { EvidenceKind, EvidenceSpan } from '../search/asked-things.js';
import type { AnalysedQuery } from '../search/query.js';
import { heaviestIdea } from './heaviest-idea.js';

export const BESIDE_IDEA_KINDS = ['gate'] as const satisfies readonly EvidenceKind[];
export type BesideIdeaKind = (typeof BESIDE_IDEA_KINDS)[number];

/** How far from the idea the thing may be, in characters: the sentence or two about it. */
const REACH = 160;

interface Things {
  /** The thing as written. */
  pattern: RegExp;
  /** Words naming what is asked for, not the idea it belongs to. */
  askedWord: RegExp;
}

const THINGS: Record<BesideIdeaKind, Things> = {
  // One CamelCase word with a capital inside (NodeSwap; not Kubernetes).
  gate: {
    pattern: /(?<![\w.-])[A-Z][A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*(?![\w.-])/gu,
    askedWord: /^(?:~feature-gates?|フィチャゲト|フィーチャーゲート|ゲト|ゲート|gates?|feature-gates?)$/u,
  },
};

/**
 * Whether a shown passage names a thing of the kind, one the question does not name itself,
 * within REACH characters of the question's heaviest idea.
 */
export function heldBesideIdea(kind: BesideIdeaKind, shown: ReadonlyArray<{ text: string }>, query: AnalysedQuery, groupWeights: readonly number[], spansOf: (text: string) => readonly EvidenceSpan[]): boolean {
  const { pattern, askedWord } = THINGS[kind];
  const whole = heaviestIdea(query, groupWeights, askedWord, true);
  const asked = query.text.normalize('NFKC').toLowerCase();
  return shown.some((p) => {
    const at = spansOf(p.text).filter((s) => whole.has(s.term));
    if (at.length === 0) return false;
    return [...p.text.matchAll(pattern)].some((m) => !asked.includes(m[0].toLowerCase()) && at.some((s) => Math.abs(s.start - m.index) <= REACH));
  });
}
