/**
 * Property tests: whatever the passage (interview turns, questions, colons before lists, long
 * lines, code blocks) and wherever the question's terms fall, the excerpt is one stretch of the
 * passage's prose, at most about maxChars long, never running into code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectExcerptRange } from '../../src/answer/excerpt.js';
import type { Span } from '../../src/search/spans.js';

const WORDS = ['サイドカー', 'Pod', 'seccomp', '再起動'];
const sentence = fc.oneof(
  fc.constantFrom('サイドカーは再起動されます。', 'Podを定義します:', 'seccompはどう使いますか?', '既定値は次のとおりです:', 'memory.available < 100MiB', 'これはPodの例です。', 'x'.repeat(400), 'Why restart Pod? '),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const line = fc.tuple(fc.constantFrom('', '', 'FSM: ', 'CS: ', 'Q: ', 'Note: '), fc.array(sentence, { minLength: 1, maxLength: 4 })).map(([label, s]) => label + s.join(' '));
const passage = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.option(fc.nat(11), { nil: undefined })).map(([lines, codeAt]) => {
  let text = lines.join('\n');
  let code: Array<[number, number]> = [];
  if (codeAt !== undefined && codeAt < lines.length) {
    const start = lines.slice(0, codeAt).join('\n').length + (codeAt > 0 ? 1 : 0);
    const block = 'apiVersion: v1\nkind: Pod';
    text = `${text.slice(0, start)}${block}\n${text.slice(start)}`;
    code = [[start, start + block.length]];
  }
  return { text, code };
});

function spansIn(text: string): Span[] {
  const out: Span[] = [];
  WORDS.forEach((w, k) => {
    for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) out.push({ start: at, end: at + w.length, term: w, weight: 1 + k });
  });
  return out.sort((a, b) => a.start - b.start);
}

describe('selectExcerptRange', () => {
  it('is one stretch of prose within maxChars that never overlaps code', () => {
    fc.assert(
      fc.property(passage, fc.integer({ min: 20, max: 300 }), fc.constantFrom('', 'サイドカーはどう再起動する?', 'Podの原因は何?'), ({ text, code }, maxChars, question) => {
        const range = selectExcerptRange(text, spansIn(text), { maxChars, code, question });
        if (!range) return;
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeLessThanOrEqual(text.length);
        expect(range.end - range.start).toBeLessThanOrEqual(maxChars);
        expect(range.end).toBeGreaterThan(range.start);
        for (const [s, e] of code) expect(range.end <= s || range.start >= e).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
