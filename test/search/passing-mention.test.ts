import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import type { Article } from '../../src/corpus/article.js';
import { messages } from '../../src/i18n/messages.js';
import { findNames } from '../../src/search/absent-names.js';
import { buildIndex } from '../../src/search/build-index.js';
import { findPassingNames, type PassingPage } from '../../src/search/passing-mention.js';
import { analyseQuery } from '../../src/search/query.js';
import { Searcher } from '../../src/search/searcher.js';
import { normalizeFolded } from '../../src/text/normalize.js';

describe('findPassingNames', () => {
  /** Every term weighs 1 and the corpus has every name: what is left to decide is how the page names them. */
  const passing = (question: string, passages: readonly string[], { title = 'クラスターの運用', top = 0, asksHow = true, weighs = (_term: string): boolean => true } = {}): string[] => {
    const query = analyseQuery(question);
    const weights = new Map(query.terms.map((t) => [t.term, weighs(t.term) ? 1 : 0]));
    const texts = passages.map(normalizeFolded);
    const page: PassingPage = { title: normalizeFolded(title), top: texts[top]!, rest: () => texts.filter((_, i) => i !== top) };
    return findPassingNames(query, weights, findNames(query, () => true), page, asksHow);
  };
  const aside = '機能の説明\nこれはアルファ機能です。 kube-apiserverに対してフィーチャーゲートを指定します。 ここに例を示します。 Deploymentを作成します。 監査のログは別のファイルに書かれます。';
  const question = 'How do I turn on audit logging for kube-apiserver with a custom policy file?';

  it('finds a name the page has in one sentence, beside none of the question’s other words', () => {
    expect(passing(question, [aside])).toEqual(['kube-apiserver']);
  });

  it('leaves a question that does not ask how alone: a list naming the thing may answer what or which', () => {
    expect(passing(question, [aside], { asksHow: false })).toEqual([]);
  });

  it('does not count a word inside a longer identifier as the question’s word', () => {
    const inIdentifier = '機能の説明\nkube-apiserverに--feature-gates=PDBUnhealthyPodEvictionPolicy=trueを指定します。 ここに例を示します。 Deploymentを作成します。';
    expect(passing(question, [inIdentifier])).toEqual(['kube-apiserver']);
    const asWord = '機能の説明\nkube-apiserverに--policy-file=/etc/audit.yamlを指定します。 ここに例を示します。';
    expect(passing(question, [asWord])).toEqual([]);
  });

  it('sees a mention beside the question’s other words as saying something about the name', () => {
    const beside = '機能の説明\nこれはアルファ機能です。 kube-apiserverに対してフィーチャーゲートを指定します。 policy fileはここに置きます。';
    expect(passing(question, [beside])).toEqual([]);
  });

  it('takes a name in two sentences, on another passage of the page, in the title or in the headings to be discussed', () => {
    expect(passing(question, [`${aside} kube-apiserverを再起動します。`])).toEqual([]);
    expect(passing(question, [aside, '設定\nkube-apiserverの設定です。'])).toEqual([]);
    expect(passing(question, [aside], { title: 'kube-apiserverの機能' })).toEqual([]);
    expect(passing(question, [aside.replace('機能の説明', 'kube-apiserverの機能')])).toEqual([]);
  });

  it('leaves a question whose other words are all filler alone (nothing else it asks to look for)', () => {
    expect(passing('How do I configure kube-apiserver?', [aside], { weighs: (term) => term.startsWith('kube') })).toEqual([]);
    expect(passing('How do I configure kube-apiserver?', [aside])).toEqual(['kube-apiserver']);
  });
});

describe('passing mentions in answers', () => {
  const article = (id: string, title: string, body: string): Article => ({ id, title, date: '2024-01-01', url: `https://example.com/${id}`, authors: [], translators: [], sigs: [], lang: 'ja', body, file: `${id}.md` });
  const articles = [
    article(
      'network',
      'ネットワークの構成',
      '## CNI\n\nCNIプラグインにはいくつもの実装があります。 私たちはネットワークにCiliumを選びました。 CiliumとKube-OVNを簡単に統合することも可能です。 これにより仮想マシン向けのネットワークも提供されます。 Ciliumは高速です。\nCiliumのインストールはhelmで行います。 helm install cilium cilium/cilium を実行し、Ciliumの設定値を指定します。',
    ),
    article('logs', 'コンテナのログ', '## ログの保存先\n\nコンテナのログはノードの/var/log/podsに保存されます。 保存先を変えるには、kubeletの設定ファイルでログのディレクトリを指定します。'),
    article('nodes', 'ノードの運用', '## 監視\n\nノードの監視にはメトリクスを使います。 監視の設定はクラスターごとに異なります。'),
  ];
  const searcher = new Searcher(buildIndex({ articles, channels: { workspaceUrl: 'https://example.slack.com', fallback: 'kubernetes-users', channels: [] }, corpusDigest: 'test' }));

  it('does not answer how to install a thing the page names once in passing, and says so in both languages', () => {
    for (const question of ['Kube-OVNをインストールするには？', 'How do I install Kube-OVN?']) {
      const a = answer(searcher, question);
      expect(a.answered).toBe(false);
      expect(a.suggestions[0]?.title).toBe('ネットワークの構成');
      const notice = a.notices.find((n) => n.kind === 'passingNames');
      expect(notice).toBeDefined();
      expect(messages('ja').notice(notice!)).toBe('記事では Kube-OVN に触れているだけで、詳しい説明は見つかりませんでした。');
      expect(messages('en').notice(notice!)).toBe('The articles only mention Kube-OVN in passing; none explains it.');
    }
  });

  it('answers how to install what the page discusses, and what the passing sentence itself says', () => {
    expect(answer(searcher, 'Ciliumをインストールするには？').results[0]?.title).toBe('ネットワークの構成');
    expect(answer(searcher, 'How do I install Cilium?').answered).toBe(true);
    expect(answer(searcher, 'Kube-OVNとCiliumは統合できる？').answered).toBe(true);
    expect(answer(searcher, 'How do I integrate Kube-OVN with Cilium?').answered).toBe(true);
  });

  it('makes the answer none, whatever the coverage', () => {
    const signals = { topCoverage: 0.9, corpusCoverage: 1, unknownEntities: [] };
    expect(selectConfidence({ ...signals, passingNames: ['Kube-OVN'] })).toBe('none');
    expect(selectConfidence({ ...signals, passingNames: [] })).toBe('high');
  });
});
