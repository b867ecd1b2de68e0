import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { messages } from '../../src/i18n/messages.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';
import { findNames } from '../../src/search/absent-names.js';
import { analyseQuery } from '../../src/search/query.js';
import { findUnheldPairings, type PairingLookup } from '../../src/search/stated-pairings.js';
import { surfaceOf } from '../../src/search/unknown-entities.js';
import { normalizeFolded } from '../../src/text/normalize.js';

describe('findUnheldPairings', () => {
  const runtimes = [
    'プロダクション\n例として、OpenShift 4.xは2019年6月以降、CRI-Oランタイムをプロダクション環境で使っています。',
    'ランタイム\ncontainerdやCRI-Oなどのランタイムがあります。',
    'containerd\ncontainerdは広く使われています。 CRI-Oも使われています。',
  ];
  /** A corpus of passages looked up by substring, as the index finds a term's passages. */
  const pairings = (question: string, passages: readonly string[], heads: readonly string[] = []) => {
    const texts = passages.map(normalizeFolded);
    const query = analyseQuery(question);
    const withTerm = (term: string): string[] => texts.filter((t) => new RegExp(`(?<![a-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t));
    const lookup: PairingLookup = {
      passageTextsWith: (term, max) => (withTerm(term).length > max ? undefined : withTerm(term)),
      documentFrequency: (term) => withTerm(term).length,
      familyHeads: new Set(heads),
    };
    return findUnheldPairings(question, query, findNames(query, (t) => withTerm(t).length > 0), lookup, (t) => surfaceOf(question, t));
  };

  it('finds a rare name the question pairs with one thing and the corpus only with a sibling of it', () => {
    expect(pairings('OpenShift 4.x が使ってる containerd のバージョンは？', runtimes)).toEqual([{ name: 'OpenShift', stated: 'containerd', found: 'cri-o' }]);
    // Set aside, the sibling leaves the pairing stated (and is spelled as the question spells it).
    expect(pairings('OpenShiftがCRI-Oではなくcontainerdを選んだ理由は？', runtimes)).toEqual([{ name: 'OpenShift', stated: 'containerd', found: 'CRI-O' }]);
    expect(pairings('Why did OpenShift pick containerd over CRI-O?', runtimes)).toEqual([{ name: 'OpenShift', stated: 'containerd', found: 'CRI-O' }]);
  });

  it('leaves alone a pairing the corpus makes, a comparison of the siblings and a name with no sibling beside the rare one', () => {
    expect(pairings('OpenShift 4.x が使ってる containerd のバージョンは？', [...runtimes, 'OpenShift\nOpenShiftはcontainerdも試しています。'])).toEqual([]);
    expect(pairings('OpenShiftはcontainerdとCRI-Oのどっちを使ってるの？', runtimes)).toEqual([]);
    expect(pairings('OpenShift 4.x が使ってる containerd のバージョンは？', [runtimes[0]!, runtimes[2]!])).toEqual([]);
  });

  it('takes no word lists are full of for a sibling, nor a family head for a thing paired', () => {
    const common = ['GitOps\nArgoCDとFluxCDはKubernetesのツールです。', 'ツール\nGitOps、Kubernetesの運用。', ...Array.from({ length: 12 }, (_, i) => `Kubernetes ${i}\nKubernetesの話。`)];
    expect(pairings('GitOpsでArgoCDを使う理由は？', common)).toEqual([]);
    // As rare as the stated thing, it is its peer.
    expect(pairings('GitOpsでArgoCDを使う理由は？', common.slice(0, 4))).toEqual([{ name: 'ArgoCD', stated: 'GitOps', found: 'kubernetes' }]);
    const sigs = ['SIG\nGAになった機能はStorageのものです。', 'SIG\nSIG、Storageの両方で議論します。', 'SIG\nSIG Nodeの話。'];
    expect(pairings('SIG NodeでGAになったKEPは？', sigs, ['sig'])).toEqual([]);
    expect(pairings('SIG NodeでGAになったKEPは？', sigs)).not.toEqual([]);
  });
});

describe('in answer()', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher(fileURLToPath(new URL('../fixtures/pairing-corpus', import.meta.url)));
  });

  it('refuses a question pairing a rare name with a sibling of what the articles pair it with, and says which', () => {
    const a = answer(searcher, 'OpenShift 4.x が 2019年6月から使ってる containerd って、どんなランタイムなの？');
    expect(a).toMatchObject({ answered: false, confidence: 'none', results: [] });
    const notice = a.notices.find((n) => n.kind === 'unheldPairings');
    expect(notice).toEqual({ kind: 'unheldPairings', pairings: [{ name: 'OpenShift', stated: 'containerd', found: 'cri-o' }] });
    expect(messages('ja').notice(notice!)).toBe('記事では OpenShift は containerd ではなく cri-o と一緒に書かれています。質問の前提が記事の内容と違うかもしれません。');
    expect(messages('en').notice(notice!)).toBe("The articles pair OpenShift with cri-o, not with containerd. The question's premise may differ from what the articles say.");
  });

  it('answers the pairing the articles make', () => {
    expect(answer(searcher, 'OpenShift 4.x が 2019年6月から使ってる CRI-O って、どんなランタイム？')).toMatchObject({ answered: true });
  });
});
