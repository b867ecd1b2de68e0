/** A synced item → its corpus file: a stable id from its URL, front matter as the corpus parser reads it. Pure. */
import { createHash } from 'node:crypto';

export interface FeedArticle {
  url: string;
  title: string;
  date: string;
  authors: string[];
  sigs: string[];
  /** The feed's URL. */
  source: string;
  lang: string | undefined;
  body: string;
}

/** What an id is made from: the URL without fragment or trailing slash, so `…/x/#top` and `…/x` get one id. */
function idKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

/**
 * `https://zenn.dev/foo/articles/k8s-pod?x=1` → `zenn-dev-foo-articles-k8s-pod-3f2a9c1b0d`: readable,
 * ASCII, and the same for the same URL on every run and machine (the hash tells apart URLs whose
 * readable part is cut or made of non-ASCII characters).
 */
export function feedArticleId(url: string): string {
  const key = idKey(url);
  let readable = key;
  try {
    const u = new URL(key);
    readable = `${u.hostname.replace(/^www\./, '')}${u.pathname}`;
  } catch {
    // not a URL: the hash alone keeps it unique
  }
  const slug = readable.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
  return slug ? `${slug}-${hash}` : hash;
}

export function formatFeedArticle(a: FeedArticle): string {
  const q = (s: string): string => JSON.stringify(s);
  const list = (xs: string[]): string => `[${xs.map(q).join(', ')}]`;
  const lines = [
    '---',
    `title: ${q(a.title)}`,
    `date: ${q(a.date)}`,
    `url: ${q(a.url)}`,
    `authors: ${list(a.authors)}`,
    `sigs: ${list(a.sigs)}`,
    `source: ${q(a.source)}`,
    ...(a.lang ? [`lang: ${q(a.lang)}`] : []),
    '---',
    '',
    a.body.trim(),
    '',
  ];
  return lines.join('\n');
}
