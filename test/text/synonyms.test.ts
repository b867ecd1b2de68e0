import { describe, expect, it } from 'vitest';
import { defaultSynonyms, Synonyms } from '../../src/text/synonyms.js';
import { formatSynonymGroups, parseSynonymGroups } from '../../src/text/synonyms-format.js';

describe('text/synonyms', () => {
  it('reads the shipped SudachiDict groups: やり方 also means 方法', () => {
    const synonyms = defaultSynonyms();
    expect(synonyms.size).toBeGreaterThan(20_000);
    expect(synonyms.of('やり方')).toContain('方法');
  });

  it('folds case, width and prolonged marks as the analyser does', () => {
    const synonyms = new Synonyms(parseSynonymGroups('ワークフロー\tworkflow\n'));
    expect(synonyms.of('ワークフロ')).toEqual(['workflow']);
    expect(synonyms.of('Workflows')).toEqual(['ワークフロー']);
  });

  it('lets a non-trigger form be reached without expanding from it', () => {
    const synonyms = new Synonyms(parseSynonymGroups('事由\t*理由\n'));
    expect(synonyms.of('事由')).toEqual(['理由']);
    expect(synonyms.of('理由')).toEqual([]);
  });

  it('drops forms the dictionary marks as never to expand, and mistaken spellings', () => {
    const text = formatSynonymGroups(
      [{ id: '1', items: [
        { expandControl: 0, gokeiSyubetsu: '代表語', midashi: '削除' },
        { expandControl: 2, gokeiSyubetsu: '代表語', midashi: '消去' },
        { expandControl: 0, gokeiSyubetsu: '間違い', midashi: '削徐' },
        { expandControl: 1, gokeiSyubetsu: '代表語', midashi: '消す' },
      ] }],
      'test',
    );
    expect(parseSynonymGroups(text)).toEqual([[{ form: '削除', triggers: true }, { form: '消す', triggers: false }]]);
  });
});
