import { describe, expect, it } from 'vitest';
import { measureQueries } from '../../src/bench/measure-queries.js';

/** Busy-waits: the bench measures wall time. */
const spin = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('measureQueries', () => {
  it('times the rounds after the warm-up passes, and reports each question’s first (cold) answer apart', () => {
    const seen = new Map<string, number>();
    const run = (q: string): void => {
      const n = seen.get(q) ?? 0;
      seen.set(q, n + 1);
      spin(n === 0 ? 20 : 0.2);
    };
    const timings = measureQueries(['a', 'b', 'c'], 2, 60_000, run);
    expect(timings.rounds).toBe(2);
    expect(timings.query.count).toBe(6);
    expect(timings.query.max).toBeLessThan(15);
    expect(timings.firstPass.count).toBe(3);
    expect(timings.firstPass.min).toBeGreaterThanOrEqual(20);
    // Three warm-up passes, then the two timed rounds.
    expect([...seen.values()]).toEqual([5, 5, 5]);
    expect(timings.warmUpQuestions).toBe(9);
  });
});
