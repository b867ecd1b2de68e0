import { describe, expect, it } from 'vitest';
import { computeKnownItemMetrics, parseKnownItems, samePage, selectKind, type KnownItemOutcome } from '../../src/eval/known-item.js';

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
