import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';

function buildArticle(front: Record<string, string> = {}, body = '本文です。'): string {
  const fields = { title: '"タイトル"', date: '"2024-01-02"', url: '"https://example.com/a/"', ...front };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

const messages = (raw: string): string[] => {
  const r = parseArticle('corpus/x.md', raw);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('parseArticle', () => {
  it('reads a valid article with defaults for optional fields', () => {
    const r = parseArticle('corpus/my-article.md', buildArticle({ sigs: '[SIG-Node]', authors: '"A"' }));
    expect(r.ok && r.article).toMatchObject({ id: 'my-article', title: 'タイトル', date: '2024-01-02', sigs: ['sig-node'], authors: ['A'], translators: [], lang: 'ja' });
  });

  it('accepts an unquoted YAML date', () => {
    const r = parseArticle('corpus/a.md', buildArticle({ date: '2024-06-20' }));
    expect(r.ok && r.article.date).toBe('2024-06-20');
  });

  it.each([
    ['a missing title', { title: '' }, /"title" must be a non-empty string/],
    ['an empty title', { title: '"  "' }, /"title"/],
    ['a missing date', { date: '' }, /"date" must be a date written YYYY-MM-DD/],
    ['an impossible date', { date: '"2024-02-30"' }, /"date"/],
    ['a date in another format', { date: '"2024/01/02"' }, /"date"/],
    ['a missing url', { url: '' }, /"url" must be an absolute http\(s\) URL/],
    ['a relative url', { url: '"/ja/blog/"' }, /"url"/],
    ['sigs that are not strings', { sigs: '[1, 2]' }, /"sigs" must be a list of strings/],
  ])('reports %s', (_name, front, pattern) => {
    expect(messages(buildArticle(front))).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  });

  it('reports every problem of a file at once', () => {
    expect(messages(buildArticle({ title: '', date: '', url: '' }))).toHaveLength(3);
  });

  it('reports unparseable front matter with the YAML error', () => {
    expect(messages('---\ntitle: [unclosed\n---\n本文')).toEqual([expect.stringMatching(/front matter is not valid YAML/)]);
  });

  it('reports a file without front matter', () => {
    expect(messages('# ただのMarkdown\n\n本文')).toEqual(expect.arrayContaining([expect.stringMatching(/no front matter/)]));
  });

  it('reports an empty body', () => {
    expect(messages(buildArticle({}, '   '))).toEqual([expect.stringMatching(/the body is empty/)]);
  });
});

describe('readCorpus', () => {
  it('reports every broken file and duplicate ids or urls in one run, keeping the good articles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await writeFile(join(dir, 'good.md'), buildArticle({ url: '"https://example.com/good/"' }));
    await writeFile(join(dir, 'broken.md'), buildArticle({ date: '"yesterday"' }));
    await writeFile(join(dir, 'dup-1.md'), buildArticle({ url: '"https://example.com/same/"' }));
    await writeFile(join(dir, 'dup-2.md'), buildArticle({ url: '"https://example.com/same"' }));
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    const { articles, problems } = await readCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    const byFile = problems.map((p) => `${p.file.split('/').pop()}: ${p.message}`);
    expect(byFile).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.md: "date"/),
        expect.stringMatching(/^dup-1\.md: duplicate url .*dup-2\.md/),
        expect.stringMatching(/^dup-2\.md: duplicate url .*dup-1\.md/),
      ]),
    );
  });
});
