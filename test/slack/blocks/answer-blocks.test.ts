import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/messages.js';
import { ACTION, buildAnswerMessage, renderExcerpt } from '../../../src/slack/blocks/answer-blocks.js';
import { decodeAnswerRef } from '../../../src/slack/blocks/button-value.js';
import { findLimitProblems } from '../../../src/slack/blocks/limits.js';
import type { SlackMessage } from '../../../src/slack/blocks/message.js';
import { buildAnswer, buildResult } from './build-answer.js';

const texts = (m: SlackMessage): string[] => {
  const out = [m.text];
  for (const b of m.blocks as any[]) {
    if (b.text?.text) out.push(b.text.text);
    for (const e of b.elements ?? []) if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
};
const buttons = (m: SlackMessage): any[] => (m.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);

describe('answer-blocks', () => {
  describe('buildAnswerMessage', () => {
    it('links each result title to its article, with section, excerpt in bold and a context line naming the channel', () => {
      const message = buildAnswerMessage(buildAnswer(), { ephemeral: false, lang: 'en' });
      const [, section, context, channelLine] = message.blocks as any[];
      expect(section.text.text).toContain('*<https://example.com/ja/blog/sidecars/|1. サイドカーコンテナの定義と使いどころ>*');
      expect(section.text.text).toContain('› サイドカーコンテナの定義');
      expect(section.text.text).toContain('\u200B*サイドカーコンテナ*\u200B');
      expect(section.text.text).toContain('\u200B*定義*\u200B');
      // The answer's channel once, below the results; not again under a result in the same channel.
      expect(channelLine.elements.map((e: any) => e.text).join(' ')).toContain('<https://kubernetes.slack.com/messages/sig-node|#sig-node>');
      expect(context.elements.map((e: any) => e.text).join(' ')).not.toContain('#sig-node');
      expect(context.elements.map((e: any) => e.text).join(' ')).toContain('2024-05-01');
      expect(findLimitProblems(message)).toEqual([]);
    });

    it('has a plain fallback text naming the results', () => {
      const message = buildAnswerMessage(buildAnswer(), { ephemeral: false, lang: 'en' });
      expect(message.text).toContain('Q: サイドカーコンテナってどう定義するの?');
      expect(message.text).toContain('1. <https://example.com/ja/blog/sidecars/|サイドカーコンテナの定義と使いどころ> (2024-05-01)');
    });

    it('offers Share in channel only in an ephemeral answer, More results only when there is more', () => {
      const ephemeral = buttons(buildAnswerMessage(buildAnswer({ hasMore: true }), { ephemeral: true, lang: 'en' })).map((b) => b.action_id);
      expect(ephemeral).toEqual([ACTION.moreResults, ACTION.share, ACTION.feedbackUp, ACTION.feedbackDown]);
      const shared = buttons(buildAnswerMessage(buildAnswer(), { ephemeral: false, lang: 'en' })).map((b) => b.action_id);
      expect(shared).toEqual([ACTION.feedbackUp, ACTION.feedbackDown]);
    });

    it('stores the question and the next offset in More results, the shown articles in feedback', () => {
      const answer = buildAnswer({ offset: 3, hasMore: true, results: [buildResult({ articleId: 'a' }), buildResult({ articleId: 'b' })] });
      const [more, , up] = buttons(buildAnswerMessage(answer, { ephemeral: true, lang: 'en' }));
      expect(decodeAnswerRef(more.value)).toEqual({ q: answer.query, o: 5, l: 'en' });
      expect(decodeAnswerRef(up.value)).toEqual({ q: answer.query, o: 3, a: ['a', 'b'], l: 'en' });
    });

    it('numbers results from the page offset', () => {
      const message = buildAnswerMessage(buildAnswer({ offset: 3 }), { ephemeral: false, lang: 'en' });
      expect((message.blocks[1] as any).text.text).toContain('|4. ');
    });

    it('names who shared a public answer', () => {
      const message = buildAnswerMessage(buildAnswer(), { ephemeral: false, sharedBy: 'U0SHARER', lang: 'en' });
      expect(texts(message).join('\n')).toContain('Shared by <@U0SHARER>');
    });

    it('keeps 20 results within 50 blocks and offers the rest as More results', () => {
      const results = Array.from({ length: 20 }, (_, i) => buildResult({ articleId: `a${i}` }));
      const message = buildAnswerMessage(buildAnswer({ results }), { ephemeral: true, lang: 'en' });
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(findLimitProblems(message)).toEqual([]);
      const more = buttons(message).find((b) => b.action_id === ACTION.moreResults);
      expect(decodeAnswerRef(more.value)!.o).toBe((message.blocks as any[]).filter((b) => b.type === 'section').length);
    });

    it('trims a long passage at a sentence boundary', () => {
      const sentence = 'サイドカーコンテナは便利です。';
      const result = buildResult({ excerpt: [{ text: sentence.repeat(400), match: false }] });
      const section = (buildAnswerMessage(buildAnswer({ results: [result] }), { ephemeral: false, lang: 'en' }).blocks[1] as any).text.text as string;
      expect(section.length).toBeLessThanOrEqual(3000);
      expect(section).toMatch(/。…$/);
    });

    it('escapes article text and the echoed question so nothing pings or links', () => {
      const result = buildResult({ title: '<!channel> & <https://evil.example|click>', section: '<@U123>', excerpt: [{ text: '<!here> *bold* & more', match: true }] });
      const message = buildAnswerMessage(buildAnswer({ query: '<!everyone> <#C1|x>', results: [result] }), { ephemeral: true, lang: 'en' });
      const all = texts(message).join('\n');
      expect(all).not.toMatch(/<!|<@U123|<#C1|<https:\/\/evil/);
      // The URL is broken by an invisible word joiner, so even plain-text parsing leaves it inert.
      expect(all).toContain('&lt;!channel&gt; &amp; &lt;https:\u2060//evil.example∣click&gt;');
      expect(all).toContain('&lt;!everyone&gt;');
      // Asterisks inside the bolded excerpt cannot end the bold early.
      expect(all).toContain('*&lt;!here&gt; ∗bold∗ &amp; more*');
    });

    it('does not link a URL that is not http(s)', () => {
      const message = buildAnswerMessage(buildAnswer({ results: [buildResult({ url: 'javascript:alert(1)' })] }), { ephemeral: false, lang: 'en' });
      expect(texts(message).join('\n')).not.toContain('javascript:');
    });
  });

  describe('not answered', () => {
    it('says so kindly, lists the closest articles and the channel to ask in', () => {
      const answer = buildAnswer({
        results: [],
        answered: false,
        suggestions: [{ articleId: 'x', title: 'dockershim削除に関するFAQ', url: 'https://example.com/faq', date: '2022-02-17' }],
      });
      const all = texts(buildAnswerMessage(answer, { ephemeral: true, lang: 'en' })).join('\n');
      expect(all).toContain(messages('en').noConfidence(undefined));
      expect(all).toContain('<https://example.com/faq|dockershim削除に関するFAQ>');
      expect(all).toContain('<https://kubernetes.slack.com/messages/sig-node|#sig-node>');
      expect(buttons(buildAnswerMessage(answer, { ephemeral: true, lang: 'en' }))).toEqual([]);
    });

    it('says there is nothing more for a page past the end', () => {
      const message = buildAnswerMessage(buildAnswer({ results: [], answered: true, offset: 9 }), { ephemeral: true, lang: 'en' });
      expect(texts(message).join('\n')).toContain('no more results');
      expect(buttons(message)).toEqual([]);
    });

    it('asks for a question when the question is empty', () => {
      const all = texts(buildAnswerMessage(buildAnswer({ query: '', results: [], answered: false, notices: [{ kind: 'empty' }] }), { ephemeral: false, lang: 'en' })).join('\n');
      expect(all).toContain('Ask me a question about Kubernetes');
    });
  });

  describe('renderExcerpt', () => {
    it('moves whitespace outside the bold markers', () => {
      expect(renderExcerpt([{ text: 'a ', match: false }, { text: ' Pod ', match: true }], 100)).toBe('a  \u200B*Pod*\u200B ');
    });

    it('never exceeds its budget, even with escaping', () => {
      const out = renderExcerpt([{ text: '&'.repeat(100), match: false }, { text: '<'.repeat(100), match: true }], 50);
      expect(out.length).toBeLessThanOrEqual(50);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
    });
  });
});
