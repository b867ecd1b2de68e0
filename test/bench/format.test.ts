import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, markdownTable } from '../../src/bench/format.js';

describe('bench formatting', () => {
  it('formats milliseconds with a precision that suits their size', () => {
    expect(formatMs(0.123)).toBe('0.12 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(null)).toBe('–');
  });

  it('formats bytes in decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(-5_072_680)).toBe('−5.1 MB (GC)');
    expect(formatBytes(34_500_000)).toBe('34.5 MB');
    expect(formatBytes(2_340_000_000)).toBe('2.34 GB');
    expect(formatBytes(null)).toBe('–');
  });

  it('formats ratios, and a dash when the baseline is missing or zero', () => {
    expect(formatRatio(30, 10)).toBe('3.0×');
    expect(formatRatio(5, 10)).toBe('0.50×');
    expect(formatRatio(250, 10)).toBe('25×');
    expect(formatRatio(1, 0)).toBe('–');
    expect(formatRatio(null, 1)).toBe('–');
  });

  it('writes a Markdown table, escaping pipes', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
