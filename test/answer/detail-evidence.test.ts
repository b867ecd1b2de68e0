import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import { findMissingDetails, holdsEdition, holdsReleaseDate, measureDetail, selectDetailKinds, selectEditions } from '../../src/answer/detail-evidence.js';
import { messages } from '../../src/i18n/messages.js';
import { findSpans } from '../../src/search/spans.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';
import { buildPassage, buildQuestion } from '../support/evidence-question.js';

const CORPUS = fileURLToPath(new URL('../fixtures/detail-evidence-corpus', import.meta.url));


describe('answer/detail-evidence', () => {
  describe('selectDetailKinds', () => {
    it('reads a question asking where an event was held, which day, a title, or a count at a release', () => {
      expect(selectDetailKinds('where was KubeCon EU 2017 held?')).toEqual(['place']);
      expect(selectDetailKinds('KubeCon EU 2024はどこで開催された？')).toEqual(['place']);
      expect(selectDetailKinds('Where did KubeCon EU 2024 take place?')).toEqual(['place']);
      expect(selectDetailKinds('SIG Authのミーティングって何曜日？')).toEqual(['day']);
      expect(selectDetailKinds('What time does SIG Node meet?')).toEqual(['day']);
      expect(selectDetailKinds('SIG Nodeのミーティングって何時から？')).toEqual(['day']);
      expect(selectDetailKinds('KubeCon NA 2023での講演タイトルは？')).toEqual(['title']);
      expect(selectDetailKinds('Kubernetes 1.0のときコントリビューター何人いた？')).toEqual(['count']);
      expect(selectDetailKinds('How many contributors did Kubernetes have at 1.0?')).toEqual(['count']);
      expect(selectDetailKinds('2017年時点でメンバーは何人？')).toEqual(['count']);
      // A count of people is asked for with or without a release or year.
      expect(selectDetailKinds('ブッククラブって今メンバー何人くらいいるの')).toEqual(['count']);
      expect(selectDetailKinds('ブッククラブは2021年に始まって、今メンバー何人？')).toEqual(['count']);
      expect(selectDetailKinds('How many people applied to the shadow program?')).toEqual(['count']);
    });

    it('reads nothing in a question asking where a file goes, since when, what a thing is called, or a count for no release', () => {
      expect(selectDetailKinds('CRI-Oでseccompのアノテーション効くようにするにはどこ設定する？')).toEqual([]);
      expect(selectDetailKinds('この機能は何時から使えるの？')).toEqual([]);
      expect(selectDetailKinds("what's the adapter called that Mirantis keeps maintaining?")).toEqual([]);
      expect(selectDetailKinds('How many releases has Kubernetes had over its first 10 years?')).toEqual([]);
      // The release dates something else than the count.
      expect(selectDetailKinds('v1.31で何行のコードが削除された？')).toEqual([]);
      // A detail mentioned, not asked for; a meeting asked about by いつ may be answered by 毎週.
      expect(selectDetailKinds('PRはタイトルしか読まないの？')).toEqual([]);
      expect(selectDetailKinds('曜日による影響を抑えるのはなぜ？')).toEqual([]);
      expect(selectDetailKinds('会場は満員だった？')).toEqual([]);
      expect(selectDetailKinds('SIG Nodeの議論ってどこでやってる？')).toEqual([]);
      expect(selectDetailKinds('リリースミーティングっていつやってる？')).toEqual([]);
    });
  });

  describe('selectDetailKinds: durations, defaults and stages', () => {
    it('reads a question asking how long, for a default value, or for the release a thing reached a stage in', () => {
      expect(selectDetailKinds('チェックポイントの保持期間の設定ある？')).toEqual(['duration']);
      expect(selectDetailKinds('各マイナーバージョンは何ヶ月サポートだったの？')).toEqual(['duration']);
      expect(selectDetailKinds('How long are container logs kept?')).toEqual(['duration']);
      // A default asked in seconds: the default's to judge (an example value is no default).
      expect(selectDetailKinds('書かなかった場合、デフォルトの猶予って何秒になるの？')).toEqual(['default']);
      expect(selectDetailKinds("what's the default eviction threshold for imagefs?")).toEqual(['default']);
      expect(selectDetailKinds('In which Kubernetes release did PodReadyGate graduate to GA?')).toEqual(['stage']);
      expect(selectDetailKinds('Which Kubernetes minor version did PodReadyGate reach GA in?')).toEqual(['stage']);
      expect(selectDetailKinds('PodReadyGateはどのバージョンでベータになった？')).toEqual(['stage']);
      expect(selectDetailKinds('PodReadyGate って何 version で beta になる予定？')).toEqual(['stage']);
      // The release asked for after a clause (…になったのは、Kubernetesのどのバージョン), and a stage moved up to.
      expect(selectDetailKinds('PodReadyGateフィールドがGAになったのは、Kubernetesのどのバージョンですか？')).toEqual(['stage']);
      expect(selectDetailKinds('PodReadyGateがアルファからベータに上がったのって、どのバージョン？')).toEqual(['stage']);
      expect(selectDetailKinds('private registry から pull したいとき、認証情報ってどこに設定するの？')).toEqual(['setting']);
      expect(selectDetailKinds('Where do I set the registry credentials?')).toEqual(['setting']);
      // Where a file goes is answered by a passage naming the file.
      expect(selectDetailKinds('seccompプロファイルはどこに置けば読まれる？')).toEqual(['setting']);
    });
    it('reads none in a question asking whether a default stays, since when, or which year', () => {
      expect(selectDetailKinds('memory.availableだけ書いたら、nodefsのしきい値はデフォルトのまま残る？')).toEqual([]);
      // Not a length of time (何年) nor a stage: the date of the release.
      expect(selectDetailKinds('Kubernetes 1.21って何年何月にリリースされた？')).toEqual(['released']);
      expect(selectDetailKinds('What is a stable release?')).toEqual([]);
    });
  });

  describe('selectEditions', () => {
    it('reads an event named with a region and a year, but not a month or a date', () => {
      expect(selectEditions('what did AWS talk about in their KubeCon EU 2023 keynote?')).toEqual([{ text: 'KubeCon EU 2023', name: 'KubeCon', qualifiers: ['EU', '2023'] }]);
      expect(selectEditions('DockerCon 2014で発表したのは誰？')).toEqual([{ text: 'DockerCon 2014', name: 'DockerCon', qualifiers: ['2014'] }]);
      expect(selectEditions('What happened in April 2021?')).toEqual([]);
      expect(selectEditions('Kubernetes 2014年6月の初コミット')).toEqual([]);
      expect(selectEditions('Kubernetes 1.30の新機能')).toEqual([]);
    });
  });

  describe('holdsEdition', () => {
    const [eu2023] = selectEditions('KubeCon EU 2023の基調講演');
    it('is not held by another edition of the event, nor by its region and year apart', () => {
      expect(holdsEdition(['KubeCon NA 2023で話すCarlos Santanaさん'], eu2023!)).toBe(false);
      expect(holdsEdition(['KubeCon 2022 NA の Keynote で AWS が話しました。'], eu2023!)).toBe(false);
      expect(holdsEdition(['KubeCon EU 2017', 'KubeCon NA 2023で話す'], eu2023!)).toBe(false);
    });
    it('is held by the edition however its region is written', () => {
      expect(holdsEdition(['KubeCon EU 2023の基調講演でAWSが話しました。'], eu2023!)).toBe(true);
      expect(holdsEdition(['KubeCon + CloudNativeCon Europe 2023で発表がありました。'], eu2023!)).toBe(true);
      expect(holdsEdition(['KubeCon North America 2023で話しました。'], selectEditions('KubeCon NA 2023')[0]!)).toBe(true);
      // "to" is no abbreviation of Tokyo.
      expect(holdsEdition(['Meetup 2023 was great to attend.'], selectEditions('Meetup Tokyo 2023')[0]!)).toBe(false);
    });
  });

  describe('measureDetail', () => {
    it('finds a weekday, a venue or a quoted title beside the question’s words, not away from them', () => {
      const words = ['SIG Auth', 'ミーティング'];
      const q = buildQuestion('SIG Authのミーティングって何曜日？', words);
      expect(measureDetail([buildPassage('SIG Authのミーティングは毎週水曜日です。', words)], q, 'day')).toBe(1);
      expect(measureDetail([buildPassage('SIG Authのミーティングには誰でも参加できます。', words)], q, 'day')).toBe(0);
      const venue = ['KubeCon'];
      expect(measureDetail([buildPassage('KubeCon EU 2024はパリで開催されました。', venue)], buildQuestion('KubeCon EU 2024はどこで開催？', venue), 'place')).toBe(1);
      const talk = ['Carlos', '講演'];
      expect(measureDetail([buildPassage('Carlosさんは「ブッククラブの作り方」という講演をしました。', talk)], buildQuestion('Carlosさんの講演タイトルは？', talk), 'title')).toBe(1);
      expect(measureDetail([buildPassage('Carlosさんの講演は好評でした。', talk)], buildQuestion('Carlosさんの講演タイトルは？', talk), 'title')).toBe(0);
    });

    it('finds a count of the asked counter only beside the release the question names', () => {
      const words = ['コントリビューター', '1.0'];
      const q = buildQuestion('Kubernetes 1.0のときコントリビューター何人いた？', words);
      expect(measureDetail([buildPassage('1.0のリリース時、コントリビューターは約400人でした。', words)], q, 'count')).toBe(1);
      // Today's count, far from 1.0; and 1.0's date, which is no count of people.
      expect(measureDetail([buildPassage('1.0は2015年7月21日にリリースされました。\n採用が進みました。\n改善が続きました。\n今日は88,474人のコントリビューターがいます。', words)], q, 'count')).toBe(0);
    });

    it('finds a count of people asked with no release beside the question’s words, whatever year the question names', () => {
      const words = ['応募', 'シャドウ'];
      const q = buildQuestion('シャドウには毎回何人応募してるの？', words);
      expect(measureDetail([buildPassage('シャドウへの応募者は毎回200人を超えます。', words)], q, 'count')).toBe(1);
      // Growth in words is no count; nor is the program's length.
      expect(measureDetail([buildPassage('シャドウへの応募者数は飛躍的に増えています。 プログラムは約3ヶ月です。', words)], q, 'count')).toBe(0);
      const club = ['ブッククラブ', 'メンバー'];
      const since = buildQuestion('ブッククラブは2021年に始まって、今メンバー何人？', club);
      expect(measureDetail([buildPassage('ブッククラブのメンバーは600人以上に急増しました。', club)], since, 'count')).toBe(1);
    });
  });

  describe('figures: a measured difference asked for', () => {
    it('reads a question asking how much faster, for numbers or a benchmark, or どのくらい changed', () => {
      expect(selectDetailKinds('How much lower is the latency with PodReadyGate? Any numbers?')).toEqual(['figure']);
      expect(selectDetailKinds('Is there a benchmark comparing runc and crun?')).toEqual(['figure']);
      expect(selectDetailKinds('PodReadyGateを有効にすると起動時間はどのくらい短くなりますか？')).toEqual(['figure']);
      expect(selectDetailKinds('crun って runc の何倍速いの？')).toEqual(['figure']);
      // Not a measured difference: a threshold, whether it improves, how a thing works.
      expect(selectDetailKinds('imagefsの空き容量が何%を下回ったら退避が始まりますか？')).toEqual([]);
      expect(selectDetailKinds('containerdにするとパフォーマンスは良くなる？')).toEqual([]);
      expect(selectDetailKinds('How does PodReadyGate improve startup?')).toEqual([]);
    });
    it('finds a count, a share or a ratio beside the question\u2019s words, never a year, a release or the article\u2019s words that it improves', () => {
      const words = ['コード', 'バイナリ'];
      const q = buildQuestion('コードやバイナリはどのくらい減った？', words);
      expect(measureDetail([buildPassage('約150万行のコードを削除し、バイナリサイズを約40%削減しました。', words)], q, 'figure')).toBe(1);
      expect(measureDetail([buildPassage('バイナリは半分になりました。', words)], q, 'figure')).toBeGreaterThan(0);
      expect(measureDetail([buildPassage('2024年にコードを整理し、バイナリも小さくなりました。', words)], q, 'figure')).toBe(0);
      expect(measureDetail([buildPassage('v1.31でコードを削除し、バイナリの性能が向上しました。', words)], q, 'figure')).toBe(0);
    });
    it('says in the asker\u2019s language that no article gives the figure', () => {
      expect(messages('ja').notice({ kind: 'missingDetails', kinds: ['figure'], editions: [] })).toContain('具体的な数値');
      expect(messages('en').notice({ kind: 'missingDetails', kinds: ['figure'], editions: [] })).toContain('measured figure');
    });
  });

  describe('measureDetail: durations, defaults and stages', () => {
    it('finds a length of time beside the question’s words, never a year or a date', () => {
      const words = ['ログ'];
      const q = buildQuestion('ログの保持期間は？', words);
      expect(measureDetail([buildPassage('ログは7日間保持されます。', words)], q, 'duration')).toBe(1);
      expect(measureDetail([buildPassage('ログの形式は2020年8月12日に変わりました。', words)], q, 'duration')).toBe(0);
      // The question's own length of time answers nothing.
      const support = ['サポート'];
      expect(measureDetail([buildPassage('1.19でサポート期間が1年に延長されました。', support)], buildQuestion('サポート期間が1年に延びる前は何ヶ月？', support), 'duration')).toBe(0);
    });
    it('finds a default only where a sentence names a default with its value, or introduces a list of them', () => {
      const words = ['imagefs.available'];
      const q = buildQuestion("what's the default threshold for imagefs.available?", words);
      expect(measureDetail([buildPassage('既存のデフォルト値を使用できます:\nmemory.available < 100MiB\nnodefs.available < 10%\nimagefs.available < 15%', words)], q, 'default')).toBe(1);
      expect(measureDetail([buildPassage('imagefs.availableの値を指定すると、デフォルト値が置き換えられます。', words)], q, 'default')).toBe(0);
    });
    it('finds a release only beside the asked stage', () => {
      const words = ['PodReadyGate'];
      const q = buildQuestion('In which release did PodReadyGate graduate to GA?', words);
      expect(measureDetail([buildPassage('PodReadyGateはv1.29でGAになりました。', words)], q, 'stage')).toBe(1);
      expect(measureDetail([buildPassage('PodReadyGateはv1.26でアルファ機能として導入されました。', words)], q, 'stage')).toBe(0);
    });
    it('takes the stage\'s sentence with the question\'s subject a sentence or two before it, not further', () => {
      const words = ['コピー', 'こっそり', 'PodReadyGate'];
      const q = buildQuestion('コンテナをこっそりコピーするPodReadyGate機能は、どのバージョンでalphaとして入った？', words);
      const third = 1 / 3;
      expect(measureDetail([buildPassage('PodReadyGateはコンテナのコピーを作ります。PodReadyGateはv1.25でalpha機能として導入されました。', words)], q, 'stage')).toBeCloseTo(third);
      expect(measureDetail([buildPassage('PodReadyGateはコンテナのコピーを作ります。これは調査に使えます。分析は別の環境で行います。結果は保存されます。PodReadyGateはv1.25でalpha機能として導入されました。', words)], q, 'stage')).toBe(0);
      // A stage sentence on another thing is that thing's.
      expect(measureDetail([buildPassage('PodReadyGateはコンテナのコピーを作ります。SidecarGateはv1.25でalpha機能として導入されました。', words)], q, 'stage')).toBe(0);
    });
    it('reads a stage asked with when (いつbetaになった), answered by a release or a date beside the stage', () => {
      expect(selectDetailKinds('PodReadyGateはいつGAになったの？')).toEqual(['stage']);
      expect(selectDetailKinds('PodReadyGateのフィーチャーゲートっていつbetaになったの？')).toEqual(['stage']);
      expect(selectDetailKinds('When did PodReadyGate become beta?')).toEqual(['stage']);
      const words = ['PodReadyGate'];
      const q = buildQuestion('PodReadyGateはいつbetaになったの？', words);
      expect(measureDetail([buildPassage('PodReadyGateは2023年8月にbetaになりました。', words)], q, 'stage')).toBe(1);
      expect(measureDetail([buildPassage('PodReadyGateはv1.27でbetaになりました。', words)], q, 'stage')).toBe(1);
      expect(measureDetail([buildPassage('PodReadyGateは2022年にalpha機能として導入されました。', words)], q, 'stage')).toBe(0);
      // Which release is answered by a release only.
      expect(measureDetail([buildPassage('PodReadyGateは2023年8月にGAになりました。', words)], buildQuestion('In which release did PodReadyGate graduate to GA?', words), 'stage')).toBe(0);
    });
  });

  describe('in answer()', () => {
    let searcher: Searcher;
    beforeAll(async () => {
      searcher = await buildFixtureSearcher(CORPUS);
    });

    it('refuses a question for a detail the articles do not give, and says which', () => {
      for (const [question, kind] of [
        ['SIG Authのミーティングって何曜日？', 'day'],
        ['where was KubeCon NA 2023 held?', 'place'],
        ['KubeCon NA 2023でのCarlos Santanaさんの講演タイトルは？', 'title'],
        ['Kubernetes 1.0のときコントリビューター何人いた？', 'count'],
      ] as const) {
        const a = answer(searcher, question);
        expect(a, question).toMatchObject({ answered: false, confidence: 'none', results: [] });
        expect(a.notices, question).toContainEqual({ kind: 'missingDetails', kinds: [kind], editions: [] });
      }
      expect(messages('ja').notice({ kind: 'missingDetails', kinds: ['day'], editions: [] })).toContain('曜日や時刻は見つかりませんでした');
    });

    it('refuses a question about an edition of an event the articles name only other editions of', () => {
      const a = answer(searcher, 'what did AWS talk about in their KubeCon EU 2023 keynote?');
      expect(a).toMatchObject({ answered: false, confidence: 'none' });
      expect(a.notices).toContainEqual({ kind: 'missingDetails', kinds: [], editions: ['KubeCon EU 2023'] });
      expect(messages('en').notice(a.notices.at(-1)!)).toBe('No article mentions KubeCon EU 2023 itself.');
    });

    it('refuses a length of time, a default or a release of a stage the articles do not give', () => {
      for (const [question, kind] of [
        ['/var/lib/kubelet/checkpoints のチェックポイントの tar って保持期間の設定ある？', 'duration'],
        ['evictionSoftGracePeriod を書かなかった場合、デフォルトの猶予って何秒になるの？', 'default'],
        ['In which Kubernetes release did PodReadyGate graduate to GA?', 'stage'],
        // 認証 is in the corpus (SIG Auth), not beside the checkpoints.
        ['チェックポイントのイメージの認証ってどこに設定するの？', 'setting'],
      ] as const) {
        const a = answer(searcher, question);
        expect(a, question).toMatchObject({ answered: false, confidence: 'none', results: [] });
        expect(a.notices, question).toContainEqual({ kind: 'missingDetails', kinds: [kind], editions: [] });
      }
      expect(messages('ja').notice({ kind: 'missingDetails', kinds: ['default'], editions: [] })).toContain('デフォルト値は見つかりませんでした');
      expect(messages('en').notice({ kind: 'missingDetails', kinds: ['duration'], editions: [] })).toContain('none gives the length of time asked for');
    });

    it('answers the length of time, default or release the articles give', () => {
      expect(answer(searcher, 'コンテナのログは kubelet が何日保持するの？')).toMatchObject({ answered: true });
      expect(answer(searcher, "what's the default eviction threshold for imagefs.available?")).toMatchObject({ answered: true });
      expect(answer(searcher, 'In which Kubernetes release did SidecarGate graduate to GA?')).toMatchObject({ answered: true });
      expect(answer(searcher, 'チェックポイントの tar アーカイブってどこに置かれるの？')).toMatchObject({ answered: true });
    });

    it('answers the detail the articles give', () => {
      expect(answer(searcher, 'SIG Nodeのミーティングって何曜日？')).toMatchObject({ answered: true });
      expect(answer(searcher, 'KubeCon EU 2024はどこで開催された？')).toMatchObject({ answered: true });
      expect(answer(searcher, 'what did Carlos Santana do at KubeCon NA 2023?')).toMatchObject({ answered: true });
    });

    it('finds a title given sentences away from the question’s words, under a heading naming its subject', () => {
      const outcome = searcher.search('Carlos Santanaさんの講演タイトルは？', { limit: 3 });
      const spansOf = (t: string) => findSpans(t, outcome.query.terms, outcome.weights, { foldProlonged: true });
      const text = 'FSM: 最初のテーマは何でしたか?\nCS: すべては『Production Kubernetes』から始まりました。';
      expect(findMissingDetails(outcome, [{ text, sectionPath: ['Carlos Santanaさんの講演'] }], spansOf)).toEqual({ kinds: [], editions: [] });
      expect(findMissingDetails(outcome, [{ text }], spansOf)).toEqual({ kinds: ['title'], editions: [] });
    });

    it('reads the release of a stage from the best page\'s next retrieved passage when the shown ones only use the feature', () => {
      const outcome = searcher.search('In which Kubernetes release did SidecarGate graduate to GA?', { limit: 3 });
      const spansOf = (t: string) => findSpans(t, outcome.query.terms, outcome.weights, { foldProlonged: true });
      const shown = [{ text: 'SidecarGateを使うには、フィーチャーゲートを有効にしたクラスターを実行します。' }];
      const opening = { text: 'SidecarGateはKubernetes v1.29でGAになりました。' };
      expect(findMissingDetails(outcome, shown, spansOf)).toEqual({ kinds: ['stage'], editions: [] });
      expect(findMissingDetails(outcome, shown, spansOf, undefined, [opening])).toEqual({ kinds: [], editions: [] });
      // Only a stage reads it: a default still needs a shown passage.
      const other = { text: 'SidecarGateのデフォルトは30秒です。' };
      const asked = searcher.search('SidecarGateのデフォルトの猶予って何秒になるの？', { limit: 3 });
      const askedSpans = (t: string) => findSpans(t, asked.query.terms, asked.weights, { foldProlonged: true });
      expect(findMissingDetails(asked, shown, askedSpans, undefined, [other]).kinds).toEqual(['default']);
    });

    it('asks for the date of a named release, and finds it only in a sentence dating that version', () => {
      expect(selectDetailKinds('When was Kubernetes 1.25 released?')).toEqual(['released']);
      expect(selectDetailKinds('containerd 2.0っていつリリースされる予定なんですか？')).toEqual(['released']);
      expect(selectDetailKinds('v1.30の正式リリース日っていつ？')).toEqual(['released']);
      expect(selectDetailKinds('On what exact date was Kubernetes v1.30 actually released?')).toEqual(['released']);
      expect(selectDetailKinds('Which features were released in v1.30?')).toEqual([]);
      // No version named: a change of the release cadence is dated by other means.
      expect(selectDetailKinds('リリースが年3回になったのいつから？')).toEqual([]);
      const q = 'When was Kubernetes 1.25 released?';
      expect(holdsReleaseDate([{ text: 'Kubernetes 1.25は2022年8月23日にリリースされました。' }], q)).toBe(true);
      expect(holdsReleaseDate([{ text: 'Kubernetes v1.25.0 was released on August 23, 2022.' }], q)).toBe(true);
      expect(holdsReleaseDate([{ text: 'フォレンジックコンテナチェックポイント処理はKubernetes v1.25でalpha機能として導入されました。' }], q)).toBe(false);
      expect(holdsReleaseDate([{ text: 'Kubernetes 1.26は2022年12月にリリースされました。 1.25ではPSPが削除されました。' }], q)).toBe(false);
      expect(messages('en').notice({ kind: 'missingDetails', kinds: ['released'], editions: [] })).toContain('date of that release');
    });

    it('asks for a sum of money, and refuses it when no shown passage gives one', () => {
      expect(selectDetailKinds('how much was the project paying per year for image egress?')).toEqual(['amount']);
      expect(selectDetailKinds('このクラスタの運用費用はどれくらい？')).toEqual(['amount']);
      // A cost as a reason is no sum asked for.
      expect(selectDetailKinds('registry.k8s.io にイメージ置き場移したのってなんで？コスト？')).toEqual([]);
      const outcome = searcher.search('how much does the project pay per year for SidecarGate?', { limit: 3 });
      const spansOf = (t: string) => findSpans(t, outcome.query.terms, outcome.weights, { foldProlonged: true });
      expect(findMissingDetails(outcome, [{ text: 'SidecarGateのコストは大きな課題でした。' }], spansOf).kinds).toEqual(['amount']);
      expect(findMissingDetails(outcome, [{ text: 'SidecarGateには年間15万ドルかかっていました。' }], spansOf).kinds).toEqual([]);
      expect(findMissingDetails(outcome, [{ text: 'SidecarGate cost the project $150,000 a year.' }], spansOf).kinds).toEqual([]);
      // A currency sign after the figure, as Japanese posts write it.
      expect(findMissingDetails(outcome, [{ text: 'SidecarGateには 3M$ / year かかっていました。' }], spansOf).kinds).toEqual([]);
      expect(messages('ja').notice({ kind: 'missingDetails', kinds: ['amount'], editions: [] })).toContain('金額');
    });

    it('asks for a country, and takes only a country named beside the subject (not a language)', () => {
      expect(selectDetailKinds('SidecarGateを作っている会社って、どこの国の会社なんですか？')).toEqual(['country']);
      expect(selectDetailKinds('Where is the company behind SidecarGate based?')).toEqual(['country']);
      expect(selectDetailKinds('SidecarGateはどこの会社が作ってる？')).toEqual([]);
      const outcome = searcher.search('SidecarGateを作っているのはどこの国の会社？', { limit: 3 });
      const spansOf = (t: string) => findSpans(t, outcome.query.terms, outcome.weights, { foldProlonged: true });
      expect(findMissingDetails(outcome, [{ text: 'SidecarGateは日本語の資料が多い会社が作っています。' }], spansOf).kinds).toEqual(['country']);
      expect(findMissingDetails(outcome, [{ text: 'SidecarGateはフランスの会社が作っています。' }], spansOf).kinds).toEqual([]);
      expect(findMissingDetails(outcome, [{ text: 'SidecarGate is made by a company in Germany.' }], spansOf).kinds).toEqual([]);
      expect(messages('ja').notice({ kind: 'missingDetails', kinds: ['country'], editions: [] })).toContain('国');
    });

    it('makes a missing detail a refusal in selectConfidence', () => {
      expect(selectConfidence({ topCoverage: 1, corpusCoverage: 1, unknownEntities: [], missingDetails: ['day'] })).toBe('none');
      expect(selectConfidence({ topCoverage: 1, corpusCoverage: 1, unknownEntities: [], missingDetails: [] })).toBe('high');
    });
  });
});
