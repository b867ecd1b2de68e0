/** Reads every article of a corpus directory and reports every broken file in one pass. */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
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

/** The article files of a corpus, sub-folders included (feeds/), sorted, so builds are reproducible. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    throw new CorpusNotFoundError(dir);
  }
  // Dot names (a temporary file being written, .git) are never articles, nor anything under a dot folder.
  return names.filter((n) => n.toLowerCase().endsWith('.md') && !n.split(sep).some((part) => part.startsWith('.'))).sort().map((n) => join(dir, n));
}

export async function readCorpus(dir: string): Promise<CorpusReadResult> {
  const files = await listArticleFiles(dir);
  const parsed = await Promise.all(files.map(async (file) => parseArticle(file, await readFile(file, 'utf8'))));
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  for (const result of parsed) {
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  return selectUnique(articles, problems);
}

/** Drops every article whose id or url another article also has, naming all of them. */
export function selectUnique(articles: Article[], problems: CorpusProblem[] = []): CorpusReadResult {
  const keys: Array<[field: string, keyOf: (a: Article) => string]> = [
    ['id', (a) => a.id.toLowerCase()],
    ['url', (a) => a.url.replace(/\/+$/, '')],
  ];
  const rejected = new Set<Article>();
  const out = [...problems];
  for (const [field, keyOf] of keys) {
    for (const [key, group] of groupBy(articles, keyOf)) {
      if (group.length < 2) continue;
      for (const a of group) {
        rejected.add(a);
        const others = group.filter((o) => o !== a).map((o) => o.file).join(', ');
        out.push({ file: a.file, message: `duplicate ${field} ${JSON.stringify(key)}: also used by ${others}` });
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
