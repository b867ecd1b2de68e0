/**
 * A fetched feed (RSS 2.0, Atom; RDF and JSON Feed come free with feedsmith) → the items sync
 * needs: title, link, date as written (YYYY-MM-DD), authors. Pure: the caller fetched the text.
 */
import { parseFeed } from 'feedsmith';

export interface FeedItem {
  title: string | undefined;
  /** Absolute http(s) link of the item's page; undefined when the feed gives none. */
  link: string | undefined;
  /** RSS pubDate, Atom published, else updated; YYYY-MM-DD in the offset it was written in. */
  date: string | undefined;
  authors: string[];
}

export interface ParsedFeed {
  format: string;
  title: string | undefined;
  language: string | undefined;
  items: FeedItem[];
}

export class FeedParseError extends Error {}

type Loose = Record<string, unknown>;

export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  let result: { format: string; feed: unknown };
  try {
    result = parseFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    const start = text.trimStart().slice(0, 1);
    const what = start === '<' ? 'XML or HTML that is not an RSS or Atom feed' : 'not XML';
    throw new FeedParseError(`not a feed: ${what} (${(error as Error).message})`);
  }
  const feed = (result.feed ?? {}) as Loose;
  const raw = (result.format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined;
  return {
    format: result.format,
    title: textOf(feed.title),
    language: typeof feed.language === 'string' ? feed.language : undefined,
    items: (raw ?? []).map((item) => (result.format === 'atom' ? atomItem(item, feedUrl) : rssItem(item, feedUrl))),
  };
}

function rssItem(item: Loose, feedUrl: string): FeedItem {
  const dc = (item.dc ?? {}) as Loose;
  const guid = item.guid as Loose | undefined;
  // A guid marked as a permalink is the item's URL when no <link> is given.
  const permalink = guid && guid.isPermaLink !== false && typeof guid.value === 'string' ? guid.value : undefined;
  return {
    title: textOf(item.title),
    link: absoluteLink(textOf(item.link) ?? permalink, feedUrl),
    date: selectDate(item.pubDate, dc.date, dc.dates),
    authors: uniqueNames([...personNames(item.authors), ...stringsOf(dc.creators), ...stringsOf(dc.creator)]),
  };
}

function atomItem(entry: Loose, feedUrl: string): FeedItem {
  const links = (Array.isArray(entry.links) ? entry.links : []) as Loose[];
  const alternate = links.find((l) => (l.rel ?? 'alternate') === 'alternate' && typeof l.href === 'string') ?? links.find((l) => typeof l.href === 'string');
  return {
    title: textOf(entry.title),
    link: absoluteLink(alternate?.href as string | undefined, feedUrl),
    date: selectDate(entry.published, entry.updated),
    authors: uniqueNames(personNames(entry.authors)),
  };
}

function textOf(value: unknown): string | undefined {
  const s = typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as Loose).value === 'string' ? ((value as Loose).value as string) : undefined;
  const trimmed = s?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Names only: an e-mail address alone is not put into the corpus. */
function personNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((p) => {
    if (typeof p === 'string') return p.includes('@') && !p.includes('(') ? [] : [p.replace(/^.*\((.+)\)\s*$/, '$1')];
    const name = p && typeof p === 'object' ? (p as Loose).name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

function uniqueNames(names: string[]): string[] {
  return [...new Set(names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

function absoluteLink(link: string | undefined, feedUrl: string): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = new URL(link.trim(), feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first candidate that reads as a date; its calendar day as written, not shifted to UTC. */
export function selectDate(...candidates: unknown[]): string | undefined {
  for (const c of candidates.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
    if (typeof c !== 'string') continue;
    const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(c);
    const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(c);
    let ymd: [number, number, number] | undefined;
    if (iso) ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (rfc && MONTHS.includes(rfc[2]!.toLowerCase())) ymd = [Number(rfc[3]), MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, Number(rfc[1])];
    if (!ymd) continue;
    const text = `${ymd[0]}-${String(ymd[1]).padStart(2, '0')}-${String(ymd[2]).padStart(2, '0')}`;
    const d = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text) return text;
  }
  return undefined;
}
