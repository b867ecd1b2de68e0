/**
 * An article page's HTML → its main text as Markdown. Readability (Firefox Reader View's
 * extractor) on a linkedom DOM finds the article; turndown with the GFM plugin writes it,
 * keeping headings, lists, links, tables and fenced code blocks with their language. Pure.
 * Scripts, styles, frames, forms and embeds are removed before extraction and again by
 * turndown, so none of them reaches the corpus whatever Readability keeps.
 */
import { Readability } from '@mozilla/readability';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

export interface ExtractedArticle {
  /** The page's own title (used only when the feed item has none). */
  title: string | undefined;
  markdown: string;
  /** `<html lang>` when the page declares one. */
  declaredLang: string | undefined;
}

const UNWANTED = ['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'canvas', 'link', 'meta'] as const;

/** Less plain text than this after extraction counts as empty: there is nothing to answer from. */
export const MIN_TEXT_CHARS = 20;

export function extractArticle(html: string, pageUrl: string): ExtractedArticle | undefined {
  if (html.trim() === '') return undefined;
  const { document } = parseHTML(html);
  if (!document.documentElement) return undefined;
  const declaredLang = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  for (const el of document.querySelectorAll(UNWANTED.join(','))) el.remove();
  absolutiseLinks(document, pageUrl);
  markCodeLanguages(document);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  if (!parsed?.content) return undefined;
  const title = parsed.title?.trim() || undefined;
  const markdown = dropTitleHeading(createTurndown().turndown(parsed.content).replace(/\n{3,}/g, '\n\n').trim(), title);
  if (plainText(markdown).length < MIN_TEXT_CHARS) return undefined;
  return { title, markdown, declaredLang };
}

/** The page's own `<h1>` repeats its `<title>` (often "Heading | Site"), which the citation already shows as the feed's title. */
function dropTitleHeading(markdown: string, title: string | undefined): string {
  const first = /^#{1,2} +(.+)\n*/.exec(markdown);
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return first && title && norm(title).startsWith(norm(first[1]!)) ? markdown.slice(first[0].length) : markdown;
}

function absolutiseLinks(document: ReturnType<typeof parseHTML>['document'], pageUrl: string): void {
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    try {
      const url = new URL(href, pageUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') a.setAttribute('href', url.href);
      else a.removeAttribute('href'); // javascript:, data:, mailto: links are kept as text only
    } catch {
      a.removeAttribute('href');
    }
  }
}

/** Readability drops class names, so a code block's language (`language-yaml`) is kept in data-lang. */
function markCodeLanguages(document: ReturnType<typeof parseHTML>['document']): void {
  for (const pre of document.querySelectorAll('pre')) {
    const code = pre.querySelector('code');
    const classes = `${pre.getAttribute('class') ?? ''} ${code?.getAttribute('class') ?? ''}`;
    const lang = pre.getAttribute('data-lang') ?? code?.getAttribute('data-lang') ?? /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1];
    if (lang) pre.setAttribute('data-lang', lang.toLowerCase());
  }
}

function createTurndown(): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  td.use(gfm);
  td.remove([...UNWANTED] as unknown as TurndownService.Filter);
  td.addRule('images', { filter: 'img', replacement: () => '' });
  td.addRule('fencedCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const el = node as unknown as { textContent: string | null; getAttribute(name: string): string | null };
      const text = (el.textContent ?? '').replace(/\n+$/, '');
      const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}${el.getAttribute('data-lang') ?? ''}\n${text}\n${fence}\n\n`;
    },
  });
  return td;
}

function plainText(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, ' ').replace(/[#>*_`|\-\[\]()]/g, ' ').replace(/\s+/g, ' ').trim();
}
