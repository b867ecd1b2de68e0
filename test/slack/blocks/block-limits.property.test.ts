/**
 * Property tests: answers of any size and content (huge texts, many results, markup, lone
 * surrogates) always give messages within Block Kit limits, with no unescaped `<`, `>` or `&`
 * coming from content.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerResult, Notice } from '../../../src/answer/types.js';
import type { ArticleMeta } from '../../../src/corpus/article.js';
import { buildAnswerMessage } from '../../../src/slack/blocks/answer-blocks.js';
import { decodeAnswerRef } from '../../../src/slack/blocks/button-value.js';
import { buildLatestMessage } from '../../../src/slack/blocks/help-blocks.js';
import { findLimitProblems } from '../../../src/slack/blocks/limits.js';
import type { SlackMessage } from '../../../src/slack/blocks/message.js';

const tricky = fc.constantFrom('<', '>', '&', '*', '_', '~', '`', '|', '\n', ' ', '。', '. ', '<!channel>', '<@U123>', '<#C1|general>', '&amp;', '&lt;', '\u200B', '\ud800', '\udc00', '😀', 'サイドカー');
const piece = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }));
const text = (maxPieces: number) => fc.array(piece, { maxLength: maxPieces }).map((p) => p.join(''));
/** Sometimes short, sometimes enormous. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: text(20) },
  { weight: 1, arbitrary: text(20).map((s) => s.repeat(300)) },
  { weight: 1, arbitrary: fc.constant('サイドカーコンテナは便利です。'.repeat(500)) },
);
const url = fc.oneof(fc.webUrl(), anyText, fc.constant(`https://example.com/${'a&b<c>'.repeat(500)}`));
/** Code as passages carry it: many lines, long lines, fences and markup inside. */
const codeLine = fc.oneof(text(8), fc.constant('```'), fc.constant('  - name: sidecar <x> & *y*'), fc.constant('x'.repeat(4000)), fc.constant('コンテナの設定です。'.repeat(50)));
const code = fc.array(codeLine, { minLength: 1, maxLength: 80 }).map((lines) => lines.join('\n'));
const notice: fc.Arbitrary<Notice> = fc.oneof(
  fc.record({ kind: fc.constant('truncated' as const), length: fc.nat(100_000), max: fc.nat(1000) }),
  fc.constant({ kind: 'empty' as const }),
  fc.constant({ kind: 'noSearchableWords' as const }),
  fc.record({ kind: fc.constant('unknownNames' as const), names: fc.array(anyText, { maxLength: 5 }) }),
);
const channel = fc.option(fc.record({ name: text(5), url, sigs: fc.constant<string[]>([]) }), { nil: null });

const result: fc.Arbitrary<AnswerResult> = fc.record({
  articleId: text(5),
  title: anyText,
  url,
  section: anyText,
  sectionPath: fc.constant<string[]>([]),
  date: anyText,
  text: anyText,
  excerpt: fc.array(fc.record({ text: anyText, match: fc.boolean() }), { maxLength: 12 }),
  code: fc.option(code, { nil: undefined }),
  score: fc.double(),
  sigs: fc.constant<string[]>([]),
  channel,
});

const answer: fc.Arbitrary<Answer> = fc.record({
  query: anyText,
  answered: fc.boolean(),
  confidence: fc.constantFrom('high' as const, 'low' as const, 'none' as const),
  results: fc.array(result, { maxLength: 25 }),
  offset: fc.nat(200),
  hasMore: fc.boolean(),
  suggestions: fc.array(fc.record({ articleId: text(3), title: anyText, url, date: anyText }), { maxLength: 12 }),
  channel,
  notices: fc.array(notice, { maxLength: 5 }),
  followUpOf: fc.option(anyText, { nil: undefined }),
}, { requiredKeys: ['query', 'answered', 'confidence', 'results', 'offset', 'hasMore', 'suggestions', 'channel', 'notices'] });
const lang = fc.constantFrom('ja' as const, 'en' as const);

