/** Pure: the URLs kubernetes.io publishes a content file under, and links resolved like the site. */

export interface PagePlace {
  /** Path inside the content tree, `/`-separated, e.g. `docs/concepts/_index.md`. */
  path: string;
  baseUrl: string;
  /** Front matter's `url`, `slug` and date (YYYY-MM-DD) and title. */
  url?: string;
  slug?: string;
  date?: string;
  title: string;
}

/** Hugo's urlize: lower case, spaces to hyphens, punctuation removed; letters of any script kept. */
export function urlize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\-_.]/gu, '')
    .replace(/-{2,}/g, '-');
}

/** The section of a page: its first folder (`docs`, `blog`), '' for pages at the top. */
export function sectionOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts[0]! : '';
}

/**
 * - `url` in front matter: as written, from the site's root (or relative to base_url);
 * - blog posts: `blog/YYYY/MM/DD/<slug>/`, the slug from front matter, else the title urlised;
 * - other pages by path: `_index.md` and a bundle's `index.md` are their folder, `slug` renames the last part.
 */
export function buildPageUrl(place: PagePlace): string {
  const base = new URL(place.baseUrl);
  if (place.url) return new URL(place.url.startsWith('/') ? place.url : place.url, place.url.startsWith('/') ? base.origin : base).href;
  const section = sectionOf(place.path);
  const isList = /(^|\/)_index\.md$/i.test(place.path);
  if (section === 'blog' && !isList && place.date) {
    const [y, m, d] = place.date.split('-');
    const slug = place.slug ? urlize(place.slug) : urlize(place.title);
    return new URL(`blog/${y}/${m}/${d}/${encodeSegment(slug)}/`, base).href;
  }
  let parts = place.path.replace(/\.md$/i, '').split('/');
  if (/^_?index$/i.test(parts[parts.length - 1]!)) parts = parts.slice(0, -1);
  if (place.slug && parts.length > 0 && !isList) parts[parts.length - 1] = urlize(place.slug);
  const rel = parts.map(encodeSegment).join('/');
  return new URL(rel === '' ? '' : `${rel}/`, base).href;
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%2E/gi, '.');
}

/** The glossary page's anchor for a term. */
export function glossaryTermUrl(baseUrl: string, id: string): string {
  return new URL(`docs/reference/glossary/?all=true#term-${encodeURIComponent(id)}`, baseUrl).href;
}

/**
 * Markdown links and images with a relative target made absolute: `/ja/docs/…` from the
 * site's root, `../pods/` and `#anchor` from the page's own URL. Code spans and fences are left alone.
 */
export function resolveLinks(markdown: string, pageUrl: string): string {
  const resolve = (target: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target;
    try {
      return new URL(target, pageUrl).href;
    } catch {
      return target;
    }
  };
  return outsideCode(markdown, (prose) =>
    prose
      .replace(/(\]\()(<[^>]*>|[^)\s]+)((?:\s+"[^"]*")?\))/g, (_, open: string, target: string, close: string) => `${open}${resolve(target.replace(/^<|>$/g, ''))}${close}`)
      .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/gm, (_, label: string, target: string) => `${label}${resolve(target)}`),
  );
}

/** Applies `fn` to the text outside fenced code blocks and code spans. */
export function outsideCode(markdown: string, fn: (prose: string) => string): string {
  return markdown
    .split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?(?:^(?:```|~~~)[^\n]*$|(?![\s\S])))/m)
    .map((part, i) => (i % 2 === 1 ? part : part.split(/(`+[^`\n]*?`+)/).map((p, j) => (j % 2 === 1 ? p : fn(p))).join('')))
    .join('');
}
