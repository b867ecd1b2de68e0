/**
 * Parses and validates one corpus file: YAML front matter (gray-matter) and a Markdown body.
 * Every problem in the file is reported, each naming the field and what was expected.
 */
import matter from 'gray-matter';
import type { Article, CorpusProblem } from './article.js';
import { FRONT_MATTER_OPTIONS, parseWrittenDate } from './front-matter.js';

export type ParseResult = { ok: true; article: Article } | { ok: false; problems: CorpusProblem[] };

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
    const parsed = matter(raw, { ...FRONT_MATTER_OPTIONS });
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
    article: { id: articleIdFromFile(file), title, date: date!, url, authors, translators, sigs, lang: lang!, source: source ?? 'corpus', announce: true, body, file },
  };
}

function fail(file: string, messages: string[]): ParseResult {
  return { ok: false, problems: messages.map((message) => ({ file, message })) };
}

/** The date as written, quoted or not; a day that does not exist (2026-13-45) is rejected, not rolled over. */
function parseDate(value: unknown): string | undefined {
  return parseWrittenDate(value);
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
