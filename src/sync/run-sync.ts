/**
 * One `npm run sync`: read each feed (conditional GET), and for every item whose URL is not
 * yet in the corpus fetch its page, extract the article and write it under CORPUS_DIR/feeds/.
 * Exactly once: the corpus says what was written (an existing file is never overwritten), the
 * state says which pages were already fetched and which validators each feed gave.
 * A failure is reported with its URL and reason and skipped; the rest goes on.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { urlKey } from '../corpus/read-corpus.js';
import type { FeedSource, HugoSource } from '../sources/sources-file.js';
import { feedArticleId, formatFeedArticle } from './build-feed-article.js';
import { detectLang } from './detect-lang.js';
import { extractArticle } from './extract-article.js';
import { FetchError, type Fetcher } from './fetch-url.js';
import { FeedParseError, parseFeedText, type FeedItem, type ParsedFeed } from './parse-feed.js';
import { readKnownUrls } from './read-known-urls.js';
import { emptySyncState, SyncStateError, type SyncState, type SyncStateStore } from './sync-state.js';
import { writeFileAtomic } from '../write-file-atomic.js';

export const FEEDS_DIR = 'feeds';

export interface SyncOptions {
  corpusDir: string;
  feeds: FeedSource[];
  /** Hugo trees of the sources file: their pages' URLs count as already in the corpus. */
  hugo?: readonly HugoSource[];
  fetcher: Fetcher;
  store: SyncStateStore;
  now?: () => Date;
}

export interface FeedOutcome {
  url: string;
  /** `read`: fetched and parsed; `not-modified`: 304; `failed`: could not be read (exit code 1). */
  status: 'read' | 'not-modified' | 'failed';
  reason?: string;
  title?: string;
  items: number;
}

export interface AddedArticle {
  title: string;
  date: string;
  url: string;
  /** Relative to CORPUS_DIR. */
  file: string;
  feed: string;
}

export interface SkippedItem {
  feed: string;
  /** The page URL, or the item's title when it has no link. */
  item: string;
  reason: string;
}

export interface SyncReport {
  feeds: FeedOutcome[];
  added: AddedArticle[];
  skipped: SkippedItem[];
  /** Items already in the corpus or fetched before: nothing to do. */
  known: number;
  /** Problems with sync's own state (read as empty). */
  warnings: string[];
}

export function isSyncRunOk(report: SyncReport): boolean {
  return report.feeds.every((f) => f.status !== 'failed');
}

export async function runSync({ corpusDir, feeds, hugo = [], fetcher, store, now = () => new Date() }: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { feeds: [], added: [], skipped: [], known: 0, warnings: [] };
  const known = await readKnownUrls(corpusDir, hugo);
  let state: SyncState;
  try {
    state = await store.readSyncState();
  } catch (error) {
    if (!(error instanceof SyncStateError)) throw error;
    // The corpus still prevents duplicates; only validators and the fetched-page list are lost.
    report.warnings.push(`${error.message}; starting from an empty state`);
    state = emptySyncState();
  }
  const claimed = new Set<string>();
  const ctx: FeedContext = { corpusDir, fetcher, state, known, claimed, report, now };
  const outcomes = await Promise.all(
    feeds.map((feed) => syncFeed(feed, ctx).catch((error: unknown): FeedOutcome => ({ url: feed.url, status: 'failed', reason: `failed: ${(error as Error).message ?? String(error)}`, items: 0 }))),
  );
  report.feeds = outcomes;
  await store.writeSyncState(state);
  report.added.sort((a, b) => a.feed.localeCompare(b.feed) || b.date.localeCompare(a.date) || a.url.localeCompare(b.url));
  return report;
}

interface FeedContext {
  corpusDir: string;
  fetcher: Fetcher;
  state: SyncState;
  known: Set<string>;
  /** Pages taken by an item of this run (two feeds may list one article). */
  claimed: Set<string>;
  report: SyncReport;
  now: () => Date;
}

