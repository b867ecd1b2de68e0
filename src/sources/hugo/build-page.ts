/**
 * Pure: one parsed Hugo page → an Article like the corpus folder's, with the page's URL as
 * the site publishes it, shortcodes rendered, comments and raw HTML blocks removed, links
 * made absolute, and the SIGs of its path. Glossary terms become articles of their own.
 */
import type { Article } from '../../corpus/article.js';
import type { HugoFrontMatter } from './page-front-matter.js';
import { renderShortcodes, type ShortcodeContext } from './shortcodes.js';
import { selectSigsForPath } from './sig-map.js';
import { buildPageUrl, glossaryTermUrl, outsideCode, resolveLinks, sectionOf } from './urls.js';

export interface PageContext extends ShortcodeContext {
  baseUrl: string;
  /** Path prefix → SIGs (the default map with the tree's overrides). */
  sigMap: Readonly<Record<string, readonly string[]>>;
  announce: readonly string[];
}

export interface ParsedPage {
  /** Path inside the tree, `/`-separated. */
  path: string;
  /** Absolute file path, for messages. */
  file: string;
  fm: HugoFrontMatter;
  body: string;
  modifiedAt?: number;
}

export type PageResult =
  | { kind: 'article'; article: Article; unknown: Record<string, number> }
  | { kind: 'skipped'; reason: 'draft' | 'headless' | 'empty' }
  | { kind: 'problem'; reason: string };

const GLOSSARY_TERM = /^docs\/reference\/glossary\/(?!_?index\.md$)[^/]+\.md$/i;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function isGlossaryTerm(path: string): boolean {
  return GLOSSARY_TERM.test(path);
}

/** HTML comments (`<!--more-->` too); they go first, as they may hold shortcodes nobody sees. */
export function stripHtmlComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/**
 * Script/style elements with their content, and raw tags (their text stays); code is left
 * alone. Run after shortcodes: `{{<glossary_tooltip …>}}` written without a space looks like a tag.
 */
export function stripHtmlTags(markdown: string): string {
  return outsideCode(markdown, (prose) => prose.replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<\/?[a-zA-Z][\w-]*(?:\s[^>]*)?\/?>/g, ''));
}

/** Hugo's heading ids (`## API {#api}`) are anchors, not words a reader sees. */
export function stripHeadingIds(markdown: string): string {
  return outsideCode(markdown, (prose) => prose.replace(/^(#{1,6}\s.*?)\s*\{#[^}\s]+\}\s*$/gm, '$1'));
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export function buildHugoArticle(page: ParsedPage, ctx: PageContext): PageResult {
  const { fm, path } = page;
  if (fm.draft) return { kind: 'skipped', reason: 'draft' };
  if (fm.headless) return { kind: 'skipped', reason: 'headless' };
  const glossary = isGlossaryTerm(path);
  if (!fm.title) {
    return { kind: 'problem', reason: `no "title" in front matter (keys found: ${fm.keys.join(', ') || 'none'})` };
  }
  if (glossary && !fm.id) return { kind: 'problem', reason: 'a glossary term needs "id" in front matter' };
  const section = sectionOf(path);
  const date = fm.date ?? (section === 'blog' ? /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(path)?.[1] : undefined);
  if (section === 'blog' && !/(^|\/)_index\.md$/i.test(path) && !date && !fm.url) {
    return { kind: 'problem', reason: 'a blog post needs a "date": its URL is /blog/YYYY/MM/DD/<slug>/' };
  }
  let url: string;
  try {
    url = glossary ? glossaryTermUrl(ctx.baseUrl, fm.id!) : buildPageUrl({ path, baseUrl: ctx.baseUrl, url: fm.url, slug: fm.slug, date, title: fm.title });
  } catch (error) {
    return { kind: 'problem', reason: `cannot make its URL: ${(error as Error).message}` };
  }
  const shortcodes = renderShortcodes(stripHtmlComments(page.body), ctx);
  const rendered = { ...shortcodes, text: stripHeadingIds(stripHtmlTags(shortcodes.text)) };
  // A glossary term's text usually begins with its short description: not twice.
  const lead = glossary ? (fm.shortDescription && !squash(rendered.text).includes(squash(fm.shortDescription)) ? fm.shortDescription : undefined) : fm.description;
  const body = resolveLinks([lead, rendered.text].filter(Boolean).join('\n\n'), url).replace(/\n{3,}/g, '\n\n').trim();
  if (!/[\p{L}\p{N}]/u.test(body.replace(/<[^>]*>/g, ''))) return { kind: 'skipped', reason: 'empty' };
  const article: Article = {
    id: idFromUrl(url),
    title: fm.title,
    date: date ?? '',
    url,
    authors: fm.authors,
    translators: fm.translators,
    sigs: selectSigsForPath(path, ctx.sigMap),
    lang: KANA.test(`${fm.title}${body}`) ? 'ja' : 'en',
    source: sourceOf(ctx.baseUrl, section),
    announce: ctx.announce.includes(section),
    body: `${body}\n`,
    file: page.file,
    ...(page.modifiedAt !== undefined ? { modifiedAt: page.modifiedAt } : {}),
  };
  return { kind: 'article', article, unknown: rendered.unknown };
}

/** The digest's source key of a section: its URL (`https://kubernetes.io/ja/blog/`). */
export function sourceOf(baseUrl: string, section: string): string {
  return new URL(section === '' ? '' : `${section}/`, baseUrl).href;
}

/** A stable id from the URL, readable and unlike any corpus file name (it keeps the host and slashes). */
export function idFromUrl(url: string): string {
  const u = new URL(url);
  const path = safeDecode(u.pathname).replace(/\/+$/, '');
  return `${u.host}${path}${u.hash}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
