import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import type { Article } from '../../src/corpus/article.js';
import { messages } from '../../src/i18n/messages.js';
import { findNames } from '../../src/search/absent-names.js';
import { buildIndex } from '../../src/search/build-index.js';
import { ASKS_ARTIFACT, findLoneMentions, type LoneLookup } from '../../src/search/lone-mention.js';
import { ASKS_CONFIG, ASKS_HOW, ASKS_INSTALL, ASKS_STEPS } from '../../src/text/asks-how.js';
import { capitalisedNames, phrasePattern } from '../../src/search/phrases.js';
import { analyseQuery } from '../../src/search/query.js';
import { Searcher } from '../../src/search/searcher.js';
import { normalizeFolded } from '../../src/text/normalize.js';

describe('findLoneMentions', () => {
  /** A corpus of passages (headings, a line break, text) looked up by substring, as the index would find the terms. */
  const lone = (question: string, passages: readonly string[], { title = '仮想マシンの実行', steps = true, install = false, pageOf = (i: number): number => i } = {}): string[] => {
    const texts = passages.map(normalizeFolded);
    const query = analyseQuery(question);
    const has = (term: string): number[] => texts.flatMap((t, i) => (term.startsWith('~') ? [] : new RegExp(`(?<![a-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t) ? [i] : []));
    const lookup: LoneLookup = {
      passagesWith: has,
      passageText: (i) => texts[i]!,
      articleOf: pageOf,
      titleHolds: (_i, holds) => holds(normalizeFolded(title)),
      passagesWithPhrase: (words) => texts.flatMap((t, i) => (phrasePattern(words).test(t) ? [i] : [])),
      longerTermsWith: (text) => [...new Set(texts.flatMap((t) => t.split(/[\s、。]+/)).filter((w) => w !== text && w.includes(text)))],
    };
    return findLoneMentions(query, steps, findNames(query, (t) => has(t).length > 0), lookup, capitalisedNames(question), install);
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

  it('takes a how in the past (どうやって取ってたの) for a question about what was done, not for steps', () => {
    expect(ASKS_STEPS.test('前は GCR のトークンを kubelet がどうやって取ってたの？')).toBe(false);
    expect(ASKS_STEPS.test('そのとき SIG はどう対応したんですか？')).toBe(false);
    expect(ASKS_STEPS.test('GCR のトークンを kubelet にどうやって取らせるの？')).toBe(true);
    expect(ASKS_STEPS.test('一度削除したらどうやって戻すの？')).toBe(true);
  });

  it('takes どう in a set phrase (どうこう言ってた, どうも, どうせ) for no how', () => {
    expect(ASKS_HOW.test('聞き手の人ってどこのSIG所属だった？Hugoがどうこう言ってたやつ')).toBe(false);
    expect(ASKS_STEPS.test('どうもうまく動かないんだけど、原因は何？')).toBe(false);
    expect(ASKS_HOW.test('Hugoでどうこのページを書けばいい？')).toBe(true);
  });

  it('asks for an example by サンプル asked for, not by the article\'s sample told of', () => {
    expect(ASKS_CONFIG.test('seccomp プロファイルのサンプルある？')).toBe(true);
    expect(ASKS_CONFIG.test('サンプルコード見せて')).toBe(true);
    expect(ASKS_CONFIG.test('critでutsnsイメージを見ると何がわかるの？サンプルだとどんな値が出てた？')).toBe(false);
  });

  it('leaves a question naming something the corpus discusses alone: the lone name may be a side detail of it', () => {
    expect(lone('KubeVirtでVirtinkの仮想マシンを動かす手順', [virt])).toEqual([]);
  });

  it('finds a name the corpus only lists in command output, whatever else the question names', () => {
    const listing = 'インストール\nKubeVirtを入れると、次のリリースが並びます。\ncozy-kubevirt      kubevirt        4m1s   True\ncozy-telepresence  telepresence    4m1s   True';
    expect(lone('KubeVirtに入ってるtelepresenceでトラフィックをinterceptする手順', [virt, listing])).toEqual(['telepresenc']);
    // Named once in prose beside something discussed, it may be a side detail of that.
    const prose = 'インストール\nKubeVirtを入れると、telepresenceも一緒に入ります。';
    expect(lone('KubeVirtに入ってるtelepresenceでトラフィックをinterceptする手順', [virt, prose])).toEqual([]);
  });

  it('reads an ordinary Latin word beside another (tar archive) as part of an English phrase, not a thing named once', () => {
    const archive = 'チェックポイント\nチェックポイントはtarアーカイブです。 このarchiveはノードに保存されます。 チェックポイントを復元します。';
    expect(lone('チェックポイントを tar archive のまま復元するにはどうすればいい？', [archive])).toEqual([]);
    expect(lone('チェックポイントを archive のまま復元するにはどうすればいい？', [archive])).toEqual(['archiv']);
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
    expect(lone('Kube-OVNをクラスタに入れる手順', [glued.replace('OpenEBS', 'Kube-OVN')])).toEqual([]); // an identifier not spelled as a product: no reason alone
    const lower = glued.replace('Rook/CephOpenEBSLonghorn', 'rook/cephopenebslinstor');
    expect(lone('LINSTORをクラスタに入れる手順', [lower])).toEqual(['linstor']);
    expect(lone('LINSTORをクラスタに入れる手順', [lower, 'ストレージ\nlinstorを使います。 linstorは速いです。 linstorは広く使われています。'])).toEqual([]);
  });

  it('takes ordinary words joined by hyphens as a name inside a longer term (cloud-provider-kind in a repository path)', () => {
    const repos = 'リポジトリ\nkubernetes-sigsxcloud-provider-kind はダミーのクラウドプロバイダーの実装です。 ほかのリポジトリも便利です。';
    expect(lone('How do I install cloud-provider-kind in my cluster?', [repos], { install: true })).toEqual(['cloud-provider-kind']);
    // A plain ordinary word found only inside a longer term is there by chance.
    expect(lone('How do I install provider in my cluster?', [repos], { install: true })).toEqual([]);
  });

  it('takes a lone identifier as a reason when the question asks to install or set it up: a product, not a flag', () => {
    const glued = 'ストレージ\nRook/CephKube-OVNLonghornなどのストレージがあります。 これらはKubernetesに直接インストールされます。';
    const query = analyseQuery('Kube-OVNをクラスタに入れる手順');
    const texts = [normalizeFolded(glued)];
    const lookup: LoneLookup = {
      passagesWith: () => [],
      passageText: (i) => texts[i]!,
      articleOf: () => 0,
      titleHolds: () => false,
      passagesWithPhrase: () => [],
      longerTermsWith: (text) => (texts[0]!.includes(text) ? ['rook/cephkube-ovnlonghorn'] : []),
    };
    const names = findNames(query, (t) => t === 'kube-ovn');
    expect(findLoneMentions(query, true, names, { ...lookup, passagesWith: (t) => (t === 'rook/cephkube-ovnlonghorn' ? [0] : []) }, [], true)).toEqual(['kube-ovn']);
    expect(findLoneMentions(query, true, names, { ...lookup, passagesWith: (t) => (t === 'rook/cephkube-ovnlonghorn' ? [0] : []) }, [], false)).toEqual([]);
    expect(ASKS_INSTALL.test('ArgoCDのインストール手順教えて')).toBe(true);
    expect(ASKS_INSTALL.test('how do I set up buildkit to build images?')).toBe(true);
    expect(ASKS_INSTALL.test('ContainerCheckpointを有効にする手順')).toBe(false);
  });
  it('takes an identifier spelled as a product (capitalised words ending in an acronym) as a reason, not a feature gate or a field of whole words', () => {
    const lb = 'ネットワーク\nMetalLB、LoxiLBなどの実装があります。 ContainerCheckpointフィーチャーゲートを有効にします。 restartPolicyをAlwaysにします。';
    expect(lone('LoxiLBの設定例ほしい', [lb])).toEqual(['loxilb']);
    expect(lone('ContainerCheckpointの設定例ほしい', [lb])).toEqual([]);
    expect(lone('restartPolicyの書き方', [lb])).toEqual([]);
  });

  it('reads a request for a configuration (an example, how to write it, the setting that does something) as asking for steps', () => {
    expect(ASKS_CONFIG.test('LoxiLBの設定例ほしい')).toBe(true);
    expect(ASKS_CONFIG.test('WindowsノードでCimFSのimagefsを別ディスクに置く設定')).toBe(true);
    expect(ASKS_CONFIG.test('Istio の sidecar injection を namespace 単位で有効にする設定は？')).toBe(true);
    expect(ASKS_CONFIG.test('NetworkPolicyの書き方を教えて')).toBe(true);
    expect(ASKS_CONFIG.test('show me an example of a PodDisruptionBudget')).toBe(true);
    expect(ASKS_CONFIG.test('for example, which runtimes does GKE use?')).toBe(false);
    expect(ASKS_CONFIG.test('Which CVE does the preview name as the example?')).toBe(false);
    // An example someone gave in what they said is a statement, not code.
    expect(ASKS_CONFIG.test('The co-chair said cloud features help. What example did he give?')).toBe(false);
    expect(ASKS_CONFIG.test('Is there an example manifest?')).toBe(true);
    expect(ASKS_CONFIG.test('Which CVE does it give as an example?')).toBe(false);
    expect(ASKS_CONFIG.test('unhealthyなPodはevictしていい、って設定できない？')).toBe(false);
    expect(ASKS_CONFIG.test('設定ファイルはどの flag で渡す？')).toBe(false);
  });

  it('refuses a sentence of the question asking for steps about lone things only, whatever its other sentences name', () => {
    const pxe = 'ブート\nしばらくの間、PXEブートのアイデアについて考えていました。 たとえば、Kubefarmプロジェクトはこのアプローチで構築されました。 PXEアプローチを使うソリューションを用意しました。 コンテナ内でPXEサーバーを実行するだけです。';
    expect(lone('Kubefarmってどうやって使うの？PXEの設定手順', [pxe])).toEqual(['kubefarm']);
    // A sentence that asks for nothing, or one naming the discussed thing too, is no such question.
    expect(lone('Kubefarmって知ってる？PXEの設定手順', [pxe])).toEqual([]);
    expect(lone('KubefarmでPXEを設定する手順', [pxe])).toEqual([]);
    // A sentence asking nothing is context of the question: its names are asked about too.
    expect(lone('Kubefarmってどうやって使うの？PXEのサーバーで', [pxe])).toEqual([]);
  });

  it('refuses a lone subject beside a discussed thing that neither its sentence nor their neighbours name', () => {
    const layers = 'レイヤー\n書き込み可能レイヤーはWindows上のCimFSなどで実装されます。 これは書き込み可能レイヤーと呼ばれます。 読み取り専用レイヤーもあります。 コンテナランタイムのファイルシステムはimagefsと呼ばれます。 imagefsは別ディスクに置けます。 imagefsが一杯になると退避が起きます。';
    expect(lone('CimFSのimagefsを別ディスクに置く設定', [layers])).toEqual(['cimfs']);
    // Named in the next sentence, the corpus may say how the two go together (ZFS、DRBD…のイメージ。 この場合、Talos Linuxが…).
    expect(lone('CimFSのimagefsを別ディスクに置く設定', [layers.replace('これは書き込み可能レイヤー', 'これはimagefsの書き込み可能レイヤー')])).toEqual([]);
    // Asked about first, the discussed thing is the subject.
    expect(lone('imagefsをCimFSで別ディスクに置く設定', [layers])).toEqual([]);
  });

  it('refuses a lone name in several words asked about first, beside a discussed thing its sentences do not name', () => {
    const spo = 'seccomp\nプロファイルの配布は課題です。 Security Profiles Operatorなどのプロジェクトはこの問題を解決しています。 seccompはカーネルの機能です。';
    const yaml = 'マニフェスト\nRecordingMergerはプロファイルを一つにまとめます。 RecordingMergerのモードはPodごとです。 RecordingMergerは省略できます。';
    expect(lone('Security Profiles Operator で配る RecordingMerger の書き方', [spo, yaml])).toEqual(['Security Profiles Operator']);
    // Asked about first, the discussed thing is the subject.
    expect(lone('RecordingMerger を Security Profiles Operator で配るときの書き方', [spo, yaml])).toEqual([]);
  });

  it('finds a name in one sentence of each of a few pages, never more, as named in passing everywhere', () => {
    const pages = ['ノード\ncgroup v1の廃止が迫っています。 SIG Nodeは移行を支援します。', 'FAQ\n新しいランタイムはcgroups v2に対応します。 ユーザーネームスペースもです。', '情報源\ncgroup v2 のメトリクスを追加するPRを待っています。'];
    expect(lone('cgroup v1からcgroup v2に移行する手順', pages)).toEqual(['cgroup']);
    // Twice on a page, on a fourth page, or in two passages of one page (articleOf): discussed.
    expect(lone('cgroup v1からcgroup v2に移行する手順', [pages[0]!.replace('支援します。', '支援します。 cgroup v2は標準です。'), pages[1]!, pages[2]!])).toEqual([]);
    expect(lone('cgroup v1からcgroup v2に移行する手順', [...pages, 'メモリ\ncgroupでメモリを制限します。'])).toEqual([]);
    expect(lone('cgroup v1からcgroup v2に移行する手順', pages, { pageOf: (i) => Math.min(i, 1) })).toEqual([]);
    // A version qualifies the thing beside it: v2, named on many pages, is no other thing asked about.
    expect(lone('cgroup v2に移行する手順', [...pages, 'バージョン\nAPIはv2になりました。', 'API\nv2のAPIを使います。'])).toEqual(['cgroup']);
  });

  it('takes two capitalised words joined by a slash as a pair of names, not a path', () => {
    const glued = 'ストレージ\nRook/CephOpenEBSLonghornなどのストレージがあります。 これらはKubernetesに直接インストールされます。';
    expect(lone('Rook/Cephのクラスタ構築手順', [glued], { install: true })).toEqual(['rook/ceph']);
    expect(lone('rook/cephのクラスタ構築手順', [glued], { install: true })).toEqual([]);
  });
});

describe('ASKS_ARTIFACT', () => {
  it('reads a request for a command or a manifest to copy, not a question about commands', () => {
    expect(ASKS_ARTIFACT.test('kubetest2 で e2e テスト流すコマンドってどんな感じ？')).toBe(true);
    expect(ASKS_ARTIFACT.test('Piraeus Operator の manifest の例ってある？')).toBe(true);
    expect(ASKS_ARTIFACT.test('What command starts a kind cluster?')).toBe(true);
    expect(ASKS_ARTIFACT.test('クラスタを作るコマンドは何？')).toBe(true);
    expect(ASKS_ARTIFACT.test('kubectl debug コマンドは何のために追加された？')).toBe(false);
    expect(ASKS_ARTIFACT.test('kubectl のコマンドが遅いのはなぜ？')).toBe(false);
    expect(ASKS_ARTIFACT.test('manifest って何？')).toBe(false);
  });
});

describe('lone mentions in answers', () => {
  const article = (id: string, title: string, body: string): Article => ({ id, title, date: '2024-01-01', url: `https://example.com/${id}`, authors: [], translators: [], sigs: [], lang: 'ja', body, file: `${id}.md` });
  const articles = [
    article(
      'virt',
      '仮想マシンの実行',
      '## 仮想化\n\nKubernetesで仮想マシンを動かす方法はいくつかあります。 KubeVirtは仮想マシンをPodの中で実行します。 KubeVirtで仮想マシンを作るには、VirtualMachineリソースを作成します。 軽量な仮想マシンを作る代替プロジェクトVirtinkもあります。\n\n## ストレージ\n\nKubeVirtのディスクにはPVCを使います。 VMの外部公開にはVirtLBも使えます。',
    ),
    article('logs', 'コンテナのログ', '## ログの保存先\n\nコンテナのログはノードの/var/log/podsに保存されます。 保存先を変えるには、kubeletの設定ファイルでログのディレクトリを指定します。 ログを読むコマンドはkubectl logsです。'),
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

  it('does not answer the setting for a product the corpus names in one sentence, and says so', () => {
    const a = answer(searcher, 'VirtLBでVMを外部公開する設定');
    expect(a.answered).toBe(false);
    expect(messages('ja').notice(a.notices.find((n) => n.kind === 'passingNames')!)).toBe('記事では VirtLB に触れているだけで、詳しい説明は見つかりませんでした。');
    expect(answer(searcher, 'VirtLBってどんなもの？').answered).toBe(true);
  });

  it('does not answer the command for a thing the corpus names in one sentence', () => {
    const a = answer(searcher, 'Virtinkで仮想マシン作るコマンドってどんな感じ？');
    expect(a.answered).toBe(false);
    expect(a.notices.find((n) => n.kind === 'passingNames')).toMatchObject({ names: ['Virtink'] });
    expect(answer(searcher, 'KubeVirtで仮想マシン作るコマンドってどんな感じ？').answered).toBe(true);
  });

  it('answers the steps for what the corpus discusses, and other questions about the lone name', () => {
    expect(answer(searcher, 'KubeVirtで仮想マシンはどうやって作るの？').answered).toBe(true);
    expect(answer(searcher, 'Virtinkってどんなプロジェクト？').answered).toBe(true);
  });
});
