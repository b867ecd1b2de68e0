import { describe, expect, it } from 'vitest';
import { findUnheldValues, statedValues } from '../../src/answer/stated-values.js';
import { selectConfidence } from '../../src/answer/confidence.js';

describe('statedValues', () => {
  it('reads the values a question states as the end or start of a change', () => {
    expect(statedValues('1.19でサポート期間が2年に延びたのはなぜ？').map((v) => v.value)).toEqual(['2年']);
    expect(statedValues('リリース頻度が年3回から年2回に減らされた理由').map((v) => v.value)).toEqual(['3回', '2回']);
    expect(statedValues('Why was the cadence cut from three to two releases a year?').map((v) => v.value)).toEqual(['2 releases']);
    expect(statedValues('サポートが十二か月になったのはいつ？').map((v) => v.value)).toEqual(['12か月']);
  });

  it('takes no date, no situation of the asker and no plain count for a premise', () => {
    expect(statedValues('2022年に古いPodにリクエストが流れ続けたバグ')).toEqual([]);
    expect(statedValues('リリースシャドウに応募して3回連続で落ちた')).toEqual([]);
    expect(statedValues('ディスク使用率が85%になると退避される？')).toEqual([]);
    expect(statedValues('レプリカを3つから5つに増やすには？')).toEqual([]);
    expect(statedValues('リリースは年に何回？')).toEqual([]);
  });
});

describe('findUnheldValues', () => {
  const passages = [{ text: '2021年4月から、リリースは年4回から年3回に減りました。', sectionPath: ['リリースサイクル'] }, { text: 'サポート期間は1年に延長されました。' }];

  it('lists a stated value no passage holds with its unit', () => {
    expect(findUnheldValues('年3回から年2回に減らされた理由は？', passages)).toEqual(['2回']);
    expect(findUnheldValues('サポート期間が2年に延びた理由は？', passages)).toEqual(['2年']);
    expect(findUnheldValues('Why was support extended to two years?', passages)).toEqual(['2 years']);
  });

  it('finds a value the passages hold, in digits, kanji or an English question, and a number inside a longer one is not it', () => {
    expect(findUnheldValues('年4回から年3回になったのはいつ？', passages)).toEqual([]);
    expect(findUnheldValues('リリースが三回になったのはいつから？', passages)).toEqual([]);
    expect(findUnheldValues('When did it go from four to three releases a year?', passages)).toEqual([]);
    expect(findUnheldValues('サポートが1年に延びたのはいつ？', passages)).toEqual([]);
    // 2021年 holds no 1年.
    expect(findUnheldValues('サポートが1年に延びたのはいつ？', [passages[0]!])).toEqual(['1年']);
  });

  it('makes the answer none', () => {
    expect(selectConfidence({ topCoverage: 0.9, corpusCoverage: 1, unknownEntities: [], unheldValues: ['2年'] })).toBe('none');
  });
});

describe('a stated value through answer()', () => {
  it('refuses, saying which value no article states, and answers the question stating the corpus value', async () => {
    const { buildFixtureSearcher } = await import('../support/build-fixture.js');
    const { answer } = await import('../../src/answer/answer.js');
    const searcher = await buildFixtureSearcher();
    const wrong = answer(searcher, 'リリースが年2回になったのはなぜ？');
    expect(wrong).toMatchObject({ answered: false, confidence: 'none' });
    expect(wrong.notices).toContainEqual({ kind: 'unheldValues', values: ['2回'] });
    expect(wrong.suggestions[0]?.title).toBe('SIG Releaseの紹介');
    const right = answer(searcher, 'リリースが年3回になったのはなぜ？');
    expect(right.answered).toBe(true);
    expect(right.results[0]?.title).toBe('SIG Releaseの紹介');
  });
});
