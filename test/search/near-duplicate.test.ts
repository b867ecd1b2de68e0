import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNearDuplicate } from '../../src/search/near-duplicate.js';
import { normalizeText } from '../../src/text/normalize.js';

/** The definition: Jaccard similarity of the normalised texts' character-trigram sets. */
function jaccardOfTrigrams(a: string, b: string): number {
  const grams = (text: string): Set<string> => {
    const s = normalizeText(text).replace(/\s+/g, '');
    const out = new Set<string>();
    for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
    return out;
  };
  const [sa, sb] = [grams(a), grams(b)];
  const shared = [...sa].filter((g) => sb.has(g)).length;
  return shared / (sa.size + sb.size - shared || 1);
}

describe('isNearDuplicate', () => {
  const base = 'サイドカーコンテナは、メインのコンテナと同じPodで動く補助のコンテナです。ログの転送やプロキシに使われます。';

  it('takes a passage scraped twice with a word changed for the same one, and a different passage for another', () => {
    expect(isNearDuplicate(base, base.replace('転送', '収集'))).toBe(true);
    expect(isNearDuplicate(base, 'initコンテナは、アプリのコンテナより先に動いて、準備を済ませてから終わるコンテナです。設定の生成に使われます。')).toBe(false);
  });

  it('agrees with the trigram Jaccard definition on any texts (trigrams of Japanese, Latin and surrogate pairs alike)', () => {
    const text = fc.array(fc.constantFrom('コンテナ', 'Pod', 'の', 'を', '動く', 'サイドカー', ' ', '。', 'ab', '𠮷', 'kubelet', 'ログ'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.constantFrom(0.5, 0.8), (a, b, threshold) => {
        const expected = a === b || (Math.min(a.length, b.length) / Math.max(a.length, b.length, 1) >= threshold && jaccardOfTrigrams(a, b) >= threshold);
        expect(isNearDuplicate(a, b, threshold)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
