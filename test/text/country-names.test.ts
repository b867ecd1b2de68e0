import { describe, expect, it } from 'vitest';
import { countryNamePattern } from '../../src/text/country-names.js';

describe('countryNamePattern', () => {
  const found = (text: string): string[] => [...text.matchAll(countryNamePattern())].map((m) => m[0]);

  it('finds countries in Japanese and English, from the ICU region names', () => {
    expect(found('Ænixはフランスの会社で、ドイツにも拠点があります')).toEqual(['フランス', 'ドイツ']);
    expect(found('a company based in Germany and Japan')).toEqual(['Germany', 'Japan']);
    expect(found('Matthiasはフランス人です')).toEqual(['フランス']);
  });

  it('finds no language (日本語) and no country inside a longer word (Franceville, ニューフランス)', () => {
    expect(found('日本語の記事を読む')).toEqual([]);
    expect(found('Franceville and ニューフランス')).toEqual([]);
  });
});
