/**
 * A local site for sync tests: a real HTTP server on 127.0.0.1 (random port) serving feeds and
 * article pages, never the internet. Each path gets a route; every request is recorded with
 * its headers and the status it got.
 *
 *   const site = await startFeedServer();
 *   site.feed('/rss.xml', buildRss({ items: [...] }), { etag: '"v1"' });   // 304 on If-None-Match
 *   site.page('/a/pod', articleHtml('Pod', '…'));
 *   site.route('/down.xml', (_req, res) => { res.statusCode = 500; res.end(); });
 *   … site.url('/rss.xml'), site.requests('/rss.xml') …
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FeedServer {
  readonly origin: string;
  url(path: string): string;
  route(path: string, handler: RouteHandler): void;
  /** A feed with validators: answers 304 when the request's If-None-Match or If-Modified-Since matches. */
  feed(path: string, xml: string, validators: { etag?: string; lastModified?: string; contentType?: string }): void;
  page(path: string, html: string, contentType?: string): void;
  /** Redirects `from` → `to` with 302. */
  redirect(from: string, to: string): void;
  requests(path?: string): SeenRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, RouteHandler>();
  let seen: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    res.on('close', () => {
      seen.push({ path, headers: req.headers, status: res.statusCode });
    });
    const handler = routes.get(path);
    if (!handler) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    try {
      await handler(req, res);
    } catch {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    feed(path, xml, { etag, lastModified, contentType = 'application/rss+xml; charset=utf-8' }) {
      routes.set(path, (req, res) => {
        const inm = req.headers['if-none-match'];
        const ims = req.headers['if-modified-since'];
        const fresh = (etag !== undefined && inm === etag) || (etag === undefined && lastModified !== undefined && ims !== undefined && Date.parse(ims) >= Date.parse(lastModified));
        if (etag) res.setHeader('etag', etag);
        if (lastModified) res.setHeader('last-modified', lastModified);
        if (fresh) {
          res.statusCode = 304;
          res.end();
          return;
        }
        res.setHeader('content-type', contentType);
        res.end(xml);
      });
    },
    page(path, html, contentType = 'text/html; charset=utf-8') {
      routes.set(path, (_req, res) => {
        res.setHeader('content-type', contentType);
        res.end(html);
      });
    },
    redirect(from, to) {
      routes.set(from, (_req, res) => {
        res.statusCode = 302;
        res.setHeader('location', to);
        res.end();
      });
    },
    requests: (path) => (path === undefined ? [...seen] : seen.filter((r) => r.path === path)),
    reset() {
      seen = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ItemSpec {
  title?: string;
  link?: string;
  date?: string;
  author?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed; `date` is written as pubDate (RFC 822) as given. */
export function buildRss(title: string, items: ItemSpec[]): string {
  const body = items
    .map(
      (i) =>
        `<item>${i.title ? `<title>${esc(i.title)}</title>` : ''}${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}<description>要約</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(title)}</title><link>http://example.test/</link><language>ja</language>\n${body}\n</channel></rss>`;
}

/** An Atom feed; `date` is written as `published` (ISO 8601). */
export function buildAtom(title: string, items: Array<ItemSpec & { updated?: string }>): string {
  const body = items
    .map(
      (i) =>
        `<entry><id>${esc(i.link ?? 'urn:x')}</id>${i.title ? `<title>${esc(i.title)}</title>` : ''}${i.link ? `<link rel="alternate" href="${esc(i.link)}"/>` : ''}${i.date ? `<published>${i.date}</published>` : ''}${i.updated ? `<updated>${i.updated}</updated>` : ''}${i.author ? `<author><name>${esc(i.author)}</name></author>` : ''}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed</id><updated>2026-01-01T00:00:00Z</updated>\n${body}\n</feed>`;
}

/** An article page as blogs serve it: navigation, scripts and a footer around the article. */
export function articleHtml(pageTitle: string, articleBody: string, extraHead = ''): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(pageTitle)} | Example Blog</title>${extraHead}</head>
<body><header><nav><a href="/">ホーム</a> <a href="/about">このブログについて</a></nav></header>
<main><article><h1>${esc(pageTitle)}</h1>${articleBody}</article></main>
<footer><p>© Example Blog</p></footer></body></html>`;
}