/** Every mrkdwn string of a message (fallback text, sections, context elements). */
function mrkdwnTexts(message: SlackMessage): string[] {
  const out = [message.text];
  for (const block of message.blocks as any[]) {
    if (block.text?.type === 'mrkdwn') out.push(block.text.text);
    for (const e of block.elements ?? []) if (e.type === 'mrkdwn') out.push(e.text);
  }
  return out;
}

/** What is left after removing the markup we write ourselves: links and the sharer's mention. */
function contentOnly(mrkdwn: string): string {
  return mrkdwn.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '').replace(/<@U0SHARER>/g, '');
}

function expectSafe(message: SlackMessage): void {
  expect(findLimitProblems(message)).toEqual([]);
  for (const t of mrkdwnTexts(message)) {
    const content = contentOnly(t);
    expect(content).not.toMatch(/[<>]/);
    expect(content).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
}

describe('Block Kit builders (property-based)', () => {
  it('keep every limit and escape all content, for any answer', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), lang, (a, ephemeral, l) => {
        expectSafe(buildAnswerMessage(a, { ephemeral, sharedBy: ephemeral ? undefined : 'U0SHARER', lang: l }));
      }),
      { numRuns: 300 },
    );
  });

  it('store the question and offset in every button value within 2,000 characters', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const message = buildAnswerMessage({ ...a, answered: true, results: a.results.length ? a.results : [] }, { ephemeral: true });
        for (const block of message.blocks as any[]) {
          for (const e of block.elements ?? []) {
            if (e.type !== 'button') continue;
            const ref = decodeAnswerRef(e.value);
            expect(ref).toBeDefined();
            expect(ref!.o).toBeGreaterThanOrEqual(a.offset);
            expect(a.query.startsWith(ref!.q.slice(0, -1))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('show a code block as a ``` block cut at a line boundary, within limits, beside long Japanese text', () => {
    fc.assert(
      fc.property(code, lang, (c, l) => {
        const long = 'サイドカーコンテナは便利です。'.repeat(400);
        const message = buildAnswerMessage(
          { query: long, answered: true, confidence: 'high', results: [{ articleId: 'a', title: long, url: 'https://e.com/', section: long, sectionPath: [long], date: '2024-01-01', text: `${long}\n${c}`, excerpt: [{ text: long, match: false }], code: c, score: 1, sigs: [], channel: null }], offset: 0, hasMore: false, suggestions: [], channel: null, notices: [] },
          { ephemeral: true, lang: l },
        );
        expectSafe(message);
        const section = (message.blocks[1] as any).text.text as string;
        const fenced = /```\n([\s\S]*?)\n```/.exec(section);
        if (!fenced) return; // not even one line fit after the excerpt
        const shown = fenced[1]!.split('\n');
        const original = c.replace(/\t/g, '  ').split('\n');
        // Whole lines in order (the last one may be cut with …), never a ``` that would end the block early.
        shown.slice(0, -1).forEach((line, i) => expect(line.replace(/\u200B/g, '')).toBe(original[i]!.replace(/\u200B/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
        expect(fenced[1]).not.toContain('```');
      }),
      { numRuns: 150 },
    );
  });

  it('keep every limit for any list of newest articles', () => {
    const article: fc.Arbitrary<ArticleMeta> = fc.record({
      id: text(3),
      title: anyText,
      date: anyText,
      url,
      authors: fc.constant<string[]>([]),
      translators: fc.constant<string[]>([]),
      sigs: fc.constant<string[]>([]),
      lang: fc.constant('ja'),
      channels: fc.constant<string[]>([]),
      lead: anyText,
    });
    fc.assert(
      fc.property(fc.array(article, { maxLength: 30 }), (articles) => expectSafe(buildLatestMessage(articles))),
      { numRuns: 200 },
    );
  });
});
