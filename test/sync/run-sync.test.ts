/**
 * runSync with the real HTTP client against a local feed site: every kind of bad input is
 * reported by URL and skipped while the rest lands, requests stay polite and bounded, and a
 * rerun fetches only what may now succeed.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSyncReport } from '../../src/sync/format-sync-report.js';
import { createFetcher, DEFAULT_FETCH_LIMITS, type Fetcher } from '../../src/sync/fetch-url.js';
import { isSyncRunOk, runSync, type SyncReport } from '../../src/sync/run-sync.js';
import { createFileSyncStateStore, syncStatePath } from '../../src/sync/sync-state.js';
import { articleHtml, buildAtom, buildRss, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { GATEWAY_PAGE, lifecyclePage } from './fixtures.js';

const TIMEOUT_MS = 300;
let site: FeedServer;
let fetcher: Fetcher;
let corpusDir: string;
let flakyCalls = 0;
let stallCalls = 0;
/** Pages being answered at once, and the most at one time. */
let active = 0;
let peak = 0;
const KNOWN_ARTICLE = (url: string): string => `---\ntitle: "既存の記事"\ndate: "2024-01-01"\nurl: "${url}"\n---\n\n既存の本文です。書き換えられてはいけません。\n`;

const feeds = (): Array<{ url: string; sigs: string[] }> => [
  { url: site.url('/rss.xml'), sigs: ['sig-network'] },
  { url: site.url('/atom.xml'), sigs: [] },
  { url: site.url('/slow.xml'), sigs: [] },
  { url: site.url('/page.xml'), sigs: [] },
  { url: site.url('/text.xml'), sigs: [] },
  { url: site.url('/stall.xml'), sigs: [] },
];

let hugoDir: string;
const hugo = () => [{ dir: hugoDir, baseUrl: `${site.origin}/ja/`, sections: undefined, announce: ['blog'], sigsByPath: {} }];

async function sync(): Promise<SyncReport> {
  return runSync({ corpusDir, feeds: feeds(), hugo: hugo(), fetcher, store: createFileSyncStateStore(syncStatePath(join(corpusDir, 'feeds'))), now: () => new Date('2026-04-01T12:00:00Z') });
}

const reasonFor = (report: SyncReport, path: string): string | undefined => report.skipped.find((s) => s.item === site.url(path))?.reason;

