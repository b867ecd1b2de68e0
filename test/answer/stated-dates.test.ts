import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { findUnheldDates, statedDates } from '../../src/answer/stated-dates.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

describe('statedDates', () => {
  it('reads a month of a year, with or without its day, as Japanese, English and ISO write it', () => {
    expect(statedDates('最初のコミットって2015年6月6日ですよね')).toEqual([{ text: '2015年6月6日', year: 2015, month: 6, day: 6 }]);
    expect(statedDates('running CRI-O since June 2019')).toEqual([{ text: 'June 2019', year: 2019, month: 6 }]);
    expect(statedDates('pushed on June 6, 2014 to GitHub')).toEqual([{ text: 'June 6, 2014', year: 2014, month: 6, day: 6 }]);
    expect(statedDates('released 2014-06-06')).toEqual([{ text: '2014-06-06', year: 2014, month: 6, day: 6 }]);
  });

  it('takes no bare year, version or month alone for a date', () => {
    expect(statedDates('2019年からcontainerdを使っている')).toEqual([]);
    expect(statedDates('Kubernetes 1.30 で6月に')).toEqual([]);
    expect(statedDates('may 2 pods run')).toEqual([]);
  });
});

describe('findUnheldDates', () => {
  const pages = ['10年前の2014年6月6日、kubernetesの最初のコミットがgithubにプッシュされました。'];

  it('lists a stated date no page holds, and keeps one held in another form', () => {
    expect(findUnheldDates('最初のコミットって2015年6月6日ですよね？', () => pages)).toEqual(['2015年6月6日']);
    expect(findUnheldDates('最初のコミットって2014年6月6日ですよね？', () => pages)).toEqual([]);
    expect(findUnheldDates('The first commit landed on June 6, 2014. Who pushed it?', () => pages)).toEqual([]);
    expect(findUnheldDates('What happened in June 2014?', () => pages)).toEqual([]);
    expect(findUnheldDates('最初のコミットって2014年6月7日ですよね？', () => pages)).toEqual(['2014年6月7日']);
  });

  it('reads no page when the question states no date', () => {
    expect(findUnheldDates('最初のコミットはいつ？', () => { throw new Error('read'); })).toEqual([]);
  });
});

describe('in answer()', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher(fileURLToPath(new URL('../fixtures/pairing-corpus', import.meta.url)));
  });

  it('refuses a question whose premise dates an event otherwise than the articles, and answers it with their date', () => {
    const wrong = answer(searcher, 'OpenShift 4.x が 2018年6月から使ってる CRI-O って、どんなランタイムなの？');
    expect(wrong).toMatchObject({ answered: false, confidence: 'none' });
    expect(wrong.notices).toContainEqual({ kind: 'unheldValues', values: ['2018年6月'] });
    expect(answer(searcher, 'OpenShift 4.x が 2019年6月から使ってる CRI-O って、どんなランタイムなの？')).toMatchObject({ answered: true });
  });
});
