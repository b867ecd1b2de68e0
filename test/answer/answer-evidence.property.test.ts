/**
 * Property tests: whatever the passage (dates, names, counts and flags among Japanese and
 * English sentences, on one line or many), what the evidence finds sentence by sentence is what
 * the whole passage holds, and the share beside the question's words is a share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsEvidence, measureEvidence, type EvidenceSpan } from '../../src/search/asked-things.js';

const WORDS = ['リリース', 'Pod', 'チェア'];
const piece = fc.oneof(
  fc.constantFrom('1.30は2024年4月17日にリリースされました。', 'Sergey Kanzhelevと申します。', 'McCune氏がチェアです。', 'Podは3つあります。', '--fail-swap-on=falseを指定します。', 'It shipped on Aug 13. ', 'v1.31 で削除されます。', 'リリースは年3回です。', 'なにもありません。', 'ＦＵＬＬ２０２４年'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const passage = fc.array(fc.tuple(piece, fc.constantFrom('', ' ', '\n')), { minLength: 1, maxLength: 12 }).map((ps) => ps.map(([p, sep]) => p + sep).join(''));
const questionText = fc.constantFrom('いつリリース？', '1.31はいつリリース？', 'チェアは誰？', 'Podはいくつ？', 'どのフラグ？', 'who is the chair?');

function spansIn(text: string): EvidenceSpan[] {
  return WORDS.flatMap((term) => [...text.matchAll(new RegExp(term, 'g'))].map((m) => ({ start: m.index, end: m.index + term.length, term })));
}

describe('answer/answer-evidence (properties)', () => {
  it('finds a thing in some sentence exactly when the passage holds one, and scores a share between 0 and 1', () => {
    fc.assert(
      fc.property(passage, questionText, fc.constantFrom('time', 'person', 'number', 'flag') as fc.Arbitrary<'time' | 'person' | 'number' | 'flag'>, (text, q, kind) => {
        const question = { text: q, groupWeights: [1, 2, 0.5], groupOf: (t: string) => (WORDS.indexOf(t) >= 0 ? WORDS.indexOf(t) : undefined) };
        const [e] = measureEvidence([{ text, spans: spansIn(text) }], question, [kind]);
        expect(e!.held).toBe(holdsEvidence(text, kind, q));
        expect(e!.near).toBeGreaterThanOrEqual(0);
        expect(e!.near).toBeLessThanOrEqual(1);
        if (!e!.held) expect(e!.near).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
