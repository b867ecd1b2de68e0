import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findMissingKinds, holdsCode, selectMissingKinds } from '../../src/answer/answer-evidence.js';
import { holdsEvidence, measureEvidence, selectEvidenceKinds } from '../../src/search/asked-things.js';
import { answer } from '../../src/answer/answer.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import { messages } from '../../src/i18n/messages.js';
import { buildAnswerMessage } from '../../src/slack/blocks/answer-blocks.js';
import { analyseQuery } from '../../src/search/query.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';
import { buildPassage, buildQuestion } from '../support/evidence-question.js';

const CORPUS = fileURLToPath(new URL('../fixtures/answer-evidence-corpus', import.meta.url));


describe('answer/answer-evidence', () => {
  describe('selectEvidenceKinds', () => {
    it('reads a question asking for a date, a person, a count or a flag', () => {
      expect(selectEvidenceKinds('Kubernetes 1.31はいつリリース？')).toEqual(['time']);
      expect(selectEvidenceKinds('When was the plugin added?')).toEqual(['time']);
      expect(selectEvidenceKinds('Kubernetes 1.31のリリース日は？')).toEqual(['time']);
      expect(selectEvidenceKinds('k8s 初コミット 日付')).toEqual(['time']);
      expect(selectEvidenceKinds('SIG Storageのチェアって今誰がやってるの？')).toEqual(['person']);
      expect(selectEvidenceKinds('Who wrote the guide?')).toEqual(['person']);
      expect(selectEvidenceKinds('SIG Appsのチェアだれ？')).toEqual(['person']);
      expect(selectEvidenceKinds('コントリビューターは何人？')).toEqual(['number']);
      expect(selectEvidenceKinds('swapを使うには、どのフラグが必要？')).toEqual(['flag']);
      expect(selectEvidenceKinds('NetworkPolicyで全部拒否する書き方を教えて')).toEqual(['code']);
      expect(selectEvidenceKinds('prometheus-adapter の設定例ある？')).toEqual(['code']);
      expect(selectEvidenceKinds('kubeletからつなぐ設定はどう書くの？')).toEqual(['code']);
      expect(selectEvidenceKinds('prometheus-adapter の設定ファイルを書く例をください')).toEqual(['code']);
      expect(selectEvidenceKinds('Show me an example of a sidecar manifest')).toEqual(['code']);
    });

    it('reads nothing in a question asking how or what happens (no recognisable answer)', () => {
      expect(selectEvidenceKinds('サイドカーはどう定義する?')).toEqual([]);
      expect(selectEvidenceKinds('What happens when the profile is missing?')).toEqual([]);
      expect(selectEvidenceKinds('restartPolicyは何にすればいいの')).toEqual([]);
      expect(selectEvidenceKinds('For example, can a sidecar outlive the main container?')).toEqual([]);
      expect(selectEvidenceKinds('ブッククラブ、だれないようにどんな工夫してるの？')).toEqual([]);
      // who / whose after a noun is a relative pronoun; after know or at a clause's start it asks.
      expect(selectEvidenceKinds('Will CRI-O honor the annotation on a pod whose securityContext sets RuntimeDefault?')).toEqual([]);
      expect(selectEvidenceKinds('What should users who run dockershim do?')).toEqual([]);
      expect(selectEvidenceKinds('Do you know who chairs SIG Node?')).toEqual(['person']);
      expect(selectEvidenceKinds('The spotlight was written by whom?')).toEqual(['person']);
    });
  });

  describe('holdsEvidence', () => {
    it('finds dates and releases, but not the release the question names', () => {
      expect(holdsEvidence('1.30は2024年4月17日にリリースされました。', 'time', '1.30はいつ？')).toBe(true);
      expect(holdsEvidence('It shipped on August 13.', 'time', 'when did it ship?')).toBe(true);
      expect(holdsEvidence('次回の1.31リリースでは、コードが削除されます。', 'time', '1.31はいつ？')).toBe(false);
      expect(holdsEvidence('v1.31 でコードが削除されます。', 'time', '1.31はいつ？')).toBe(false);
    });

    it('finds a person by a Latin name, 氏 or さん, or a handle', () => {
      expect(holdsEvidence('Sergey Kanzhelevと申します。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('McCune氏がチェアを務めています。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('メルカリの sanposhiho さんが実装しました。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('実装は @thockin がレビューしました。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('SIGでは定期的にミーティングを行っています。', 'person', '誰？')).toBe(false);
    });

    it('takes two capitalised ordinary words for a title or a role, not a person: Tech Lead, Community Group, Red Hat', () => {
      expect(holdsEvidence('各SIGのChairとTech Leadの一覧はCommunity Groupのページにあります。', 'person', '誰？')).toBe(false);
      expect(holdsEvidence('Red HatとGoogle Cloudの人が多いです。', 'person', '誰？')).toBe(false);
      expect(holdsEvidence('Dawn Chenがチェアを務めています。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('Bob Killenがまとめました。', 'person', '誰？')).toBe(true);
      expect(holdsEvidence('SIG Releaseのテクニカル・リーダーであるVerónica Lópezです。', 'person', '誰？')).toBe(true);
    });

    it('finds counts and command-line flags', () => {
      expect(holdsEvidence('コントリビューターは88,000人を超えました。', 'number', '何人？')).toBe(true);
      expect(holdsEvidence('--fail-swap-on=falseを指定します。', 'flag', 'どのフラグ？')).toBe(true);
      expect(holdsEvidence('swapを有効にします。', 'flag', 'どのフラグ？')).toBe(false);
    });
  });

  describe('holdsCode', () => {
    it('finds a code block, a command, a YAML line or a flag', () => {
      expect(holdsCode({ text: '次のように定義します。\nkind: Pod\n', code: [[12, 22]] })).toBe(true);
      expect(holdsCode({ text: '実行します。\nkubectl apply -f pod.yaml' })).toBe(true);
      expect(holdsCode({ text: '--feature-gates=Foo=trueを指定します。' })).toBe(true);
      expect(holdsCode({ text: 'NetworkPolicyは通信を制御する仕組みです。kind: のような行はありません' })).toBe(false);
    });

    it('counts prose that names the field to write as the manifest spells it', () => {
      expect(holdsCode({ text: 'サイドカー用の初期化コンテナのrestartPolicyをAlwaysに設定します。' })).toBe(true);
      expect(holdsCode({ text: 'PDBのspec.unhealthyPodEvictionPolicyを設定します。' })).toBe(true);
      // A product name in CamelCase (KubeVirt) or a sentence's full stop is not a field.
      expect(holdsCode({ text: 'KubeVirtは仮想マシンを動かします。e.g. のような略語もあります' })).toBe(false);
      // Nor is a host name in prose (a site or repository the article links to).
      expect(holdsCode({ text: '詳しくはkubernetes.ioのドキュメントやgithub.comのリポジトリを見てください。' })).toBe(false);
      expect(holdsCode({ text: 'spec.containersの値を書き換えます。' })).toBe(true);
    });

    it('does not count a flag or field the question names itself: it is what the example is asked for', () => {
      const text = '--authorization-configでその設定ファイルへのパスを指定します。';
      expect(holdsCode({ text }, '--authorization-config の設定ファイルを書く例をください')).toBe(false);
      expect(holdsCode({ text }, '認可の設定ファイルを書く例をください')).toBe(true);
      expect(holdsCode({ text: '次のように書きます。\nkind: AuthorizationConfiguration\n', code: [[10, 42]] }, '--authorization-config の書く例')).toBe(true);
    });
  });

  describe('measureEvidence', () => {
    const words = ['kubernetes', 'リリース', 'サイドカー'];
    const question = buildQuestion('kubernetesのサイドカーはいつリリース？', words);

    it('scores a date by the question words in its sentence and the ones either side', () => {
      const near = buildPassage('kubernetesでサイドカーがベータになりました。2024年4月17日のリリースです。', words);
      expect(measureEvidence([near], question, ['time'])).toEqual([{ kind: 'time', held: true, near: 1 }]);
    });

    it('gives a date paragraphs away from the question words nothing', () => {
      const far = buildPassage('会場は2023年の秋でした。\n大きく成長しました。\n人が増えました。\nkubernetesのサイドカーのリリースです。', words);
      expect(measureEvidence([far], question, ['time'])).toEqual([{ kind: 'time', held: true, near: 0 }]);
    });

    it('reads a list as the continuation of the sentence introducing it, however long the list', () => {
      const thanks = ['レビュー', '感謝'];
      const asked = buildQuestion('レビューに協力したとして感謝されているのは誰？', thanks);
      const listed = buildPassage('レビューを提供してくれた方々に感謝を捧げます。\nPeter Hunt\nMrunal Patel\nRyan Phillips', thanks);
      expect(measureEvidence([listed], asked, ['person'])[0]).toMatchObject({ held: true, near: 1 });
      // Lines that end sentences of their own are prose, not the list of the one before.
      const prose = buildPassage('レビューを提供してくれた方々に感謝を捧げます。\n会場は広いです。\n人が増えました。\nMrunal Patelも来ました。', thanks);
      expect(measureEvidence([prose], asked, ['person'])[0]).toMatchObject({ held: true, near: 0 });
    });

    it('counts a date for a question naming a release only beside that release', () => {
      const named = buildQuestion('kubernetes 1.31はいつリリース？', words);
      const other = buildPassage('kubernetes 1.30は2024年4月17日にリリースされました。\n大きな変更でした。\n1.31ではサイドカーが入ります。', words);
      expect(measureEvidence([other], named, ['time'])[0]).toMatchObject({ held: true, near: 0 });
      const same = buildPassage('kubernetes 1.31は2024年8月13日にリリースされました。', words);
      expect(measureEvidence([same], named, ['time'])[0]!.near).toBeGreaterThan(0.5);
    });

    it('takes a company keeping a thing going as the who of "who maintains it", not of other who-questions', () => {
      const adapter = ['アダプター', 'Docker'];
      const kept = buildPassage('MirantisとDockerは、代替アダプターを維持することにコミットしています。', adapter);
      expect(measureEvidence([kept], buildQuestion('Docker用のアダプターって誰がメンテしてるの？', adapter), ['person'])[0]).toMatchObject({ held: true, near: 1 });
      expect(measureEvidence([kept], buildQuestion('Who maintains the Docker adapter?', adapter), ['person'])[0]).toMatchObject({ held: true, near: 1 });
      // A chair is a person: a company names none.
      expect(measureEvidence([kept], buildQuestion('Docker用のアダプターのチェアは誰？', adapter), ['person'])[0]).toMatchObject({ held: false });
      // Nor does a sentence that says nothing of keeping it going, or only the name the question asks about.
      expect(measureEvidence([buildPassage('Mirantisのアダプターはcri-dockerdです。', adapter)], buildQuestion('Docker用のアダプターって誰がメンテしてるの？', adapter), ['person'])[0]).toMatchObject({ held: false });
      expect(measureEvidence([buildPassage('Dockerがアダプターを維持しています。', adapter)], buildQuestion('Docker用のアダプターって誰がメンテしてるの？', adapter), ['person'])[0]).toMatchObject({ held: false });
    });
  });

  describe('selectMissingKinds', () => {
    it('misses a kind held only away from the question words, or held nowhere by a poorly covered passage', () => {
      expect(selectMissingKinds([{ kind: 'time', held: true, near: 0.1 }], 0.9, 0.5)).toEqual(['time']);
      expect(selectMissingKinds([{ kind: 'time', held: false, near: 0 }], 0.4, 0.5)).toEqual(['time']);
    });

    it('keeps a kind held beside the question words, or held nowhere by a well covered passage (the answer may rank lower)', () => {
      expect(selectMissingKinds([{ kind: 'time', held: true, near: 0.6 }], 0.9, 0.5)).toEqual([]);
      expect(selectMissingKinds([{ kind: 'time', held: false, near: 0 }], 0.9, 0.5)).toEqual([]);
    });

    it('misses code held nowhere however well the passage covers the question (an example is asked for by name)', () => {
      expect(selectMissingKinds([{ kind: 'code', held: false, near: 0 }], 0.9, 0.5)).toEqual(['code']);
      expect(selectMissingKinds([{ kind: 'code', held: true, near: 1 }], 0.9, 0.5)).toEqual([]);
    });

    it('misses a date asked for by name (リリース日, what date) held nowhere however well the passage covers the question', () => {
      expect(selectMissingKinds([{ kind: 'time', held: false, near: 0 }], 1, 0.5, undefined, ['time'])).toEqual(['time']);
      expect(selectMissingKinds([{ kind: 'time', held: true, near: 0.6 }], 1, 0.5, undefined, ['time'])).toEqual([]);
    });

    it('misses nothing while one of the asked kinds is answered (what and when: the what answers part)', () => {
      expect(selectMissingKinds([{ kind: 'time', held: true, near: 0.1 }, { kind: 'person', held: true, near: 0.8 }], 0.9, 0.5)).toEqual([]);
    });

    it('makes the tier none', () => {
      const signals = { topCoverage: 0.9, corpusCoverage: 0.9, unknownEntities: [] };
      expect(selectConfidence(signals)).toBe('high');
      expect(selectConfidence({ ...signals, missingKinds: ['time'] })).toBe('none');
    });
  });

  describe('in answer()', () => {
    let searcher: Searcher;
    beforeAll(async () => {
      searcher = await buildFixtureSearcher(CORPUS);
    });

    it('refuses a question for one release’s date when the articles give only another’s, and says why', () => {
      const a = answer(searcher, 'Kubernetes 1.31の正式リリースはいつ？');
      expect(a).toMatchObject({ answered: false, confidence: 'none', results: [] });
      expect(a.notices).toContainEqual({ kind: 'missingKinds', kinds: ['time'] });
      expect(a.suggestions[0]?.title).toBe('Kubernetesのこれまでとこれから');
    });

    it('tells the asker in Slack what was not found, under the question', () => {
      const message = buildAnswerMessage(answer(searcher, 'Kubernetes 1.31の正式リリースはいつ？'), { ephemeral: true, lang: 'ja' });
      const context = (message.blocks as any[]).find((b) => b.type === 'context');
      expect(context.elements.map((e: any) => e.text).join('\n')).toContain('聞かれている日付やバージョンは見つかりませんでした');
      expect(JSON.stringify(message.blocks)).toContain('Kubernetesのこれまでとこれから');
    });

    it('refuses a release date asked for by name when the passages shown hold no date at all, however well they cover the words', () => {
      const outcome = searcher.search('v1.30の正式リリース日っていつ？', { limit: 3 });
      const shown = [{ text: 'v1.30の正式リリースに向けて、新しい機能を紹介します。' }];
      expect(findMissingKinds(outcome, shown, 1, 0.5)).toEqual(['time']);
      expect(findMissingKinds({ ...outcome, query: { ...outcome.query, text: 'v1.30の正式リリースっていつ？' } }, shown, 1, 0.5)).toEqual([]);
      expect(findMissingKinds(outcome, [{ text: 'v1.30の正式リリースは2024年4月17日です。' }], 1, 0.5)).toEqual([]);
    });

    it('asks a setting asked for by name (which field, the Helm values) for code or a field name beside the thing it configures', () => {
      expect(selectEvidenceKinds('Which Helm values do I have to set?')).toEqual(['code']);
      expect(selectEvidenceKinds('サイドカーの再起動はどのフィールドで決まる？')).toEqual(['code']);
      expect(selectEvidenceKinds('Which setting keeps a sidecar running?')).toEqual(['code']);
      expect(selectEvidenceKinds('サイドカーの設定って難しい？')).toEqual([]);
      const outcome = searcher.search('Which setting keeps a sidecar container running after the main container exits?', { limit: 3 });
      expect(findMissingKinds(outcome, [{ text: 'A sidecar container keeps running after the main container exits; this can be configured.' }], 1, 0.5)).toEqual(['code']);
      expect(findMissingKinds(outcome, [{ text: 'A sidecar container keeps running after the main container exits when its restartPolicy is Always.' }], 1, 0.5)).toEqual([]);
    });

    it('asks a feature gate asked for by name for a gate named beside the feature, not beside generic words on another feature', () => {
      expect(selectEvidenceKinds('which feature gate do I turn on for the unhealthy pod eviction policy?')).toEqual(['gate']);
      expect(selectEvidenceKinds('チェックポイントのフィーチャーゲート名 教えて')).toEqual(['gate']);
      expect(selectEvidenceKinds('ContainerCheckpointのフィーチャーゲートっていつbetaになったの？')).toEqual(['time']);
      const query = analyseQuery('構造化パラメーターのフィーチャーゲート名と有効化方法');
      const weights = new Map(query.terms.map((t) => [t.term, t.term.startsWith('構造') ? 4 : 2]));
      const feature = '構造化パラメーターにより、ドライバーは定義済みのモデルでリソースを記述できます。';
      const other = 'NodeSwapフィーチャーゲートはデフォルトで無効化されており、有効化された場合の動作も変わります。';
      expect(findMissingKinds({ query, weights }, [{ text: feature }, { text: other }], 1, 0.5)).toEqual(['gate']);
      const gated = `${feature}使うにはDRAStructuredParametersフィーチャーゲートを有効化します。`;
      expect(findMissingKinds({ query, weights }, [{ text: gated }], 1, 0.5)).toEqual([]);
    });

    it('asks a command asked for by name for a command beside the thing it is for, not a flag of another tool', () => {
      expect(selectEvidenceKinds('DDSのコマンド教えて')).toContain('code');
      expect(selectEvidenceKinds("what's the exact command to install cri-dockerd?")).toContain('code');
      expect(selectEvidenceKinds('メンテ用スクリプトでdockerコマンド叩いてたんだけど、代わりに何使えばいい？')).not.toContain('code');
      const outcome = searcher.search('cri-dockerdをインストールするコマンド教えて', { limit: 3 });
      const named = { text: 'Docker Engineの代替アダプターの名前はcri-dockerdです。' };
      const other = { text: 'CRI-Oを起動します。\n$ sudo crio --enable-criu-support=true' };
      expect(findMissingKinds(outcome, [named, other], 1, 0.5)).toEqual(['code']);
      expect(findMissingKinds(outcome, [named, { text: 'cri-dockerdを入れます。\n$ sudo apt install cri-dockerd' }], 1, 0.5)).toEqual([]);
    });

    it('takes no listing of command output naming the thing as an example of configuring it', () => {
      const query = analyseQuery('Piraeus Operator で storage pool を定義する manifest の例ってある？');
      const weights = new Map(query.terms.map((t) => [t.term, t.term.includes('piraeus') ? 4 : 2]));
      expect(selectEvidenceKinds(query.text)).toContain('code');
      const listing = 'リリースを確認します。\nNAME       CHART              READY\ncozy-a     piraeus-operator   True\ncozy-b     kube-ovn           True';
      const listed = { text: listing, code: [[listing.indexOf('NAME'), listing.length]] as Array<[number, number]> };
      expect(findMissingKinds({ query, weights }, [listed], 1, 0.5)).toEqual(['code']);
      const manifest = 'Piraeus Operatorのstorage poolはこう定義します。\napiVersion: piraeus.io/v1\nkind: LinstorSatelliteConfiguration';
      const defined = { text: manifest, code: [[manifest.indexOf('apiVersion'), manifest.length]] as Array<[number, number]> };
      expect(findMissingKinds({ query, weights }, [defined], 1, 0.5)).toEqual([]);
    });

    it('takes a question that also asks what, in a clause of its own, as answered by a passage covering it well', () => {
      const query = analyseQuery('ブッククラブで最初に読んだ本ってなに？いつ始まったの？');
      const weights = new Map(query.terms.map((t) => [t.term, 2]));
      // The date sits sentences away from the question's words: no time evidence.
      const shown = [{ text: 'ブッククラブの最初の本はProduction Kubernetesでした。\n皆で読みました。\n楽しかったです。\nそれは2021年3月5日でした。' }];
      expect(findMissingKinds({ query, weights }, shown, 0.8, 0.5)).toEqual([]);
      // Covered in part only, the what is no answer either.
      expect(findMissingKinds({ query, weights }, shown, 0.4, 0.5)).toEqual(['time']);
      // 何 in the clause that asks the time is no what of its own (リリース日は何？).
      const date = analyseQuery('v1.30のリリース日は何？');
      expect(findMissingKinds({ query: date, weights: new Map(date.terms.map((t) => [t.term, 2])) }, [{ text: 'v1.30のリリースに向けて新機能を紹介します。' }], 0.8, 0.5)).toEqual(['time']);
    });

    it('refuses a who-question whose passages name no person at all, however well they cover the words', () => {
      const outcome = searcher.search('SIG Nodeのチェアって誰？', { limit: 3 });
      expect(findMissingKinds(outcome, [{ text: 'SIG Nodeのチェアの一覧は、Community GroupのページでTech Leadと並べて紹介されています。' }], 1, 0.5)).toEqual(['person']);
      expect(findMissingKinds(outcome, [{ text: 'SIG NodeのチェアはSergey Kanzhelevです。' }], 1, 0.5)).toEqual([]);
    });

    it('looks for a command beside the thing it is for, not beside a heavy ordinary word (取り of 取りたい) or the word command', () => {
      const query = analyseQuery('チェックポイント取りたい、コマンド教えて');
      // As the corpus weighs them: 取り is rare in articles, so as heavy as コマンド and heavier than the thing.
      const weights = new Map(query.terms.map((t) => [t.term, t.term === '取り' || /コマンド|command/.test(t.term) ? 2.65 : 2.02]));
      const shown = [{ text: 'チェックポイントを作成するには、次を実行します。\n$ sudo crictl checkpoint --export=/tmp/a.tar abc', code: [[0, 0]] as Array<[number, number]> }];
      expect(findMissingKinds({ query, weights }, shown, 1, 0.5)).toEqual([]);
      expect(findMissingKinds({ query, weights }, [{ text: 'コマンドを取りまとめました。\n$ sudo apt install foo' }], 1, 0.5)).toEqual(['code']);
    });

    it('answers the release whose date the articles give, and a person named beside the question words', () => {
      expect(answer(searcher, 'Kubernetes 1.30はいつリリースされた？')).toMatchObject({ answered: true, confidence: 'high' });
      const who = answer(searcher, 'SIG Nodeのチェアって誰？');
      expect(who).toMatchObject({ answered: true, confidence: 'high' });
      expect(who.notices.some((n) => n.kind === 'missingKinds')).toBe(false);
    });
  });

  describe('in answer(), code', () => {
    let searcher: Searcher;
    beforeAll(async () => {
      searcher = await buildFixtureSearcher(CORPUS);
    });

    it('refuses a request for an example when the passages found show no code', () => {
      const a = answer(searcher, 'kubeletの設定例を教えて');
      expect(a).toMatchObject({ answered: false, confidence: 'none' });
      expect(a.notices).toContainEqual({ kind: 'missingKinds', kinds: ['code'] });
    });

    it('answers it from a passage with a manifest', () => {
      const a = answer(searcher, 'サイドカーコンテナの設定例を教えて');
      expect(a).toMatchObject({ answered: true, confidence: 'high' });
      expect(a.results.some((r) => r.code?.includes('restartPolicy: Always'))).toBe(true);
    });
  });

  describe('the missingKinds notice', () => {
    it('names what was not found, in Japanese and in English', () => {
      expect(messages('ja').notice({ kind: 'missingKinds', kinds: ['time'] })).toBe('記事にこの話題は出てきますが、聞かれている日付やバージョンは見つかりませんでした。');
      expect(messages('en').notice({ kind: 'missingKinds', kinds: ['person'] })).toBe('The articles touch on this, but none gives the name of a person asked for.');
      expect(messages('ja').notice({ kind: 'missingKinds', kinds: ['code'] })).toContain('コード例や設定例');
    });
  });
});
