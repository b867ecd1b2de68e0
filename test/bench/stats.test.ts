import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../src/bench/stats.js';

const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with at least p% of the values at or below it', () => {
    expect(percentile(oneTo100, 50)).toBe(50);
    expect(percentile(oneTo100, 99)).toBe(99);
    expect(percentile(oneTo100, 100)).toBe(100);
    expect(percentile(oneTo100, 0.5)).toBe(1);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('is the maximum at p99 for fewer than 100 values', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([7], 50)).toBe(7);
  });

  it('rejects an empty sample and p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/p must be/);
    expect(() => percentile([1], 101)).toThrow(/p must be/);
  });
});

describe('summarize', () => {
  it('sorts a copy and reports count, min, mean, p50, p90, p99 and max', () => {
    const values = [...oneTo100].reverse();
    expect(summarize(values)).toEqual({ count: 100, min: 1, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(values[0]).toBe(100);
  });

  it('median takes the lower middle of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});
