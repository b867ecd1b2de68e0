import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { cleanQuestion, MAX_QUESTION_CHARS } from '../../src/answer/clean-question.js';
import { buildExcerpt, excerptText } from '../../src/answer/excerpt.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

let searcher: Searcher;
beforeAll(async () => {
  searcher = await buildFixtureSearcher();
});

describe('answer', () => {
  it('answers with citations: title, url, section, date, text and a marked excerpt', () => {
    const a = answer(searcher, 'サイドカーの再起動ポリシーは何に設定する？');
    expect(a.answered).toBe(true);
    const [first] = a.results;
    expect(first).toMatchObject({ title: 'サイドカーコンテナの紹介', url: 'https://example.com/blog/sidecars/', section: '定義のしかた', date: '2024-05-01' });
    expect(first?.text).toContain('再起動ポリシーをAlwaysに設定');
    expect(first?.excerpt.some((s) => s.match && s.text.includes('再起動'))).toBe(true);
    expect(excerptText(first!.excerpt).length).toBeLessThanOrEqual(320);
  });

  it('names the community channel of the topic', () => {
    expect(answer(searcher, 'PDBで不健全なPodを退避したい').channel?.name).toBe('sig-apps');
  });

  it('abstains on a question the corpus cannot answer, suggesting articles and a channel', () => {
    const a = answer(searcher, 'Ingress-NGINXでURLを書き換えるannotationは？');
    expect(a.answered).toBe(false);
    expect(a.results).toEqual([]);
    expect(a.channel?.name).toBeTruthy();
  });

  it('pages through results with offset', () => {
    const first = answer(searcher, 'コンテナ', { k: 1 });
    const second = answer(searcher, 'コンテナ', { k: 1, offset: 1 });
    expect(first.hasMore).toBe(true);
    expect(second.offset).toBe(1);
    expect(second.results[0]?.text).not.toBe(first.results[0]?.text);
  });

  it('says the question is empty instead of searching', () => {
    const a = answer(searcher, '   ');
    expect(a.answered).toBe(false);
    expect(a.notices).toContainEqual({ kind: 'empty' });
  });

  it('handles emoji-only and control-character input without throwing', () => {
    expect(answer(searcher, '🤗🤗🤗').answered).toBe(false);
    expect(answer(searcher, 'サイド\u0000カー\u0007').query).toBe('サイドカー');
  });

  it('truncates a huge question with a notice', () => {
    const a = answer(searcher, 'サイドカー'.repeat(5000));
    expect([...a.query].length).toBe(MAX_QUESTION_CHARS);
    expect(a.notices[0]).toMatchObject({ kind: 'truncated', max: 500 });
  });
});

describe('cleanQuestion', () => {
  it('removes lone surrogates and control characters, collapses whitespace', () => {
    expect(cleanQuestion('a\ud800b \t\n c\u200b').text).toBe('ab c');
  });
});

describe('buildExcerpt', () => {
  const span = (text: string, word: string, from = 0) => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length, term: word, weight: 1 };
  };

  it('marks the matched terms in the best sentence', () => {
    const text = '関係のない文です。seccompプロファイルを適用します。別の文です。';
    const excerpt = buildExcerpt(text, [span(text, 'seccomp')], { maxChars: 30 });
    expect(excerpt.find((s) => s.match)?.text).toBe('seccomp');
    expect(excerptText(excerpt)).toContain('seccompプロファイルを適用します。');
  });

  it('prefers the explaining prose to a matching code line in a Japanese passage', () => {
    const text = 'INFO seccomp profile applied id=1\nseccompプロファイルはアノテーションで指定します。';
    const excerpt = buildExcerpt(text, [span(text, 'seccomp'), span(text, 'seccomp', 10)], { maxChars: 40 });
    expect(excerptText(excerpt)).toMatch(/^…?seccompプロファイルは/);
  });
});