async function syncFeed(feed: FeedSource, ctx: FeedContext): Promise<FeedOutcome> {
  const previous = ctx.state.feeds[feed.url];
  const conditional: Record<string, string> = {};
  if (previous?.etag) conditional['if-none-match'] = previous.etag;
  if (previous?.lastModified) conditional['if-modified-since'] = previous.lastModified;
  let parsed: ParsedFeed;
  let validators: { etag?: string; lastModified?: string };
  try {
    const res = await ctx.fetcher.fetch(feed.url, { ...conditional, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' });
    if (res.status === 304) return { url: feed.url, status: 'not-modified', items: 0 };
    if (res.status !== 200) return { url: feed.url, status: 'failed', reason: `answered HTTP ${res.status}`, items: 0 };
    parsed = parseFeedText(decodeBody(res.body, res.headers['content-type']), res.url);
    validators = { etag: res.headers.etag, lastModified: res.headers['last-modified'] };
  } catch (error) {
    if (error instanceof FetchError || error instanceof FeedParseError) return { url: feed.url, status: 'failed', reason: error instanceof FetchError ? error.reason : error.message, items: 0 };
    throw error;
  }
  const results = await Promise.all(
    parsed.items.map((item) =>
      syncItem(item, feed, parsed, ctx).catch((error: unknown): ItemResult => {
        // A disk or extractor failure on one item must not lose the others (nor the state): reported, retried next run.
        ctx.report.skipped.push({ feed: feed.url, item: item.link ?? item.title ?? '(an item)', reason: `failed: ${(error as Error).message ?? String(error)}` });
        return 'retry';
      }),
    ),
  );
  // A page that may succeed later (timeout, 5xx) keeps the old validators, so the next run reads the feed again and retries it.
  if (!results.includes('retry')) {
    ctx.state.feeds[feed.url] = { ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}), checkedAt: ctx.now().toISOString() };
  }
  return { url: feed.url, status: 'read', title: parsed.title, items: parsed.items.length };
}

type ItemResult = 'added' | 'known' | 'skipped' | 'retry';

async function syncItem(item: FeedItem, feed: FeedSource, parsed: ParsedFeed, ctx: FeedContext): Promise<ItemResult> {
  const skip = (what: string, reason: string, result: ItemResult = 'skipped'): ItemResult => {
    ctx.report.skipped.push({ feed: feed.url, item: what, reason });
    return result;
  };
  if (!item.link) return skip(item.title ? `"${item.title}"` : '(an item without title)', 'no link: nothing to cite');
  const key = urlKey(item.link);
  if (ctx.known.has(key) || ctx.state.pages[key] || ctx.claimed.has(key)) {
    ctx.report.known++;
    return 'known';
  }
  ctx.claimed.add(key);
  const id = feedArticleId(item.link);
  const path = join(ctx.corpusDir, FEEDS_DIR, `${id}.md`);
  const file = relative(ctx.corpusDir, path);
  if (existsSync(path)) {
    // Written by an earlier run whose URL no longer reads from it (broken by hand?): never overwritten.
    ctx.report.known++;
    return 'known';
  }
  const remember = (skipped?: string): void => {
    ctx.state.pages[key] = { fetchedAt: ctx.now().toISOString(), ...(skipped ? { skipped } : { file }) };
  };

  let res;
  try {
    res = await ctx.fetcher.fetch(item.link, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' }, { publicOnlyExcept: new URL(feed.url).hostname });
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    if (!error.retry) remember(error.reason);
    return skip(item.link, error.reason, error.retry ? 'retry' : 'skipped');
  }
  const finalKey = urlKey(res.url);
  if (finalKey !== key && (ctx.known.has(finalKey) || ctx.claimed.has(finalKey))) {
    // A tracking or short link that lands on a page the corpus already has.
    remember(`redirects to ${res.url}, already in the corpus`);
    ctx.report.known++;
    return 'known';
  }
  if (res.status !== 200) {
    const retry = res.status >= 500 || res.status === 408 || res.status === 429;
    const reason = `answered HTTP ${res.status}`;
    if (!retry) remember(reason);
    return skip(item.link, reason, retry ? 'retry' : 'skipped');
  }
  const type = res.headers['content-type'] ?? '';
  if (!isHtml(type, res.body)) {
    const reason = `not HTML (${type || 'no content-type'})`;
    remember(reason);
    return skip(item.link, reason);
  }
  const extracted = extractArticle(decodeBody(res.body, type), res.url);
  if (!extracted) {
    const reason = 'no article text found on the page (empty after extraction)';
    remember(reason);
    return skip(item.link, reason);
  }
  const title = item.title ?? extracted.title;
  if (!title) {
    remember('no title in the feed or on the page');
    return skip(item.link, 'no title in the feed or on the page');
  }
  // An item without any date is dated the day it was found.
  const date = item.date ?? ctx.now().toISOString().slice(0, 10);
  const text = formatFeedArticle({
    url: item.link,
    title,
    date,
    authors: item.authors,
    sigs: feed.sigs,
    source: feed.url,
    lang: detectLang(extracted.markdown, extracted.declaredLang, parsed.language),
    body: extracted.markdown,
  });
  await writeFileAtomic(path, text);
  remember();
  ctx.known.add(key);
  ctx.report.added.push({ title, date, url: item.link, file, feed: feed.url });
  return 'added';
}

function isHtml(contentType: string, body: Buffer): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  if (type !== '') return false;
  return /^\s*(<!doctype html|<html)/i.test(body.subarray(0, 512).toString('latin1'));
}

/** The body as text: the charset from the header, else from a `<meta charset>` or XML declaration, else UTF-8. */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
