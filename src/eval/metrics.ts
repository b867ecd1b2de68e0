/** Retrieval metrics for a QA set whose answers are evidence strings (see shared/qa/README.md). */
import type { Confidence } from '../answer/confidence.js';

export interface QaItem {
  id: string;
  q: string;
  lang: string;
  title: string | null;
  evidence: string[];
  kind: string;
}

export interface QaOutcome {
  item: QaItem;
  /** Passage texts in rank order (at least 10 when available). */
  ranked: string[];
  answered: boolean;
  /** The answer's tier; answered is true for high and low. */
  confidence?: Confidence;
  notices?: string[];
}

export interface Metrics {
  answerable: number;
  unanswerable: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr10: number;
  /** Unanswerable questions the bot declined to answer. */
  abstention: number;
  /** Answerable questions the bot declined to answer (confidence none): false refusals. */
  falseAbstention: number;
  /** Answerable questions answered with confidence low. */
  lowAnswerable: number;
  /** Unanswerable questions answered with confidence low (shown with a caveat, not refused). */
  lowUnanswerable: number;
}

// Passages keep the articles' wording without their Markdown (`restartPolicy` is restartPolicy), and an
// evidence string copied from the Markdown may keep its code marks: compared without them.
const squash = (s: string): string => s.normalize('NFKC').replace(/[\s`]+/g, '');

/** A ranked passage as a reader meets it: its section headings (the citation's title › section) and its text. */
export function passageAsShown(passage: { sectionPath: readonly string[]; text: string }): string {
  return [...passage.sectionPath, passage.text].join('\n');
}

export function containsEvidence(passage: string, evidence: readonly string[]): boolean {
  const p = squash(passage);
  return evidence.some((e) => p.includes(squash(e)));
}

/** 1-based rank of the first passage containing evidence, or 0 when none in the top `depth`. */
export function firstHitRank(outcome: QaOutcome, depth = 10): number {
  const i = outcome.ranked.slice(0, depth).findIndex((p) => containsEvidence(p, outcome.item.evidence));
  return i + 1;
}

export function computeMetrics(outcomes: readonly QaOutcome[]): Metrics {
  const answerable = outcomes.filter((o) => o.item.title !== null);
  const unanswerable = outcomes.filter((o) => o.item.title === null);
  const ranks = answerable.map((o) => firstHitRank(o));
  const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
  const hit = (k: number): number => share(ranks.filter((r) => r > 0 && r <= k).length, ranks.length);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hit1: hit(1),
    hit3: hit(3),
    hit5: hit(5),
    mrr10: share(ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0), ranks.length),
    abstention: share(unanswerable.filter((o) => !o.answered).length, unanswerable.length),
    falseAbstention: share(answerable.filter((o) => !o.answered).length, answerable.length),
    lowAnswerable: share(answerable.filter((o) => o.confidence === 'low').length, answerable.length),
    lowUnanswerable: share(unanswerable.filter((o) => o.confidence === 'low').length, unanswerable.length),
  };
}

export function parseQaSet(text: string, source: string): QaItem[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      let item: QaItem;
      try {
        item = JSON.parse(line) as QaItem;
      } catch {
        throw new Error(`Eval: line ${n} of ${source} is not JSON`);
      }
      if (typeof item.q !== 'string' || !Array.isArray(item.evidence)) throw new Error(`Eval: line ${n} of ${source} needs "q" and "evidence"`);
      return item;
    });
}
