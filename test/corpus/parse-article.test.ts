import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
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

  it('rejects a date that does not exist, quoted or not, instead of rolling it over', () => {
    for (const date of ['2026-13-45', '"2026-13-45"', '2023-02-29', '2024-06-20T10:00:00Z']) {
      expect(messages(buildArticle({ date }))).toEqual([expect.stringMatching(/"date" must be a date written YYYY-MM-DD, got "?2026-13-45|2023-02-29|2024-06-20T/)]);
    }
    expect(messages(buildArticle({ date: '2024-02-29' }))).toEqual([]);
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
  it('reports every broken file in one run and keeps the older of two files with one url, reporting the newcomer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await writeFile(join(dir, 'good.md'), buildArticle({ url: '"https://example.com/good/"' }));
    await writeFile(join(dir, 'broken.md'), buildArticle({ date: '"yesterday"' }));
    await writeFile(join(dir, 'b-old.md'), buildArticle({ url: '"https://example.com/same/"' }));
    await writeFile(join(dir, 'a-new.md'), buildArticle({ url: '"https://example.com/same"' }));
    await utimes(join(dir, 'b-old.md'), new Date('2024-01-01'), new Date('2024-01-01'));
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    const { articles, problems } = await readCorpus(dir);
    expect(articles.map((a) => a.id).sort()).toEqual(['b-old', 'good']);
    const byFile = problems.map((p) => `${p.file.split('/').pop()}: ${p.message}`);
    expect(byFile).toEqual([expect.stringMatching(/^broken\.md: "date"/), expect.stringMatching(/^a-new\.md: duplicate url .*b-old\.md already has it and is kept/)]);
  });

  it('keeps the article already indexed when a new file reuses its url, whatever the dates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await writeFile(join(dir, 'announced.md'), buildArticle({ url: '"https://example.com/same/"' }));
    await writeFile(join(dir, 'copy.md'), buildArticle({ url: '"https://example.com/same/"' }));
    await utimes(join(dir, 'copy.md'), new Date('2020-01-01'), new Date('2020-01-01'));
    const { articles, problems } = await readCorpus(dir, { established: new Set(['announced']) });
    expect(articles.map((a) => a.id)).toEqual(['announced']);
    expect(problems).toEqual([expect.objectContaining({ file: join(dir, 'copy.md'), message: expect.stringMatching(/already indexed/) })]);
  });

  it('reads articles in sub-folders (feeds/) and skips dot-folders and excluded folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await mkdir(join(dir, 'feeds'), { recursive: true });
    await mkdir(join(dir, '.git'), { recursive: true });
    await mkdir(join(dir, 'website'), { recursive: true });
    await writeFile(join(dir, 'feeds', 'zenn-1.md'), buildArticle({ url: '"https://zenn.dev/a/articles/1"', source: '"https://zenn.dev/topics/kubernetes/feed"' }));
    await writeFile(join(dir, '.git', 'x.md'), 'not an article');
    await writeFile(join(dir, 'website', 'page.md'), 'not a corpus article');
    const { articles, problems } = await readCorpus(dir, { exclude: [join(dir, 'website')] });
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.source])).toEqual([['zenn-1', 'https://zenn.dev/topics/kubernetes/feed']]);
  });
});
