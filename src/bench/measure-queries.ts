/** Query latency, measured the same way for every index the bench times. */
import { median, summarize, type LatencySummary } from './stats.js';

/** Questions listed as the slowest, per index. */
const SLOWEST = 3;
/**
 * Warm-up passes over the questions before timing, stopping after WARM_UP_BUDGET_MS. One pass
 * left V8 still optimising the analyser and the excerpt code through the first timed rounds:
 * over the Hugo tree, p99 ran 7.7-12.2 ms in three runs with one pass, 6.4-10.6 ms with three
 * (p50 2.8 vs 2.5 ms). A running bot answers from warm code; the first pass's own figures are
 * reported beside (firstPass), so the cold start is not hidden.
 */
const WARM_UP_PASSES = 3;
const WARM_UP_BUDGET_MS = 5000;

export interface QueryTimings {
  query: LatencySummary;
  /** Questions with the highest median latency. */
  slowest: Array<{ q: string; medianMs: number }>;
  /** Timed rounds actually run (fewer than asked when the query budget ran out). */
  rounds: number;
  /** Questions run in the warm-up passes. */
  warmUpQuestions: number;
  /** Latency of the first warm-up pass: each question's first answer after the index was loaded. */
  firstPass: LatencySummary;
}

/**
 * Warm-up passes (WARM_UP_PASSES, cut short after WARM_UP_BUDGET_MS), then up to `rounds` timed rounds over
 * all questions; a further round starts only while the last one would still fit in
 * `budgetMs`, so a slow index still finishes (with fewer rounds, reported).
 */
export function measureQueries(questions: readonly string[], rounds: number, budgetMs: number, run: (q: string) => unknown): QueryTimings {
  const warmUpStart = performance.now();
  let warmUpQuestions = 0;
  const first: number[] = [];
  warmUp: for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (const q of questions) {
      const t = performance.now();
      run(q);
      if (pass === 0) first.push(performance.now() - t);
      warmUpQuestions++;
      if (performance.now() - warmUpStart > WARM_UP_BUDGET_MS) break warmUp;
    }
  }
  const perQuestion = questions.map(() => [] as number[]);
  const start = performance.now();
  let done = 0;
  let lastRound = 0;
  while (done < rounds && (done === 0 || performance.now() - start + lastRound <= budgetMs)) {
    const roundStart = performance.now();
    questions.forEach((q, i) => {
      const t = performance.now();
      run(q);
      perQuestion[i]!.push(performance.now() - t);
    });
    lastRound = performance.now() - roundStart;
    done++;
  }
  const slowest = questions
    .map((q, i) => ({ q, medianMs: median(perQuestion[i]!) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, SLOWEST);
  return { query: summarize(perQuestion.flat()), slowest, rounds: done, warmUpQuestions, firstPass: summarize(first) };
}

