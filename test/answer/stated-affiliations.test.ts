import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { findUnheldAffiliations } from '../../src/answer/stated-affiliations.js';
import { messages } from '../../src/i18n/messages.js';
import type { Searcher } from '../../src/search/searcher.js';
import { normalizeFolded } from '../../src/text/normalize.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

const CORPUS = fileURLToPath(new URL('../fixtures/affiliation-corpus', import.meta.url));

describe('findUnheldAffiliations', () => {
  const pages = ['インタビューしたのはMichael McCune(Red Hat)です。', 'AWSのCarlos Santanaさんがブッククラブを始めました。', 'Kelsey Hightowerがガイドを書きました。'].map(normalizeFolded);

  it('lists a firm the question pairs with a person whom the pages give another firm', () => {
    expect(findUnheldAffiliations('Michael McCune from Google co-chairs SIG Cloud Provider. Which team is he on?', pages)).toEqual([{ person: 'Michael McCune', firm: 'Google' }]);
    expect(findUnheldAffiliations('Carlos SantanaさんがMicrosoftでどんな仕事をしていたとき？', pages)).toEqual([{ person: 'Carlos Santana', firm: 'Microsoft' }]);
    expect(findUnheldAffiliations('Carlos Santana さんって Google の人だよね？', pages)).toEqual([{ person: 'Carlos Santana', firm: 'Google' }]);
  });

  it('lists a maker the question gives a product whom the pages give another maker, and keeps the one they give', () => {
    const made = ['Gardener という SAP が開発しているマネージドな Kubernetes as a Service です。', 'Kamaji is developed by Clastix.'].map(normalizeFolded);
    expect(findUnheldAffiliations("Gardener is Red Hat's managed service, right? How does it work?", made)).toEqual([{ person: 'Gardener', firm: 'Red Hat', product: true }]);
    expect(findUnheldAffiliations('Kamajiって Google が作ったの？', made)).toEqual([{ person: 'Kamaji', firm: 'Google', product: true }]);
    expect(findUnheldAffiliations("SAP's Gardener はどう動くの？", made)).toEqual([]);
    expect(findUnheldAffiliations('Kamaji, developed by Clastix, runs control planes as pods: how?', made)).toEqual([]);
    // A product the pages give no maker is left alone.
    expect(findUnheldAffiliations("Cozystack is Google's tool, right?", made)).toEqual([]);
  });

  it('keeps a firm the pages give, a person they give none, and a question pairing nobody with a firm', () => {
    expect(findUnheldAffiliations('AWSのCarlos Santanaさんが始めたブッククラブって何？', pages)).toEqual([]);
    expect(findUnheldAffiliations('Michael McCune from Red Hat は何を担当？', pages)).toEqual([]);
    expect(findUnheldAffiliations('Kelsey Hightower from Google wrote the guide?', pages)).toEqual([]);
    expect(findUnheldAffiliations('Carlos Santanaさんがブッククラブを始めたのはいつ？', pages)).toEqual([]);
    expect(findUnheldAffiliations('Who is Michael McCune?', pages)).toEqual([]);
    // Capitalised ordinary words are a title: Pod Quality is no person, of Service Classes no firm.
    expect(findUnheldAffiliations('Pod Quality of Service Classes', [normalizeFolded('Pod Quality of Serviceクラスとは')])).toEqual([]);
  });
});

describe('in answer()', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher(CORPUS);
  });

  it('refuses a question whose premise gives a person a firm the articles do not, and says so', () => {
    const a = answer(searcher, 'Michael McCune from Google co-chairs SIG Cloud Provider. What does he maintain?');
    expect(a).toMatchObject({ answered: false, confidence: 'none', results: [] });
    expect(a.notices).toContainEqual({ kind: 'unheldAffiliations', affiliations: [{ person: 'Michael McCune', firm: 'Google' }] });
    expect(a.suggestions[0]?.title).toBe('SIG Cloud Providerの紹介');
  });

  it('answers the same question with the firm the articles give', () => {
    expect(answer(searcher, 'Michael McCune from Red Hat co-chairs SIG Cloud Provider. What does he maintain?')).toMatchObject({ answered: true });
  });

  it('names the premise in Japanese and in English', () => {
    const notice = { kind: 'unheldAffiliations' as const, affiliations: [{ person: 'Michael McCune', firm: 'Google' }] };
    expect(messages('ja').notice(notice)).toBe('記事では Michael McCune さんは Google の人としては紹介されていません。質問の前提が記事の内容と違うかもしれません。');
    expect(messages('en').notice(notice)).toBe("No article presents Michael McCune as being with Google. The question's premise may differ from what the articles say.");
    const made = { kind: 'unheldAffiliations' as const, affiliations: [{ person: 'Gardener', firm: 'Red Hat', product: true as const }] };
    expect(messages('ja').notice(made)).toBe('記事では Gardener は Red Hat が作ったものとしては紹介されていません。質問の前提が記事の内容と違うかもしれません。');
    expect(messages('en').notice(made)).toContain('No article presents Gardener as made by Red Hat.');
  });
});
