import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { findUnheldRoles, selectStatedRoles } from '../../src/answer/stated-roles.js';
import { messages } from '../../src/i18n/messages.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

const CORPUS = fileURLToPath(new URL('../fixtures/affiliation-corpus', import.meta.url));

describe('selectStatedRoles', () => {
  it('reads a role the question says a person holds, with its owner', () => {
    expect(selectStatedRoles('SIG Releaseの議長をしているVerónica Lópezさんって、いつから？')).toEqual([{ person: 'Verónica López', role: '議長', family: 'chair', owner: 'SIG Release' }]);
    expect(selectStatedRoles('pacoxu さんが SIG Node の chair に就任したのっていつ？')).toEqual([{ person: 'pacoxu', role: 'chair', family: 'chair', owner: 'SIG Node' }]);
  });

  it('reads none where the question asks who holds a role, or names a role without a holder', () => {
    expect(selectStatedRoles('SIG Releaseの議長って誰？')).toEqual([]);
    expect(selectStatedRoles('チェアになるにはどうすればいい？')).toEqual([]);
  });
});

describe('findUnheldRoles', () => {
  const pages = () => ['私はVerónica Lópezです。SIG Releaseのテクニカルリードを務めています。', 'Sergey KanzhelevはSIG Nodeのチェアです。', 'Kelsey Hightowerがガイドを書きました。'];

  it('lists a stated role the pages never give the person, or give only of another owner', () => {
    expect(findUnheldRoles('SIG Releaseの議長をしているVerónica Lópezさんは何をしてる？', pages)).toEqual([{ person: 'Verónica López', role: '議長', family: 'chair', owner: 'SIG Release' }]);
    expect(findUnheldRoles('SIG Networkのチェアを務めているSergey Kanzhelevさんは？', pages).map((r) => r.owner)).toEqual(['SIG Network']);
  });

  it('keeps a role the pages give, and a person they give no title', () => {
    expect(findUnheldRoles('SIG Releaseのテックリードを務めているVerónica Lópezさんは？', pages)).toEqual([]);
    expect(findUnheldRoles('SIG Nodeのチェアを務めているSergey Kanzhelevさんは？', pages)).toEqual([]);
    expect(findUnheldRoles('SIG Nodeのチェアを務めているKelsey Hightowerさんは？', pages)).toEqual([]);
  });
});

describe('in answer()', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher(CORPUS);
  });

  it('refuses a question saying a person holds a title the articles give them no such, and says so', () => {
    const a = answer(searcher, 'SIG Cloud Providerのテックリードを務めているMichael McCuneさんは何を保守していますか？');
    expect(a).toMatchObject({ answered: false, confidence: 'none', results: [] });
    expect(a.notices).toContainEqual({ kind: 'unheldRoles', roles: [{ person: 'Michael McCune', role: 'テックリード', family: 'lead', owner: 'SIG Cloud Provider' }] });
    expect(messages('ja').notice(a.notices.find((n) => n.kind === 'unheldRoles')!)).toBe('記事では Michael McCune さんは SIG Cloud Provider のテックリードとしては紹介されていません。質問の前提が記事の内容と違うかもしれません。');
  });

  it('answers it with the title the articles give', () => {
    expect(answer(searcher, 'SIG Cloud Providerの共同チェアを務めているMichael McCuneさんは何を保守していますか？')).toMatchObject({ answered: true });
  });
});
