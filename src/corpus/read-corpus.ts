/** Reads every article of a corpus directory and reports every broken file in one pass. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Article, CorpusProblem } from './article.js';
import { parseArticle } from './parse-article.js';

export interface CorpusReadResult {
  articles: Article[];
  problems: CorpusProblem[];
}

export class CorpusNotFoundError extends Error {
  constructor(readonly dir: string) {
    super(`Corpus: directory "${dir}" does not exist or cannot be read; set CORPUS_DIR to the folder of article .md files`);
  }
}

export interface CorpusReadOptions {
  /** Folders inside the corpus that are not corpus files (a Hugo tree checked out there). */
  exclude?: readonly string[];
  /** Ids of articles already indexed or announced: they keep a URL a newer file reuses. */
  established?: ReadonlySet<string>;
}

/** The article files of a corpus and its sub-folders (`feeds/`), sorted, so builds are reproducible. */
export async function listArticleFiles(dir: string, exclude: readonly string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    throw new CorpusNotFoundError(dir);
  }
  const root = resolve(dir);
  const skipped = exclude.map((e) => resolve(e));
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !resolve(file).slice(root.length).split(sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .filter((file) => !skipped.some((x) => resolve(file).startsWith(x + sep)))
    .sort();
}

export async function readCorpus(dir: string, { exclude = [], established }: CorpusReadOptions = {}): Promise<CorpusReadResult> {
  const files = await listArticleFiles(dir, exclude);
  const parsed = await Promise.all(
    files.map(async (file) => {
      const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      const result = parseArticle(file, raw);
      if (result.ok) result.article.modifiedAt = info.mtimeMs;
      return result;
    }),
  );
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  for (const result of parsed) {
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  return selectUnique(articles, problems, established);
}

/** Trailing slashes, percent-encoding and the host's case do not make two URLs differ. */
export function urlKey(url: string): string {
  let key = url.trim();
  try {
    const u = new URL(key);
    key = `${u.protocol}//${u.host}${decodeURIComponentSafe(u.pathname)}${u.search}${u.hash}`;
  } catch {
    // not a URL: compared as written
  }
  return key.replace(/\/+(?=$|[?#])/, '');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Two files with one id or URL: the established one is kept and the newcomer reported. The
 * established one is the article already in the previous index (or the digest's record); when
 * neither or both are, the file modified first, then the first by path.
 */
export function selectUnique(articles: Article[], problems: CorpusProblem[] = [], established: ReadonlySet<string> = new Set()): CorpusReadResult {
  const keys: Array<[field: string, keyOf: (a: Article) => string]> = [
    ['id', (a) => a.id.toLowerCase()],
    ['url', (a) => urlKey(a.url)],
  ];
  const rank = (a: Article, b: Article): number =>
    Number(established.has(b.id)) - Number(established.has(a.id)) || (a.modifiedAt ?? Infinity) - (b.modifiedAt ?? Infinity) || a.file.localeCompare(b.file);
  const rejected = new Set<Article>();
  const out = [...problems];
  for (const [field, keyOf] of keys) {
    for (const [key, group] of groupBy(articles.filter((a) => !rejected.has(a)), keyOf)) {
      if (group.length < 2) continue;
      const [kept, ...newcomers] = [...group].sort(rank);
      const why = established.has(kept!.id) ? 'it is already indexed' : 'it was there first';
      for (const a of newcomers) {
        rejected.add(a);
        out.push({ file: a.file, message: `duplicate ${field} ${JSON.stringify(key)}: ${kept!.file} already has it and is kept (${why}); give this file its own ${field}` });
      }
    }
  }
  return { articles: articles.filter((a) => !rejected.has(a)), problems: out };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

export function formatProblems(problems: CorpusProblem[]): string {
  const byFile = groupBy(problems, (p) => p.file);
  return [...byFile].map(([file, ps]) => `${file}:\n${ps.map((p) => `  - ${p.message}`).join('\n')}`).join('\n');
}
