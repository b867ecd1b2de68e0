import { describe, expect, it } from 'vitest';
import { buildDigestMessages, DIGEST_EVENT_TYPE, MAX_ARTICLES_PER_MESSAGE, parseDigestMetadata } from '../../src/digest/message.js';
import { findLimitProblems } from '../../src/slack/blocks/limits.js';
import { buildMeta } from './support.js';

const many = Array.from({ length: 45 }, (_, i) => buildMeta({ id: `a${String(i).padStart(2, '0')}`, title: 'T'.repeat(300), lead: 'L'.repeat(200), authors: Array.from({ length: 12 }, (_, j) => `Author ${j}`) }));

describe('digest/message', () => {
  describe('buildDigestMessages', () => {
    it('lists title (linked), date, authors, SIGs and the lead of each article', () => {
      const [message] = buildDigestMessages([buildMeta({ id: 'x', title: 'A & <B>', url: 'https://e.com/x|y', sigs: ['sig-node'], date: '2024-06-20' })], { kind: 'digest' }, 'en');
      const json = JSON.stringify(message?.blocks);
      expect(json).toContain('*<https://e.com/x%7Cy|A &amp; &lt;B&gt;>*');
      expect(json).toContain('2024-06-20  ·  Author A  ·  sig-node');
      expect(json).toContain('これは記事の冒頭です。二文目です。');
      expect(message?.metadata).toEqual({ event_type: DIGEST_EVENT_TYPE, event_payload: { article_ids: ['x'] } });
    });

    it('splits many articles over several messages within Block Kit limits, each with its own metadata', () => {
      const messages = buildDigestMessages(many, { kind: 'sig', channelName: 'sig-node' }, 'en');
      expect(messages.map((m) => m.articleIds.length)).toEqual([MAX_ARTICLES_PER_MESSAGE, MAX_ARTICLES_PER_MESSAGE, 5]);
      expect(messages.flatMap((m) => m.metadata.event_payload.article_ids)).toEqual(many.map((a) => a.id));
      for (const m of messages) expect(findLimitProblems(m)).toEqual([]);
      expect(JSON.stringify(messages[2]?.blocks[0])).toContain('New articles for #sig-node (41–45 of 45)');
      expect(JSON.stringify(messages[0]?.blocks)).toContain('Author 4, +7');
    });

    it('returns no message for no articles', () => {
      expect(buildDigestMessages([], { kind: 'digest' })).toEqual([]);
    });

    it('speaks Japanese by default (DIGEST_LANG=ja)', () => {
      const [message] = buildDigestMessages([buildMeta({ id: 'x', title: 'T', url: 'https://e.com/x', sigs: [], date: '2024-06-20' })], { kind: 'digest' });
      expect((message!.blocks[0] as any).text.text).toBe('新着記事 (1)');
      expect(message!.text).toMatch(/^新着記事 \(1\):/);
    });
  });

  describe('parseDigestMetadata', () => {
    it('reads the article ids back, and nothing from other messages', () => {
      expect(parseDigestMetadata({ event_type: DIGEST_EVENT_TYPE, event_payload: { article_ids: ['a', 'b'] } })).toEqual(['a', 'b']);
      expect(parseDigestMetadata({ event_type: 'other', event_payload: { article_ids: ['a'] } })).toEqual([]);
      expect(parseDigestMetadata(undefined)).toEqual([]);
    });
  });
});
