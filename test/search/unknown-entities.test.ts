import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { Searcher } from '../../src/search/searcher.js';
import { findUnknownNames, namedTokens } from '../../src/search/unknown-names.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

describe('namedTokens', () => {
  it('takes CamelCase, capitals and capitalised words as names', () => {
    expect(namedTokens('CRI-OでPodにAppArmorプロファイルを適用したい')).toEqual(['CRI-O', 'Pod', 'AppArmor']);
    expect(namedTokens('How do I configure Karpenter NodePools on EKS?')).toEqual(['Karpenter', 'NodePools', 'EKS']);
  });

  it('does not take an English sentence’s first word or lower-case words as names', () => {
    expect(namedTokens('Explain eviction for me. Then drain the node')).toEqual([]);
    expect(namedTokens('kubelet の restartPolicy')).toEqual(['restartPolicy']);
  });
});

describe('findUnknownNames', () => {
  const lookup = (known: Record<string, number>, titles: string[] = []) => ({
    documentFrequency: (term: string) => known[term] ?? 0,
    inTitle: (text: string) => titles.some((t) => t.includes(text)),
  });

  it('lists the names no passage or title mentions, and only those', () => {
    expect(findUnknownNames('CRI-OでAppArmorを使う', lookup({ 'cri-o': 3 }))).toEqual(['AppArmor']);
    expect(findUnknownNames('DIY cloud の構成', lookup({}, ['diy: kubernetesで自分だけのクラウド']))).toEqual([]);
  });

  it('counts a name the corpus spells otherwise through the glossary (Pod as ポッド)', () => {
    expect(findUnknownNames('Podの再起動', lookup({ '~pod': 5 }))).toEqual([]);
  });

  it('does not let a concept of one part vouch for the whole name (app of AppArmor)', () => {
    expect(findUnknownNames('AppArmorの設定', lookup({ '~application': 9, app: 4 }))).toEqual(['AppArmor']);
  });
});

describe('answer with a name the corpus never mentions', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher();
  });

  it('abstains and says which name no article mentions, though every other word matches', () => {
    const a = answer(searcher, 'サイドカーコンテナの再起動ポリシーをKarpenterで設定するには？');
    expect(a.answered).toBe(false);
    expect(a.notices).toContain('No article mentions Karpenter.');
    expect(a.suggestions[0]?.title).toBe('サイドカーコンテナの紹介');
  });

  it('still answers when the names are in the corpus', () => {
    expect(answer(searcher, 'サイドカーコンテナの再起動ポリシーはAlwaysにする？').answered).toBe(true);
  });
});
