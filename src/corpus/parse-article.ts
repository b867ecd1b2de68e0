/**
 * Parses and validates one corpus file: YAML front matter (gray-matter) and a Markdown body.
 * Every problem in the file is reported, each naming the field and what was expected.
 */
import matter from 'gray-matter';
import type { Article, CorpusProblem } from './article.js';

export type ParseResult = { ok: true; article: Article } | { ok: false; problems: CorpusProblem[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SIG = /^[a-z0-9][a-z0-9-]*$/;

/** `corpus/foo.md` → `foo` */
export function articleIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '');
}

export function parseArticle(file: string, raw: string): ParseResult {
  const problems: string[] = [];
  let data: Record<string, unknown>;
  let body: string;
  try {
    // gray-matter caches by content; a fresh options object disables that, so a fixed file is re-read.
    const parsed = matter(raw, {});
    data = parsed.data as Record<string, unknown>;
    body = parsed.content;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(file, [`front matter is not valid YAML: ${reason}`]);
  }
  if (!raw.trimStart().startsWith('---')) problems.push('no front matter: the file must start with a `---` line, then title, date and url');

  const title = typeof data.title === 'string' ? data.title.trim() : '';
  if (title === '') problems.push(`"title" must be a non-empty string, got ${describe(data.title)}`);

  const date = parseDate(data.date);
  if (date === undefined) problems.push(`"date" must be a date written YYYY-MM-DD, got ${describe(data.date)}`);

  const url = typeof data.url === 'string' ? data.url.trim() : '';
  if (!isHttpUrl(url)) problems.push(`"url" must be an absolute http(s) URL, got ${describe(data.url)}`);

  const authors = stringList(data.authors, 'authors', problems);
  const translators = stringList(data.translators, 'translators', problems);
  const sigs = stringList(data.sigs, 'sigs', problems).map((s) => s.toLowerCase());
  for (const sig of sigs) if (!SIG.test(sig)) problems.push(`"sigs" entries look like sig-node, got ${JSON.stringify(sig)}`);
  const lang = data.lang === undefined ? 'ja' : typeof data.lang === 'string' && data.lang.trim() !== '' ? data.lang.trim() : undefined;
  if (lang === undefined) problems.push(`"lang" must be a language tag such as ja or en, got ${describe(data.lang)}`);

  // `source`: the feed an article was synced from (npm run sync); optional.
  const source = data.source === undefined ? undefined : typeof data.source === 'string' && isHttpUrl(data.source.trim()) ? data.source.trim() : null;
  if (source === null) problems.push(`"source" must be the http(s) URL of the feed the article came from, got ${describe(data.source)}`);

  if (body.trim() === '') problems.push('the body is empty: write the article below the closing `---`');

  if (problems.length > 0) return fail(file, problems);
  return {
    ok: true,
    article: { id: articleIdFromFile(file), title, date: date!, url, authors, translators, sigs, lang: lang!, body, file, ...(source ? { source } : {}) },
  };
}

function fail(file: string, messages: string[]): ParseResult {
  return { ok: false, problems: messages.map((message) => ({ file, message })) };
}

/** YAML turns an unquoted 2024-06-20 into a Date; accept both spellings. */
function parseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const d = new Date(`${m[0]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[0] ? m[0] : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function stringList(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v: string) => v.trim()).filter(Boolean);
  problems.push(`"${field}" must be a list of strings, got ${describe(value)}`);
  return [];
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value instanceof Date) return value.toISOString();
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
