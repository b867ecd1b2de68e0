import { beforeAll, describe, expect, it } from 'vitest';
import { buildHugoTreeFiles } from '../../src/bench/hugo-tree.js';
import type { Article } from '../../src/corpus/article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { buildHugoArticle } from '../../src/sources/hugo/build-page.js';
import { parseHugoFrontMatter } from '../../src/sources/hugo/page-front-matter.js';
import { buildSigMap } from '../../src/sources/hugo/sig-map.js';

let sources: Article[];
beforeAll(async () => {
  sources = (await readCorpus('corpus')).articles;
});

describe('buildHugoTreeFiles', () => {
  it('is deterministic and gives pages the Hugo reader reads as the real site: every page readable, every shortcode known', () => {
    const files = buildHugoTreeFiles(sources, { pages: 60, seed: 3 });
    expect(buildHugoTreeFiles(sources, { pages: 60, seed: 3 })).toEqual(files);
    const ctx = { baseUrl: 'https://kubernetes.io/ja/', sigMap: buildSigMap(), announce: ['blog'], terms: new Map() };
    const kinds = new Set<string>();
    for (const f of files) {
      const fm = parseHugoFrontMatter(f.text);
      expect(fm.ok, f.path).toBe(true);
      if (!fm.ok) continue;
      const result = buildHugoArticle({ path: f.path, file: f.path, fm: fm.fm, body: fm.body }, ctx);
      expect(result.kind, f.path).not.toBe('problem');
      if (result.kind === 'article') {
        expect(result.unknown, f.path).toEqual({});
        expect(result.article.body, f.path).not.toMatch(/\{\{[<%]|[>%]\}\}/);
        kinds.add(result.article.url.includes('#term-') ? 'glossary' : result.article.url.split('/')[4]!);
      }
    }
    expect([...kinds].sort()).toEqual(['blog', 'docs', 'glossary']);
  });
});
