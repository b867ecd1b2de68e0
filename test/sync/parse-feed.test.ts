import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedText, selectDate } from '../../src/sync/parse-feed.js';
import { decodeBody } from '../../src/sync/run-sync.js';
import { buildAtom, buildRss } from '../support/feed-server.js';

const FEED = 'https://blog.example/feed.xml';

describe('parseFeedText', () => {
  it('reads RSS items: title, link, pubDate as written, dc:creator and author names', () => {
    const xml = buildRss('Blog', [{ title: 'A &amp; B', link: 'https://blog.example/a', date: 'Tue, 10 Jun 2025 23:30:00 +0900', author: '山田' }]);
    const feed = parseFeedText(xml, FEED);
    expect(feed.format).toBe('rss');
    expect(feed.language).toBe('ja');
    // The day as written in its own offset, not shifted to UTC (2025-06-10T14:30Z).
    expect(feed.items).toEqual([{ title: 'A &amp; B', link: 'https://blog.example/a', date: '2025-06-10', authors: ['山田'] }]);
  });

  it('reads Atom entries: the alternate link resolved against the feed, published before updated', () => {
    const xml = buildAtom('Atom', [
      { title: 'E1', link: '/posts/e1', date: '2025-01-02T00:00:00+09:00', updated: '2025-02-02T00:00:00Z', author: 'Jiro' },
      { title: 'E2', link: 'https://blog.example/e2', updated: '2025-03-04T10:00:00Z' },
    ]);
    const feed = parseFeedText(xml, FEED);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Atom');
    expect(feed.items).toEqual([
      { title: 'E1', link: 'https://blog.example/posts/e1', date: '2025-01-02', authors: ['Jiro'] },
      { title: 'E2', link: 'https://blog.example/e2', date: '2025-03-04', authors: [] },
    ]);
  });

  it('gives no link for an item without one or with a non-http link, and keeps no e-mail address as an author', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>no link</title><author>someone@example.com</author></item>
      <item><title>js</title><link>javascript:alert(1)</link><author>a@b.example (Hanako)</author></item>
      <item><title>guid</title><guid>https://blog.example/g</guid></item></channel></rss>`;
    const items = parseFeedText(xml, FEED).items;
    expect(items.map((i) => [i.link, i.authors])).toEqual([
      [undefined, []],
      [undefined, ['Hanako']],
      ['https://blog.example/g', []],
    ]);
  });

  it('rejects text that is not XML and XML that is not a feed, saying which', () => {
    expect(() => parseFeedText('hello', FEED)).toThrow(FeedParseError);
    expect(() => parseFeedText('hello', FEED)).toThrow(/not a feed: not XML/);
    expect(() => parseFeedText('<html><body>x</body></html>', FEED)).toThrow(/not a feed: XML or HTML that is not an RSS or Atom feed/);
  });
});

describe('selectDate', () => {
  it('takes the first candidate that is a real date', () => {
    expect(selectDate(undefined, 'garbage', '2025-13-45T00:00:00Z', 'Sat, 01 Mar 2025 00:00:00 GMT')).toBe('2025-03-01');
    expect(selectDate('Mon, 31 Feb 2025 00:00:00 GMT')).toBeUndefined();
  });
});

describe('decodeBody', () => {
  const NIHON_SJIS = Buffer.from([0x93, 0xfa, 0x96, 0x7b]);
  it('decodes by the charset of the content-type, else a <meta charset>, else an XML declaration, else UTF-8', () => {
    expect(decodeBody(NIHON_SJIS, 'text/html; charset=Shift_JIS')).toBe('日本');
    expect(decodeBody(Buffer.concat([Buffer.from('<meta charset="shift_jis">'), NIHON_SJIS]), 'text/html')).toBe('<meta charset="shift_jis">日本');
    expect(decodeBody(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?>'), NIHON_SJIS]), undefined)).toContain('日本');
    expect(decodeBody(Buffer.from('日本'), undefined)).toBe('日本');
  });
});
