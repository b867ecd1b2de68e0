import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/corpus/article.js';
import { liftAnswerTypes } from '../../src/search/answer-type.js';
import { analyseQuery } from '../../src/search/query.js';
import type { RankedPassage } from '../../src/search/rank.js';

const article = { title: 'ブッククラブの紹介' } as ArticleMeta;
const ranked = (text: string, score: number, coverage = 0.6): RankedPassage => ({ passage: { article: 0, sectionPath: [], text }, article, score, coverage, matchedTerms: [], articleCoverage: coverage });

describe('liftAnswerTypes', () => {
  const order = (question: string, passages: RankedPassage[]): string[] => {
    const query = analyseQuery(question);
    const weights = new Map(query.terms.map((t) => [t.term, 1]));
    return liftAnswerTypes(passages, question, query, weights).map((r) => r.passage.text);
  };
  const words = 'ブッククラブは毎週集まって本を読みます。';
  const dated = 'ブッククラブは2021年3月5日に始まりました。';
  const named = 'ブッククラブを始めたのはCarlos Santanaさんです。';

  it('lifts a passage holding a date or a person beside the question’s words above one sharing the words only', () => {
    expect(order('ブッククラブっていつ始まったの？', [ranked(words, 1), ranked(dated, 0.7)])).toEqual([dated, words]);
    expect(order('ブッククラブって誰が始めたの？', [ranked(words, 1), ranked(named, 0.7)])).toEqual([named, words]);
  });

  it('leaves the order of a question asking for no such thing, and of passages far apart in score', () => {
    expect(order('ブッククラブの始まりのきっかけは？', [ranked(words, 1), ranked(dated, 0.7)])).toEqual([words, dated]);
    expect(order('ブッククラブっていつ始まったの？', [ranked(words, 1), ranked(dated, 0.3)])).toEqual([words, dated]);
  });

  it('never lifts a passage covering too little of the question to be answered from', () => {
    expect(order('ブッククラブっていつ始まったの？', [ranked(words, 1), ranked(dated, 0.7, 0.2)])).toEqual([words, dated]);
  });

  it('asked how many of a counter, lifts only a passage counting in it', () => {
    const years = 'ブッククラブは1年以上続き、本を読んできました。';
    const members = 'ブッククラブには約150人の参加者が本を読んでいます。';
    // Any number would lift both alike; 何人 asks for people.
    expect(order('ブッククラブって何人くらい本を読んでる？', [ranked(years, 1), ranked(members, 0.7)])).toEqual([members, years]);
    expect(order('ブッククラブって何人くらい本を読んでる？', [ranked(members, 1), ranked(years, 0.7)])).toEqual([members, years]);
    expect(order('ブッククラブって何名くらい本を読んでる？', [ranked(years, 1), ranked(members, 0.7)])).toEqual([members, years]);
  });

  it('asked how much, lifts only a passage whose number stands beside the question’s words', () => {
    const aside = 'ブッククラブは本を読みます。私自身はこのコミュニティに参加してから1年以上になります。';
    const counted = 'ブッククラブは約300ページの本を読みました。';
    expect(order('ブッククラブの本ってどれくらいの量？', [ranked(aside, 1), ranked(counted, 0.7)])).toEqual([counted, aside]);
  });

  it('asked what a thing is, lifts the passage with the thing as a sentence’s subject', () => {
    const mention = 'この記事では、ブッククラブやミートアップなどの集まりと、その始まりを紹介します。';
    const defines = 'ブッククラブは、Kubernetesの本を毎週一緒に読む集まりです。';
    expect(order('ブッククラブって何？', [ranked(mention, 1), ranked(defines, 0.7)])).toEqual([defines, mention]);
    expect(order('ブッククラブの始まりのきっかけは？', [ranked(mention, 1), ranked(defines, 0.7)])).toEqual([mention, defines]);
  });
});
