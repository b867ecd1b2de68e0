import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boldMrkdwn, decodeEntities, escapeMrkdwn, fitRendered, joinWithin, linkMrkdwn, linkUrl, neutraliseAutoLinks, trimText } from '../../../src/slack/blocks/mrkdwn.js';

describe('mrkdwn', () => {
  describe('escapeMrkdwn', () => {
    it('escapes &, < and > (and & first, so nothing is escaped twice wrongly)', () => {
      expect(escapeMrkdwn('<!channel> & <@U1> &amp;')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &amp;amp;');
    });

    it('is undone by decodeEntities for any text', () => {
      fc.assert(fc.property(fc.string(), (s) => decodeEntities(escapeMrkdwn(s)) === s));
    });
  });

  describe('boldMrkdwn', () => {
    it('wraps in zero-width spaces so Slack bolds inside Japanese text', () => {
      expect(boldMrkdwn('定義')).toBe('\u200B*定義*\u200B');
    });

    it('keeps whitespace outside and neutralises asterisks inside', () => {
      expect(boldMrkdwn(' a*b ')).toBe(' \u200B*a∗b*\u200B ');
      expect(boldMrkdwn('  ')).toBe('  ');
    });
  });

  describe('linkUrl / linkMrkdwn', () => {
    it('links http(s) URLs, escaping & and encoding characters that would break the link', () => {
      expect(linkMrkdwn('https://example.com/?a=1&b=<2>|x', 'A & B')).toBe('<https://example.com/?a=1&amp;b=%3C2%3E%7Cx|A &amp; B>');
    });

    it('shows only the label for other schemes or absurdly long URLs', () => {
      expect(linkMrkdwn('javascript:alert(1)', 'x')).toBe('x');
      expect(linkUrl(`https://example.com/${'a'.repeat(2000)}`)).toBeUndefined();
    });
  });

  describe('trimText', () => {
    it('returns short text unchanged', () => {
      expect(trimText('短い。', 10)).toBe('短い。');
    });

    it('cuts after the last whole sentence that fits', () => {
      expect(trimText('一文目です。二文目です。三文目です。', 14)).toBe('一文目です。二文目です。…');
      expect(trimText('First one. Second one. Third one.', 25)).toBe('First one. Second one.…');
    });

    it('falls back to a space, then anywhere, never splitting a surrogate pair', () => {
      expect(trimText('word another wordy thing', 15)).toBe('word another…');
      expect(trimText('😀😀😀😀😀😀', 6)).toBe('😀😀…');
    });

    it('never exceeds the limit', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(320), (s, n) => trimText(s, n).length <= Math.max(n, 0)));
    });
  });

  describe('fitRendered', () => {
    it('fits after escaping', () => {
      fc.assert(fc.property(fc.string({ maxLength: 500 }), fc.nat(400), (s, n) => fitRendered(s, n).length <= n));
      expect(fitRendered('<<<<', 9)).toBe('&lt;&lt;…');
      expect(fitRendered('&'.repeat(1000), 300, (s) => `Q: ${escapeMrkdwn(s)}`)).toMatch(/^Q: (&amp;){59}…$/);
    });
  });

  describe('joinWithin', () => {
    it('keeps whole lines only', () => {
      expect(joinWithin(['aaa', 'bbb', 'ccc'], 8)).toBe('aaa\nbbb');
    });
  });
});

describe('neutraliseAutoLinks', () => {
  it('leaves @here, @channel, @everyone and URLs looking the same but unparseable', () => {
    const out = neutraliseAutoLinks('@here @Channel @everyone see https://evil.example and www.evil.example, mail@here.com');
    expect(out.replace(/\u2060/g, '')).toBe('@here @Channel @everyone see https://evil.example and www.evil.example, mail@here.com');
    expect(out).not.toMatch(/@(here|channel|everyone)\b/i);
    expect(out).not.toMatch(/https:\/\//);
    expect(out).not.toMatch(/www\./);
  });

  it('keeps @heres and other words alone', () => {
    expect(neutraliseAutoLinks('@heresy @channels')).toBe('@heresy @channels');
  });
});
