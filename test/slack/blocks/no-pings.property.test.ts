/**
 * Property: whatever the question, titles and article text hold, nothing in a rendered message
 * can ping or link except our own explicit links — every mrkdwn text object is `verbatim`, and
 * once our `<url|label>` links are read as their labels, no `<`, `>`, `@here`/`@channel`/
 * `@everyone` or `scheme://`/`www.` is left for Slack to parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerResult } from '../../../src/answer/types.js';
import { buildAnswerMessage } from '../../../src/slack/blocks/answer-blocks.js';
import { buildLatestMessage } from '../../../src/slack/blocks/help-blocks.js';
import type { SlackMessage } from '../../../src/slack/blocks/message.js';
import { buildAnswer, buildResult } from './build-answer.js';

const hostile = fc.constantFrom('@here', '@channel', '@everyone', '@HERE', '<!here>', '<!channel>', '<!subteam^S1>', '<@U123>', '<#C1|general>', 'https://evil.example/x', 'http://evil.example', 'www.evil.example', 'javascript://x', '<https://evil.example|click>', '&lt;!here&gt;', ' ', '。', '\n', '*', 'サイドカー');
const text = fc.array(fc.oneof(hostile, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(''));

const result: fc.Arbitrary<AnswerResult> = fc.record({ title: text, section: text, text, excerpt: fc.array(fc.record({ text, match: fc.boolean() }), { maxLength: 5 }) }).map((f) => buildResult(f));
const answer: fc.Arbitrary<Answer> = fc
  .record({ query: text, results: fc.array(result, { maxLength: 4 }), notices: fc.array(text, { maxLength: 2 }), answered: fc.boolean(), suggestions: fc.array(fc.record({ articleId: fc.constant('a'), title: text, url: fc.constant('https://example.com/a'), date: text }), { maxLength: 3 }) })
  .map((f) => buildAnswer(f));

/** Every string Slack would parse as mrkdwn (fallback text included), and each mrkdwn object. */
function mrkdwnTexts(message: SlackMessage): { texts: string[]; objects: Array<Record<string, unknown>> } {
  const texts = [message.text];
  const objects: Array<Record<string, unknown>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') {
      objects.push(o);
      texts.push(o.text);
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(message.blocks);
  return { texts, objects };
}

function expectInert(message: SlackMessage): void {
  const { texts, objects } = mrkdwnTexts(message);
  for (const o of objects) expect(o.verbatim).toBe(true);
  for (const t of texts) {
    const labels = t.replace(/<(https:\/\/(?:example\.com|kubernetes\.slack\.com)\/[^|<>\s]*)\|([^<>]*)>/g, '$2');
    expect(labels).not.toMatch(/[<>]/);
    expect(labels).not.toMatch(/@(here|channel|everyone)\b/i);
    expect(labels).not.toMatch(/[a-z]:\/\//i);
    expect(labels).not.toMatch(/\bwww\./i);
  }
}

describe('rendered messages', () => {
  it('keep untrusted text inert in every answer', () => {
    fc.assert(fc.property(answer, fc.boolean(), (a, ephemeral) => expectInert(buildAnswerMessage(a, { ephemeral }))), { numRuns: 300 });
  });

  it('keep untrusted text inert in the newest-articles list', () => {
    const article = fc.record({ title: text, lead: text }).map((f) => ({ id: 'a', title: f.title, lead: f.lead, date: '2024-01-01', url: 'https://example.com/a', authors: [], translators: [], sigs: [], channels: [], lang: 'ja' }));
    fc.assert(fc.property(fc.array(article, { minLength: 1, maxLength: 5 }), (articles) => expectInert(buildLatestMessage(articles as never))), { numRuns: 200 });
  });
});
