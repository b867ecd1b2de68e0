/** Pure: a Hugo page's front matter as kubernetes/website's authors write it, read leniently. */
import { parse } from 'yaml';
import { parseWrittenDate } from '../../corpus/front-matter.js';

export interface HugoFrontMatter {
  title?: string;
  /** YYYY-MM-DD; absent when the page has none. */
  date?: string;
  slug?: string;
  url?: string;
  description?: string;
  draft: boolean;
  headless: boolean;
  authors: string[];
  translators: string[];
  /** Glossary terms. */
  id?: string;
  shortDescription?: string;
  /** Every key, for messages about typos. */
  keys: string[];
}

export type FrontMatterResult = { ok: true; fm: HugoFrontMatter; body: string } | { ok: false; reason: string };

// Hugo skips blank lines before the front matter, and so do we.
const FRONT_MATTER = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const CONFLICT = /^(?:<{7}|>{7})(?: |$)|^={7}$/m;

export function parseHugoFrontMatter(raw: string): FrontMatterResult {
  if (CONFLICT.test(raw)) return { ok: false, reason: 'contains git conflict markers (<<<<<<< / ======= / >>>>>>>)' };
  if (/^\uFEFF?\s*\+\+\+/.test(raw)) return { ok: false, reason: 'TOML front matter (+++) is not read; kubernetes/website pages use YAML (---)' };
  const m = FRONT_MATTER.exec(raw);
  if (!m) return { ok: false, reason: 'no front matter: the page must start with a `---` block' };
  let data: unknown;
  try {
    data = parse(m[1]!, { schema: 'core', uniqueKeys: false });
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'front matter is not a YAML mapping of keys' };
  const d = data as Record<string, unknown>;
  let date: string | undefined;
  if (d.date !== undefined && d.date !== null && d.date !== '') {
    date = parseWrittenDate(String(d.date), { withTime: true });
    if (date === undefined) return { ok: false, reason: `"date" ${JSON.stringify(d.date)} is not a real date (YYYY-MM-DD, optionally with a time)` };
  }
  return {
    ok: true,
    fm: {
      title: text(d.title),
      date,
      slug: text(d.slug),
      url: text(d.url),
      description: text(d.description),
      draft: d.draft === true || d.draft === 'true',
      headless: d.headless === true || d.headless === 'true',
      authors: names(d.author ?? d.authors),
      translators: names(d.translator ?? d.translators),
      id: text(d.id),
      shortDescription: text(d.short_description),
      keys: Object.keys(d),
    },
    body: raw.slice(m[0].length),
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

/** `author` as a string, a list or a folded block: names split at commas and line ends outside parentheses. */
export function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    let depth = 0;
    let current = '';
    for (const ch of String(item)) {
      if (ch === '(' || ch === '（') depth++;
      if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
      if (depth === 0 && (ch === ',' || ch === '、' || ch === '\n')) {
        out.push(current);
        current = '';
      } else current += ch;
    }
    out.push(current);
  }
  return out.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
