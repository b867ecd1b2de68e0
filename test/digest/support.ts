/** Test data for the digest: articles (as metadata or as corpus files) and a temporary corpus. */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleMeta } from '../../src/corpus/article.js';
import { RANKING_CORPUS } from '../support/build-fixture.js';

export function buildMeta(overrides: Partial<ArticleMeta> & { id: string }): ArticleMeta {
  return {
    title: `Title of ${overrides.id}`,
    date: '2024-06-01',
    url: `https://example.com/${overrides.id}/`,
    authors: ['Author A'],
    translators: [],
    sigs: [],
    lang: 'ja',
    channels: [],
    lead: 'これは記事の冒頭です。二文目です。',
    ...overrides,
  };
}

export interface ArticleFile {
  title?: string;
  date?: string;
  sigs?: string[];
  body?: string;
}

/** Writes `<dir>/<id>.md` with valid front matter unless the fields say otherwise. */
export async function writeArticle(dir: string, id: string, a: ArticleFile = {}): Promise<void> {
  const front = [
    '---',
    `title: "${a.title ?? `新しい記事 ${id}`}"`,
    `date: "${a.date ?? '2024-07-01'}"`,
    `url: "https://example.com/blog/${id}/"`,
    'authors: ["Writer One"]',
    `sigs: [${(a.sigs ?? []).join(', ')}]`,
    '---',
    '',
  ].join('\n');
  await writeFile(join(dir, `${id}.md`), `${front}${a.body ?? `${id}についての記事です。二つ目の文です。三つ目の文です。\n\n## 詳細\n\n本文の続きです。\n`}`);
}

/** A copy of the ranking fixture corpus (4 articles; channels sig-node, sig-apps, sig-release) in a fresh directory. */
export async function makeWorkspace(prefix: string): Promise<{ dir: string; corpusDir: string; statePath: string; indexPath: string }> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const corpusDir = join(dir, 'corpus');
  await cp(RANKING_CORPUS, corpusDir, { recursive: true });
  return { dir, corpusDir, statePath: join(dir, 'data', 'digest-state.json'), indexPath: join(dir, 'data', 'index.json') };
}
