import { describe, expect, it } from 'vitest';
import { computeKnownItemMetrics, formatKnownItemFailures, parseKnownItems, samePage, selectKind, type KnownItemOutcome } from '../../src/eval/known-item.js';

const item = (kind: 'ja-title' | 'en-title', url: string, glossary = false) => ({ id: `${kind}:${url}`, kind, query: 'q', url, ...(glossary ? { glossary } : {}) });

describe('eval/known-item', () => {
  it('scores the page by its rank among pages, and counts refusals apart', () => {
    const outcomes: KnownItemOutcome[] = [
      { item: item('ja-title', 'https://k8s.io/ja/a/'), urls: ['https://k8s.io/ja/a/', 'https://k8s.io/ja/b/'], refused: false },
      { item: item('ja-title', 'https://k8s.io/ja/b/'), urls: ['https://k8s.io/ja/a/', 'https://k8s.io/ja/c/', 'https://k8s.io/ja/b/'], refused: true },
      { item: item('ja-title', 'https://k8s.io/ja/d/'), urls: [], refused: true },
      { item: item('ja-title', 'https://k8s.io/ja/e/'), urls: ['x', 'y', 'z', 'https://k8s.io/ja/e/'], refused: false },
    ];
    const m = computeKnownItemMetrics(outcomes);
    expect(m).toMatchObject({ questions: 4, hit1: 0.25, hit3: 0.5, refused: 0.5 });
    expect(m.mrr10).toBeCloseTo((1 + 1 / 3 + 0 + 1 / 4) / 4);
  });

  it('treats a trailing slash as the same page', () => {
    expect(samePage('https://kubernetes.io/ja/docs/x', 'https://kubernetes.io/ja/docs/x/')).toBe(true);
    expect(samePage('https://kubernetes.io/ja/docs/x/', 'https://kubernetes.io/ja/docs/y/')).toBe(false);
  });

  it('leaves English questions about glossary terms out (the generated glossary pairs their titles)', () => {
    const outcomes = [item('en-title', 'https://k8s.io/g#a', true), item('en-title', 'https://k8s.io/p/'), item('ja-title', 'https://k8s.io/g#b', true)].map((i) => ({ item: i, urls: [], refused: false }));
    expect(selectKind(outcomes, 'en-title').map((o) => o.item.url)).toEqual(['https://k8s.io/p/']);
    expect(selectKind(outcomes, 'ja-title')).toHaveLength(1);
  });

  it('names the line of a malformed question', () => {
    expect(() => parseKnownItems('{"id":"a","kind":"ja-title","query":"x","url":"https://k8s.io/"}\n{"id":"b","kind":"fr-title","query":"x","url":"https://k8s.io/"}\n', 'q.jsonl')).toThrow(/q\.jsonl:2: kind/);
  });
});

describe('eval/known-item failures (--verbose)', () => {
  it('lists misses and refusals with the rank, the tier and its reason, and the leading pages; not the hits', () => {
    const detail = (confidence: string, reason: string) => ({ confidence, reason, titles: ['Page A', 'Page B', 'Page C', 'Page D'] });
    const outcomes: KnownItemOutcome[] = [
      { item: { ...item('ja-title', 'https://k8s.io/ja/a/'), query: 'hit' }, urls: ['https://k8s.io/ja/a/'], refused: false, detail: detail('high', 'ok') },
      { item: { ...item('ja-title', 'https://k8s.io/ja/b/'), query: 'refused first' }, urls: ['https://k8s.io/ja/b/'], refused: true, detail: detail('none', 'top coverage 0.00 < min') },
      { item: { ...item('en-title', 'https://k8s.io/ja/c/'), query: 'fifth' }, urls: ['1', '2', '3', '4', 'https://k8s.io/ja/c/'], refused: false, detail: detail('low', 'x') },
      { item: { ...item('en-title', 'https://k8s.io/ja/d/'), query: 'nowhere' }, urls: [], refused: false },
    ];
    const text = formatKnownItemFailures(outcomes);
    expect(text).not.toContain('hit');
    expect(text).toContain('ja-title rank 1 none REFUSED (top coverage 0.00 < min): refused first');
    expect(text).toContain('en-title rank 5 low (x): fifth');
    expect(text).toContain('en-title MISS: nowhere');
    expect(text).toContain('3. Page C');
    expect(text).not.toContain('Page D');
    expect(formatKnownItemFailures(outcomes.slice(0, 1))).toBe('(no misses or refusals)');
  });
});
