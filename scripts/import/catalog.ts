import { parse } from 'yaml';
import type { ArticleFields } from '../../src/corpus/article.js';

/** One article entry of `seeds/catalog.yml`: the article's front matter, and where it sits in a seed. */
export interface CatalogEntry extends ArticleFields {
  /** File name of the seed, relative to the seeds directory. */
  seed: string;
  /** 1-based, inclusive line range of the article in its seed file. */
  lines: [number, number];
  /** Set when the entry repeats another article; such entries are not imported. */
  duplicateOf?: string;
}

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses and validates the catalog; throws with the entry named on the first problem. */
export function parseCatalog(text: string): CatalogEntry[] {
  const doc: unknown = parse(text);
  const articles = isRecord(doc) ? doc['articles'] : undefined;
  if (!Array.isArray(articles)) throw new Error('catalog: missing "articles" list');
  const entries = articles.map((raw: unknown, i) => toEntry(raw, i));
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`catalog: duplicate id ${e.id}`);
    ids.add(e.id);
  }
  for (const e of entries) {
    if (e.duplicateOf !== undefined && !ids.has(e.duplicateOf)) {
      throw new Error(`catalog ${e.id}: duplicate_of names unknown id ${e.duplicateOf}`);
    }
  }
  return entries;
}

/** The entries to import: everything except repeats of another entry. */
export function importableEntries(entries: CatalogEntry[]): CatalogEntry[] {
  return entries.filter((e) => e.duplicateOf === undefined);
}

function toEntry(raw: unknown, index: number): CatalogEntry {
  if (!isRecord(raw)) throw new Error(`catalog entry #${index + 1}: not a mapping`);
  const where = `catalog entry ${typeof raw['id'] === 'string' ? raw['id'] : `#${index + 1}`}`;
  const str = (key: string): string => {
    const v = raw[key];
    // Dates must stay strings: an unquoted date would already have been turned into something else.
    if (typeof v !== 'string' || v.trim() === '') throw new Error(`${where}: "${key}" must be a non-empty string`);
    return v;
  };
  const list = (key: string): string[] => {
    const v = raw[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      throw new Error(`${where}: "${key}" must be a list of strings`);
    }
    return v as string[];
  };
  const lines = raw['lines'];
  if (
    !Array.isArray(lines) ||
    lines.length !== 2 ||
    !lines.every((n) => Number.isInteger(n) && (n as number) >= 1) ||
    (lines[0] as number) > (lines[1] as number)
  ) {
    throw new Error(`${where}: "lines" must be [first, last], 1-based`);
  }
  const entry: CatalogEntry = {
    id: str('id'),
    title: str('title'),
    seed: str('seed'),
    lines: [lines[0] as number, lines[1] as number],
    date: str('date'),
    url: str('url'),
    authors: list('authors'),
    translators: list('translators'),
    sigs: list('sigs'),
    lang: str('lang'),
  };
  if (!/^[a-z0-9][a-z0-9-]*$/.test(entry.id)) throw new Error(`${where}: id is not a lower-case slug`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) throw new Error(`${where}: date is not YYYY-MM-DD`);
  if (!/^https:\/\/\S+$/.test(entry.url)) throw new Error(`${where}: url is not an https URL`);
  if (raw['duplicate_of'] !== undefined) entry.duplicateOf = str('duplicate_of');
  return entry;
}
