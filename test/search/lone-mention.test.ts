import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { Article } from '../../src/corpus/article.js';
import { messages } from '../../src/i18n/messages.js';
import { findNames } from '../../src/search/absent-names.js';
import { buildIndex } from '../../src/search/build-index.js';
import { findLoneMentions, type LoneLookup } from '../../src/search/lone-mention.js';
import { ASKS_INSTALL, ASKS_STEPS } from '../../src/text/asks-how.js';
import { capitalisedNames, phrasePattern } from '../../src/search/phrases.js';
import { analyseQuery } from '../../src/search/query.js';
import { Searcher } from '../../src/search/searcher.js';
import { normalizeFolded } from '../../src/text/normalize.js';

describe('findLoneMentions', () => {
  /** A corpus of passages (headings, a line break, text) looked up by substring, as the index would find the terms. */
  const lone = (question: string, passages: readonly string[], { title = '仮想マシンの実行', steps = true } = {}): string[] => {
    const texts = passages.map(normalizeFolded);
    const query = analyseQuery(question);
    const has = (term: string): number[] => texts.flatMap((t, i) => (term.startsWith('~') ? [] : new RegExp(`(?<![a-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t) ? [i] : []));
    const lookup: LoneLookup = {
      passagesWith: has,
      passageText: (i) => texts[i]!,
      titleHolds: (_i, holds) => holds(normalizeFolded(title)),
      passagesWithPhrase: (words) => texts.flatMap((t, i) => (phrasePattern(words).test(t) ? [i] : [])),
      longerTermsWith: (text) => [...new Set(texts.flatMap((t) => t.split(/[\s、。]+/)).filter((w) => w !== text && w.includes(text)))],
    };
    return findLoneMentions(query, steps, findNames(query, (t) => has(t).length > 0), lookup, capitalisedNames(question));
  };
  const virt = '仮想化\nKubeVirtは仮想マシンをPodの中で実行します。 KubeVirtのインストールは簡単です。 KubeVirtはCRDで動きます。 軽量な仮想マシンを作る代替プロジェクトVirtinkもあります。';

  it('finds a name the whole corpus has in one sentence, though that sentence holds the question’s other words', () => {
    expect(lone('Virtinkで仮想マシンを作る手順', [virt, 'ストレージ\nKubeVirtのディスクにはPVCを使います。'])).toEqual(['virtink']);
  });

  it('finds a name in two sentences of its one passage too: introduced and compared, still not explained', () => {
    expect(lone('Virtinkで仮想マシンを作る手順', [`${virt} Virtinkは軽量です。`])).toEqual(['virtink']);
  });

  it('takes a name in three sentences, in a heading or in the title to be discussed', () => {
    expect(lone('Virtinkで仮想マシンを作る手順', [`${virt} Virtinkは軽量です。 Virtinkは速いです。`])).toEqual([]);
    expect(lone('Virtinkで仮想マシンを作る手順', [virt, 'Virtinkの紹介\nこれは別の話です。'])).toEqual([]);
    expect(lone('Virtinkで仮想マシンを作る手順', [virt.replace('仮想化', 'Virtinkと仮想化')])).toEqual([]);
    expect(lone('Virtinkで仮想マシンを作る手順', [virt], { title: 'Virtinkの使い方' })).toEqual([]);
  });

  it('asks for steps only: a wish, a replacement or "what" may be answered by the one sentence', () => {
    expect(lone('Virtinkって何？', [virt], { steps: false })).toEqual([]);
    expect(ASKS_STEPS.test('Virtinkで仮想マシンを作る手順')).toBe(true);
    expect(ASKS_STEPS.test('How do I install Virtink?')).toBe(true);
    expect(ASKS_STEPS.test('dockershimの代わりに何を使えばいい？')).toBe(false);
    expect(ASKS_STEPS.test('How many contributors does it have?')).toBe(false);
    expect(ASKS_STEPS.test('それってどうなるの？')).toBe(false);
  });

  it('leaves a question naming something the corpus discusses alone: the lone name may be a side detail of it', () => {
    expect(lone('KubeVirtでVirtinkの仮想マシンを動かす手順', [virt])).toEqual([]);
  });

  it('counts an identifier as lone but not as a reason on its own (flags and fields are named in the one sentence that says how)', () => {
    const flags = '設定\nKubeVirtは仮想マシンを実行します。 KubeVirtでは --enable-live-disk を指定します。 代替プロジェクトVirtinkもあります。';
    expect(lone('enable-live-diskを設定する手順', [flags])).toEqual([]);
    expect(lone('Virtinkでenable-live-diskを設定する手順', [flags])).toEqual(['virtink']);
  });

  it('finds a name in several capitalised words as a phrase, though its words are ordinary', () => {
    const spo = 'seccomp\nプロファイルの配布は課題です。 Security Profiles Operatorなどのプロジェクトはこの問題を解決しています。 seccompはカーネルの機能です。';
    expect(lone('Security Profiles Operatorでseccompプロファイルを記録させるには', [spo])).toEqual(['Security Profiles Operator']);
    expect(lone('Security Profiles Operatorでseccompプロファイルを記録させるには', [`${spo} Security Profiles Operatorはデーモンです。 Security Profiles Operatorは記録もします。`])).toEqual([]);
  });

  it('finds a name known only inside a longer term, as a list run together spells it', () => {
    const glued = 'ストレージ\nRook/CephOpenEBSLonghornなどのストレージがあります。 これらはKubernetesに直接インストールされます。';
    expect(lone('OpenEBSをクラスタに入れる手順', [glued])).toEqual([]); // OpenEBS is CamelCase: an identifier, no reason alone
    const lower = glued.replace('Rook/CephOpenEBSLonghorn', 'rook/cephopenebslinstor');
    expect(lone('LINSTORをクラスタに入れる手順', [lower])).toEqual(['linstor']);
    expect(lone('LINSTORをクラスタに入れる手順', [lower, 'ストレージ\nlinstorを使います。 linstorは速いです。 linstorは広く使われています。'])).toEqual([]);
  });

  it('takes a lone identifier as a reason when the question asks to install or set it up: a product, not a flag', () => {
    const glued = 'ストレージ\nRook/CephOpenEBSLonghornなどのストレージがあります。 これらはKubernetesに直接インストールされます。';
    const query = analyseQuery('OpenEBSをクラスタに入れる手順');
    const texts = [normalizeFolded(glued)];
    const lookup: LoneLookup = {
      passagesWith: () => [],
      passageText: (i) => texts[i]!,
      titleHolds: () => false,
      passagesWithPhrase: () => [],
      longerTermsWith: (text) => (texts[0]!.includes(text) ? ['rook/cephopenebslonghorn'] : []),
    };
    const names = findNames(query, (t) => t === 'openebs');
    expect(findLoneMentions(query, true, names, { ...lookup, passagesWith: (t) => (t === 'rook/cephopenebslonghorn' ? [0] : []) }, [], true)).toEqual(['openebs']);
    expect(findLoneMentions(query, true, names, { ...lookup, passagesWith: (t) => (t === 'rook/cephopenebslonghorn' ? [0] : []) }, [], false)).toEqual([]);
    expect(ASKS_INSTALL.test('ArgoCDのインストール手順教えて')).toBe(true);
    expect(ASKS_INSTALL.test('how do I set up buildkit to build images?')).toBe(true);
    expect(ASKS_INSTALL.test('ContainerCheckpointを有効にする手順')).toBe(false);
  });
});

describe('lone mentions in answers', () => {
  const article = (id: string, title: string, body: string): Article => ({ id, title, date: '2024-01-01', url: `https://example.com/${id}`, authors: [], translators: [], sigs: [], lang: 'ja', body, file: `${id}.md` });
  const articles = [
    article(
      'virt',
      '仮想マシンの実行',
      '## 仮想化\n\nKubernetesで仮想マシンを動かす方法はいくつかあります。 KubeVirtは仮想マシンをPodの中で実行します。 KubeVirtで仮想マシンを作るには、VirtualMachineリソースを作成します。 軽量な仮想マシンを作る代替プロジェクトVirtinkもあります。\n\n## ストレージ\n\nKubeVirtのディスクにはPVCを使います。',
    ),
    article('logs', 'コンテナのログ', '## ログの保存先\n\nコンテナのログはノードの/var/log/podsに保存されます。 保存先を変えるには、kubeletの設定ファイルでログのディレクトリを指定します。'),
  ];
  const searcher = new Searcher(buildIndex({ articles, channels: { workspaceUrl: 'https://example.slack.com', fallback: 'kubernetes-users', channels: [] }, corpusDigest: 'test' }));

  it('does not answer the steps for a thing the corpus names in one sentence, and says so', () => {
    const a = answer(searcher, 'Virtinkで仮想マシンはどうやって作るの？');
    expect(a.answered).toBe(false);
    expect(a.suggestions[0]?.title).toBe('仮想マシンの実行');
    const notice = a.notices.find((n) => n.kind === 'passingNames');
    expect(notice).toBeDefined();
    expect(messages('ja').notice(notice!)).toBe('記事では Virtink に触れているだけで、詳しい説明は見つかりませんでした。');
  });

  it('answers the steps for what the corpus discusses, and other questions about the lone name', () => {
    expect(answer(searcher, 'KubeVirtで仮想マシンはどうやって作るの？').answered).toBe(true);
    expect(answer(searcher, 'Virtinkってどんなプロジェクト？').answered).toBe(true);
  });
});
