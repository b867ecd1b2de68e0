import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, shuffled } from '../../src/bench/prng.js';
import { generateSyntheticArticles, splitSource, toCorpusFile, varyText } from '../../src/bench/synthetic.js';
import type { Article } from '../../src/corpus/article.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { readCorpus, selectUnique } from '../../src/corpus/read-corpus.js';

let sources: Article[];

beforeAll(async () => {
  sources = (await readCorpus('corpus')).articles;
});

const article = (body: string): Article => ({
  id: 'a',
  title: 'A',
  date: '2024-01-01',
  url: 'https://example.com/a',
  authors: [],
  translators: [],
  sigs: [],
  lang: 'ja',
  body,
  file: 'corpus/a.md',
});

describe('mulberry32', () => {
  it('is the reference generator: the same stream for a seed, floats in [0, 1)', () => {
    const a = mulberry32(1);
    expect(a()).toBeCloseTo(0.6270739405881613, 15);
    const xs = Array.from({ length: 1000 }, mulberry32(42));
    expect(Array.from({ length: 1000 }, mulberry32(42))).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, mulberry32(43))).not.toEqual(xs);
  });

  it('shuffles a copy into a permutation', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffled(mulberry32(3), items);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('splitSource', () => {
  it('splits a body into its lead and sections of blocks, keeping fenced code whole', () => {
    const body = ['リード文です。', '', '## 設定', '', '次のように書きます:', '', '```yaml', '# not a heading', '', 'a: 1', '```', '', '- 項目', '', '### 空', '## まとめ', '', '以上です。'].join('\n');
    const split = splitSource(article(body));
    expect(split.lead).toEqual(['リード文です。']);
    expect(split.sections.map((s) => s.heading)).toEqual(['設定', 'まとめ']);
    expect(split.sections[0]!.blocks).toEqual(['次のように書きます:', '```yaml\n# not a heading\n\na: 1\n```', '- 項目']);
  });
});

describe('varyText', () => {
  it('changes some numbers and identifiers, keeping digit counts', () => {
    const text = Array.from({ length: 40 }, (_, i) => `v1.${20 + i} containerd`).join(' ');
    const varied = varyText(text, mulberry32(5));
    expect(varied).not.toBe(text);
    expect(varied.replace(/\d/g, '0').replace(/-\d+[a-z]/g, '')).toBe(text.replace(/\d/g, '0'));
  });
});

describe('generateSyntheticArticles', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateSyntheticArticles(sources, { count: 20, seed: 7 });
    expect(generateSyntheticArticles(sources, { count: 20, seed: 7 })).toEqual(a);
    expect(generateSyntheticArticles(sources, { count: 20, seed: 8 })).not.toEqual(a);
  });

  it('produces N valid articles with unique ids and urls, which the corpus reader accepts', () => {
    const articles = generateSyntheticArticles(sources, { count: 50, seed: 1 });
    expect(articles).toHaveLength(50);
    expect(new Set(articles.map((a) => a.id)).size).toBe(50);
    expect(new Set(articles.map((a) => a.url)).size).toBe(50);
    for (const a of articles) {
      const parsed = parseArticle(`${a.id}.md`, toCorpusFile(a));
      if (!parsed.ok) throw new Error(`${a.id}: ${JSON.stringify(parsed.problems)}`);
      expect(parsed.article).toMatchObject({ id: a.id, title: a.title, date: a.date, url: a.url, sigs: a.sigs, authors: a.authors, lang: a.lang });
      expect(parsed.article.body.trim()).toBe(a.body.trim());
    }
    expect(selectUnique([...sources, ...articles]).problems).toEqual([]);
  });

  it('builds realistic articles: 3–8 sections of real text, sizes like the real ones, a varied vocabulary', () => {
    const articles = generateSyntheticArticles(sources, { count: 50, seed: 1 });
    const headings = sources.flatMap((s) => splitSource(s).sections.map((x) => x.heading));
    for (const a of articles) {
      const count = a.body.split('\n').filter((l) => l.startsWith('## ')).length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(8);
      expect(a.date).toMatch(/^20(1[6-9]|2[0-5])-\d\d-\d\d$/);
    }
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ratio = mean(articles.map((a) => a.body.length)) / mean(sources.map((a) => a.body.length));
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(1.5);
    // Headings are real ones (up to the varied numbers); bodies contain identifiers no source has.
    const squash = (s: string): string => s.replace(/\d+/g, '0');
    const known = new Set(headings.map(squash));
    const synthHeadings = articles.flatMap((a) => a.body.split('\n').filter((l) => l.startsWith('## ')).map((l) => squash(l.slice(3))));
    expect(synthHeadings.filter((h) => known.has(h)).length / synthHeadings.length).toBeGreaterThan(0.9);
    expect(articles.some((a) => /\b[A-Za-z][A-Za-z0-9]{3,}-\d+[a-z]\b/.test(a.body))).toBe(true);
  });
});