beforeAll(async () => {
  site = await startFeedServer();
  const link = (p: string): string => site.url(p);
  site.feed(
    '/rss.xml',
    buildRss('RSS', [
      { title: 'Gateway API', link: link('/posts/gateway'), date: 'Tue, 10 Feb 2026 08:00:00 GMT' },
      { title: 'リダイレクトされた記事', link: link('/posts/moved') },
      { title: 'リダイレクトが多すぎる', link: link('/posts/loop-0') },
      { title: '巨大なページ', link: link('/posts/huge') },
      { title: 'PDF', link: link('/posts/paper.pdf') },
      { title: 'リンクのない項目' },
      { title: '既存', link: link('/posts/known/') },
      { title: 'Hugoのページ', link: link('/ja/blog/2026/03/05/hugo-post/') },
      { title: '追跡リンク', link: link('/r/known') },
      // Same server, another name: a link into a private network is refused unless it is the feed's own host.
      { title: '内部のページ', link: link('/posts/gateway').replace('127.0.0.1', 'localhost') },
      { title: '内部へのリダイレクト', link: link('/r/inside') },
      ...['a', 'b', 'c', 'd'].map((x) => ({ title: `並行 ${x}`, link: link(`/posts/parallel-${x}`), date: 'Wed, 11 Feb 2026 08:00:00 GMT' })),
    ]),
    { etag: '"r1"' },
  );
  site.feed(
    '/atom.xml',
    buildAtom('Atom', [
      { title: '空のページ', link: link('/posts/empty'), date: '2026-02-01T00:00:00Z' },
      { title: 'ときどき失敗', link: link('/posts/flaky'), date: '2026-02-02T00:00:00+09:00' },
      { title: '更新日だけ', link: link('/posts/updated-only'), updated: '2026-02-03T09:00:00+09:00' },
    ]),
    { lastModified: 'Tue, 03 Feb 2026 00:00:00 GMT', contentType: 'application/atom+xml' },
  );
  site.route('/slow.xml', (_req, res) => {
    const t = setTimeout(() => res.end(buildRss('slow', [])), TIMEOUT_MS * 5);
    res.on('close', () => clearTimeout(t));
  });
  site.page('/page.xml', articleHtml('not a feed', '<p>これはフィードではなくHTMLのページです。</p>'));
  site.page('/text.xml', 'just some text, not XML', 'text/plain');

  site.page('/posts/gateway', GATEWAY_PAGE);
  for (const x of ['a', 'b', 'c', 'd']) {
    site.route(`/posts/parallel-${x}`, async (_req, res) => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 40));
      active--;
      res.setHeader('content-type', 'text/html');
      res.end(lifecyclePage(`並行処理${x}`));
    });
  }
  site.redirect('/posts/moved', '/posts/moved-2');
  site.redirect('/posts/moved-2', link('/posts/final'));
  site.page('/posts/final', lifecyclePage('リダイレクト先'));
  for (let i = 0; i < 7; i++) site.redirect(`/posts/loop-${i}`, `/posts/loop-${i + 1}`);
  site.route('/posts/huge', (_req, res) => {
    res.setHeader('content-type', 'text/html');
    const chunk = `<p>${'大きい'.repeat(10_000)}</p>`;
    let sent = 0;
    const write = (): void => {
      while (sent < 8 * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  });
  site.page('/posts/paper.pdf', '%PDF-1.4 ...', 'application/pdf');
  site.page('/posts/empty', '<!doctype html><html><head><title>x</title><script>var a = "only a script";</script></head><body><nav><a href="/">home</a></nav></body></html>');
  site.route('/posts/flaky', (_req, res) => {
    flakyCalls++;
    if (flakyCalls === 1) {
      res.statusCode = 503;
      res.end('busy');
      return;
    }
    res.setHeader('content-type', 'text/html');
    res.end(lifecyclePage('復旧した記事'));
  });
  site.page('/posts/updated-only', lifecyclePage('更新日'));
  site.feed('/stall.xml', buildRss('Stall', [{ title: '途中で止まる', link: link('/posts/stall'), date: 'Thu, 05 Feb 2026 00:00:00 GMT' }]), { etag: '"s1"' });
  site.route('/posts/stall', (_req, res) => {
    res.setHeader('content-type', 'text/html');
    if (++stallCalls > 1) return void res.end(lifecyclePage('止まらなくなった記事'));
    // Headers and the start of the page, then silence: the read timeout ends it.
    res.write('<!doctype html><html><body><p>');
  });
  site.page('/posts/known', lifecyclePage('既存'));
  site.page('/ja/blog/2026/03/05/hugo-post/', lifecyclePage('Hugo'));
  site.redirect('/r/known', '/posts/known');
  site.redirect('/r/inside', site.url('/posts/parallel-a').replace('127.0.0.1', 'localhost'));

  corpusDir = await mkdtemp(join(tmpdir(), 'run-sync-'));
  await mkdir(join(corpusDir, 'feeds'));
  await writeFile(join(corpusDir, 'known.md'), KNOWN_ARTICLE(link('/posts/known')));
  // A Hugo checkout whose blog has the post a feed item links to.
  hugoDir = join(await mkdtemp(join(tmpdir(), 'run-sync-hugo-')), 'content', 'ja');
  await mkdir(join(hugoDir, 'blog', '_posts'), { recursive: true });
  await writeFile(join(hugoDir, 'blog', '_posts', '2026-03-05-hugo-post.md'), '---\ntitle: Hugoの記事\ndate: 2026-03-05\nslug: hugo-post\n---\n\nHugoのチェックアウトから読まれる記事です。\n');
  fetcher = createFetcher({ ...DEFAULT_FETCH_LIMITS, userAgent: 'k8s-ja-bot/test (+https://bot.example/)', timeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await fetcher.close();
  await site.close();
});

describe('runSync', () => {
  let first: SyncReport;

  it('adds every readable item and reports each bad feed, page and item with its URL and why', async () => {
    first = await sync();
    const byStatus = Object.fromEntries(first.feeds.map((f) => [f.url.replace(site.origin, ''), f.status === 'failed' ? f.reason : f.status]));
    expect(byStatus).toMatchObject({ '/rss.xml': 'read', '/atom.xml': 'read' });
    expect(byStatus['/slow.xml']).toMatch(/timed out/);
    expect(byStatus['/page.xml']).toMatch(/not a feed/);
    expect(byStatus['/text.xml']).toMatch(/not a feed: not XML/);
    expect(isSyncRunOk(first)).toBe(false);

    expect(first.added.map((a) => a.url.replace(site.origin, '')).sort()).toEqual(['/posts/gateway', '/posts/moved', '/posts/parallel-a', '/posts/parallel-b', '/posts/parallel-c', '/posts/parallel-d', '/posts/updated-only']);
    expect(reasonFor(first, '/posts/loop-0')).toMatch(/more than 5 redirects/);
    expect(reasonFor(first, '/posts/huge')).toMatch(/too large: more than 5242880 bytes/);
    expect(reasonFor(first, '/posts/paper.pdf')).toBe('not HTML (application/pdf)');
    expect(reasonFor(first, '/posts/empty')).toMatch(/empty after extraction/);
    expect(reasonFor(first, '/posts/flaky')).toBe('answered HTTP 503');
    expect(reasonFor(first, '/posts/stall')).toBe(`timed out reading the answer (${TIMEOUT_MS} ms)`);
    expect(first.skipped.find((s) => s.item === '"リンクのない項目"')?.reason).toMatch(/no link/);
    expect(first.skipped.find((s) => s.item.includes('//localhost:'))?.reason).toMatch(/^localhost is a private or loopback address \((127\.0\.0\.1|::1)\); only the feed's own host may be$/);
    expect(reasonFor(first, '/r/inside')).toMatch(/^localhost is a private or loopback address/);
    const text = formatSyncReport(first);
    expect(text).toContain(`- ${site.url('/posts/huge')} (feed ${site.url('/rss.xml')}): too large`);
  });

  it('dates items by pubDate, published or updated as written, and by the day found when none is given', async () => {
    const dates = Object.fromEntries(first.added.map((a) => [a.url.replace(site.origin, ''), a.date]));
    expect(dates).toMatchObject({ '/posts/gateway': '2026-02-10', '/posts/updated-only': '2026-02-03', '/posts/moved': '2026-04-01' });
  });

  it('cites the item link, not where it redirected, and keeps the feed entry SIGs', async () => {
    const moved = first.added.find((a) => a.url === site.url('/posts/moved'))!;
    const text = await readFile(join(corpusDir, moved.file), 'utf8');
    expect(text).toContain(`url: "${site.url('/posts/moved')}"`);
    expect(text).toContain('sigs: ["sig-network"]');
    expect(text).toContain('リダイレクト先について説明します');
  });

  it('never fetches an item already in the corpus or in a Hugo tree, and leaves the corpus file as it was', async () => {
    // Reached once, only by following the tracking link /r/known; the item linking to it directly is never fetched.
    expect(site.requests('/posts/known')).toHaveLength(1);
    expect(site.requests('/r/known')).toHaveLength(1);
    expect(site.requests('/ja/blog/2026/03/05/hugo-post/')).toEqual([]);
    // A tracking link that redirects to a page the corpus has is not written either.
    expect(first.known).toBe(3);
    expect(first.added.map((a) => a.url)).not.toContain(site.url('/r/known'));
    expect(await readFile(join(corpusDir, 'known.md'), 'utf8')).toBe(KNOWN_ARTICLE(site.url('/posts/known')));
  });

  it('sends at most 2 requests at a time to one host, each with the User-Agent', () => {
    // Four slow pages on one host: without the limit all four would be answered at once.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
    for (const r of site.requests()) expect(r.headers['user-agent']).toBe('k8s-ja-bot/test (+https://bot.example/)');
  });

  it('on a rerun fetches only the pages that may now succeed (503, read timeout), and never a page it already fetched', async () => {
    const filesBefore = (await readdir(join(corpusDir, 'feeds'))).sort();
    site.reset();
    const second = await sync();
    // A page that failed with 503 or timed out keeps its feed's old validators, so the feed is read again and the page retried.
    expect(second.added.map((a) => a.url).sort()).toEqual([site.url('/posts/flaky'), site.url('/posts/stall')]);
    expect(second.feeds.find((f) => f.url === site.url('/rss.xml'))?.status).toBe('not-modified');
    const pages = site.requests().filter((r) => r.path.startsWith('/posts/')).map((r) => r.path);
    expect(pages.sort()).toEqual(['/posts/flaky', '/posts/stall']);
    const filesAfter = (await readdir(join(corpusDir, 'feeds'))).sort();
    expect(filesAfter.filter((f) => !filesBefore.includes(f))).toHaveLength(2);

    site.reset();
    const third = await sync();
    expect(third.added).toEqual([]);
    expect(site.requests().filter((r) => r.path.startsWith('/posts/'))).toEqual([]);
    expect(third.feeds.filter((f) => f.status === 'not-modified').map((f) => f.url)).toEqual([site.url('/rss.xml'), site.url('/atom.xml'), site.url('/stall.xml')]);
  });

  it('writes nothing twice when its state file is lost or broken: the corpus says what is there', async () => {
    const before = (await readdir(join(corpusDir, 'feeds'))).sort();
    await writeFile(syncStatePath(join(corpusDir, 'feeds')), '{ not json');
    site.reset();
    const report = await sync();
    expect(report.warnings[0]).toMatch(/not valid JSON; starting from an empty state/);
    expect(report.added).toEqual([]);
    expect((await readdir(join(corpusDir, 'feeds'))).sort()).toEqual(before);
    // Only pages never written (the skipped ones) are tried again.
    expect(site.requests('/posts/gateway')).toEqual([]);
  });
});
