import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAnswerRef, encodeAnswerRef } from '../../../src/slack/blocks/button-value.js';

describe('button-value', () => {
  it('round-trips a question, offset and article ids', () => {
    const ref = { q: 'サイドカー "quoted" \\ <x>', o: 3, a: ['a', 'b'] };
    expect(decodeAnswerRef(encodeAnswerRef(ref))).toEqual(ref);
  });

  it('trims a long question to fit 2,000 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 5000 }), fc.nat(1000), fc.array(fc.string({ maxLength: 100 }), { maxLength: 20 }), (q, o, a) => {
        const value = encodeAnswerRef({ q, o, a });
        expect(value.length).toBeLessThanOrEqual(2000);
        const ref = decodeAnswerRef(value)!;
        expect(ref.o).toBe(o);
        expect(q.startsWith(ref.q) || [...q].join('').startsWith(ref.q)).toBe(true);
      }),
    );
  });

  it.each([undefined, '', 'nope', '{"q":1,"o":0}', '{"q":"x","o":-1}', '{"q":"x","o":1.5}', 'null'])('rejects %j', (value) => {
    expect(decodeAnswerRef(value)).toBeUndefined();
  });
});
