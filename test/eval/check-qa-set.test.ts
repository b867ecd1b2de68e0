/**
 * The question sets' evidence must stay checkable: a corpus edit or a mis-copied string would
 * silently turn a question into one no ranking can answer.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { checkQaSet, type CorpusArticleText } from '../../src/eval/check-qa-set.js';
import { parseQaSet, type QaItem } from '../../src/eval/metrics.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function corpusArticles(): Promise<CorpusArticleText[]> {
  const dir = join(ROOT, 'corpus');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (f) => { const text = await readFile(f, 'utf8'); return { title: String(matter(text, {}).data.title), text }; }));
}

describe('question sets in qa/', () => {
  it.each(['holdout.jsonl', 'blind.jsonl'])('%s: every evidence string is in the corpus and in its article', async (name) => {
    const file = join(ROOT, 'qa', name);
    expect(checkQaSet(parseQaSet(await readFile(file, 'utf8'), file), await corpusArticles())).toEqual([]);
  });
});

describe('checkQaSet', () => {
  const articles = [
    { title: 'A', text: '---\ntitle: "A"\n---\nseccompプロファイルを適用する方法\n別の行' },
    { title: 'B', text: '---\ntitle: "B"\n---\nチェックポイントはkubeletレベルでのみ公開' },
  ];
  const item = (over: Partial<QaItem>): QaItem => ({ id: 'x1', q: 'q', lang: 'ja', title: 'A', evidence: ['seccompプロファイル'], kind: 'howto', ...over });

  it('accepts evidence copied from its article, with alternatives from another article', () => {
    expect(checkQaSet([item({ evidence: ['seccompプロファイル', 'kubeletレベルでのみ公開'] })], articles)).toEqual([]);
  });

  it('names a string that is not verbatim in the corpus, or that spans two lines', () => {
    expect(checkQaSet([item({ evidence: ['seccompプロファイルを適用します'] })], articles).join('\n')).toMatch(/x1: evidence "seccompプロファイルを適用します" does not occur/);
    expect(checkQaSet([item({ evidence: ['する方法\n別の行'] })], articles).join('\n')).toMatch(/does not occur within one line/);
  });

  it('requires one string from the named article itself', () => {
    expect(checkQaSet([item({ evidence: ['kubeletレベルでのみ公開'] })], articles)).toEqual(['x1: no evidence string occurs within one line of "A"']);
  });

  it('flags unknown titles, bad lengths, duplicate ids and inconsistent unanswerable items', () => {
    const problems = checkQaSet(
      [
        item({ title: 'Z' }),
        item({ id: 'x2', evidence: ['seccomp'] }),
        item({ id: 'x2' }),
        item({ id: 'n1', title: null, evidence: ['seccompプロファイル'], kind: 'fact' }),
      ],
      articles,
    ).join('\n');
    expect(problems).toMatch(/x1: title "Z" names no corpus article/);
    expect(problems).toMatch(/x2: evidence "seccomp" is 7 characters/);
    expect(problems).toMatch(/x2: duplicate id/);
    expect(problems).toMatch(/n1: unanswerable \(title null\) but has evidence/);
    expect(problems).toMatch(/n1: unanswerable \(title null\) but kind is not "none"/);
  });
});
