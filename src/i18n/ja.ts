/** 日本語 (the default). */
import type { EvidenceKind } from '../answer/types.js';
import type { DetailKind } from '../answer/detail-evidence.js';
import type { Messages } from './messages.js';

/** What a question asks for (search/asked-things.ts), as the missingKinds notice names it. */
const JA_KINDS: Record<EvidenceKind, string> = { time: '日付やバージョン', person: '人の名前', number: '数', flag: 'フラグ', gate: 'フィーチャーゲート名', code: 'コード例や設定例' };

/** A detail asked for (detail-evidence.ts), as the missingDetails notice names it. */
const JA_DETAILS: Record<DetailKind, string> = { place: '開催場所', country: '国', day: '曜日や時刻', title: 'タイトル', count: 'その時点の数', duration: '期間や時間', default: 'デフォルト値', stage: 'その段階になったリリース', setting: '設定する場所', released: 'そのリリースの日付', amount: '金額', figure: '具体的な数値' };

export const ja: Messages = {
  lang: 'ja',
  questionLabel: '質問:',
  emptyQuestion: '(質問が空です)',
  askPrompt: 'Kubernetes について質問してください。例: _サイドカーコンテナってどう定義するの?_',
  noAnswer: '記事の中に、自信をもってお答えできる箇所が見つかりませんでした。',
  closestArticles: '近そうな記事:',
  askCommunity: (channel) => `コミュニティの ${channel} で聞いてみてください。`,
  discussedIn: (channel) => `💬 この話題は ${channel} で話されています`,
  resultChannel: (channel) => `💬 ${channel}`,
  sharedBy: (user) => `${user} さんが共有`,
  lowConfidence: '⚠️ 関連しそうな箇所です。確信はありません。',
  noConfidence: (missing) => (missing ? `記事には ${missing} についての記述がありません。` : '記事にはこの質問に答える記述がありません。'),
  followUpOf: (question) => `↩︎ スレッドの前の質問「${question}」も踏まえて探しました`,
  sectionFromText: (words) => `「${words}」から`,
  codeCut: (lines) => `(残り ${lines} 行は記事で)`,
  notice: (n) => {
    switch (n.kind) {
      case 'truncated':
        return `質問が ${n.length} 文字と長いため、最初の ${n.max} 文字だけで探しました。`;
      case 'empty':
        return '質問が空です。';
      case 'noSearchableWords':
        return '質問に検索できる語がありません。';
      case 'unknownNames':
        return `${n.names.join('、')} に触れている記事はありません。`;
      case 'absentNames':
        return `1 件目のページには ${n.names.join('、')} が出てきません。近い話題の箇所です。`;
      case 'unheldValues':
        return `記事には ${n.values.join('、')} という記述が見つかりませんでした。質問の前提が記事の内容と違うかもしれません。`;
      case 'unheldRoles':
        return n.roles.map((r) => `記事では ${r.person} さんは ${r.owner ? `${r.owner} の` : ''}${r.role}としては紹介されていません。`).join('') + '質問の前提が記事の内容と違うかもしれません。';
      case 'unheldAffiliations':
        return n.affiliations.map((a) => (a.product ? `記事では ${a.person} は ${a.firm} が作ったものとしては紹介されていません。` : `記事では ${a.person} さんは ${a.firm} の人としては紹介されていません。`)).join('') + '質問の前提が記事の内容と違うかもしれません。';
      case 'unheldPairings':
        return n.pairings.map((p) => `記事では ${p.name} は ${p.stated} ではなく ${p.found} と一緒に書かれています。`).join('') + '質問の前提が記事の内容と違うかもしれません。';
      case 'strandedNames':
        return `記事に ${n.names.join('、')} は出てきますが、質問のほかの内容と一緒に書かれた箇所は見つかりませんでした。`;
      case 'missingKinds':
        return `記事にこの話題は出てきますが、聞かれている${n.kinds.map((k) => JA_KINDS[k]).join('・')}は見つかりませんでした。`;
      case 'siblingNames':
        return n.contrasts.map((c) => `見つかったのは ${c.found.slice(0, 2).join('、')} の話で、${c.asked} の話は見つかりませんでした。`).join('');
      case 'passingNames':
        return `記事では ${n.names.join('、')} に触れているだけで、詳しい説明は見つかりませんでした。`;
      case 'roleGaps':
        return n.gaps.map((g) => (g.asks === 'role' ? `記事には ${g.of} の役職は書かれていません。` : g.of ? `記事には ${g.of} の${g.role}が誰かは書かれていません。` : `記事には、聞かれている${g.role}が誰かは書かれていません。`)).join('');
      case 'missingDetails':
        return [
          ...(n.kinds.length > 0 ? [`記事にこの話題は出てきますが、聞かれている${n.kinds.map((k) => JA_DETAILS[k]).join('・')}は見つかりませんでした。`] : []),
          ...(n.editions.length > 0 ? [`${n.editions.join('、')} そのものについての記述は見つかりませんでした。`] : []),
        ].join('');
    }
  },
  moreResults: 'ほかの結果',
  share: 'チャンネルに共有',
  starting: '記事を読み込んでいるところです。数秒後にもう一度聞いてください。',
  apology: '回答中に問題が起きました。少し待ってからもう一度お試しください。',
  mayNotHaveArrived: '回答が届いたか確認できませんでした。表示されていなければ、もう一度質問してください。',
  expired: 'このボタンは期限切れです。もう一度質問してください。',
  thanks: 'フィードバックありがとうございます!',
  cannotShare: 'このチャンネルに回答を共有できませんでした。ボットがメンバーでなければ `/invite @k8s-bot` で招待してから、もう一度お試しください。',
  noMoreResults: 'この質問の結果はこれ以上ありません。',
  helpHeader: (command) => `${command} の使い方`,
  helpUsage: (command) => [
    `\`${command} <質問>\` — 日本語の Kubernetes 記事から答えます。あなただけに表示されます (役に立ったら *チャンネルに共有*)`,
    `\`${command} latest\` — 新着記事`,
    `\`${command} digest\` — 次のダイジェスト (新しく追加された記事のまとめ) のプレビュー`,
    `\`${command} help\` — このメッセージ`,
    'チャンネルでメンションすると (`@k8s-bot <質問>`) スレッドで答えます。スレッドでもう一度メンションすれば、前の質問を踏まえて答えます。DM でも質問できます。',
    'メッセージのメニュー (⋯) の *k8s-bot に聞く* で、そのメッセージについて答えます (あなただけに表示)。',
  ],
  helpExamplesTitle: '*質問の例*',
  helpExamples: ['サイドカーコンテナってどう定義するの?', 'dockershim 削除 理由', 'PodDisruptionBudget unhealthy pod eviction'],
  helpFooter: 'どの回答にも記事・節・日付の出典と、その話題を話しているコミュニティのチャンネルが付きます。',
  helpFallback: (command) => `Kubernetes について聞いてください: ${command} <質問>、${command} latest、${command} help`,
  latestHeader: '新着記事',
  noArticles: 'まだ記事がありません。',
  shortcutEmpty: 'このメッセージには質問にできる文字がありません。',
  homeTitle: 'k8s-bot へようこそ',
  homeHowTo: (command) => [
    `\`${command} <質問>\` — あなただけに答えます`,
    'チャンネルで `@k8s-bot <質問>` — スレッドで答えます。続けて質問するときはスレッドでメンション',
    'このアプリのメッセージタブに DM — DM で答えます',
    'メッセージのメニュー (⋯) → *k8s-bot に聞く* — そのメッセージについて答えます',
  ],
  homeLatest: '新着記事',
  homeChannels: 'コミュニティのチャンネル',
  homeChannelLine: (channel, sigs) => (sigs ? `${channel} — ${sigs}` : channel),
  digestHeading: (range) => `新着記事 (${range})`,
  digestHeadingFor: (channel, range) => `#${channel} 向けの新着記事 (${range})`,
  digestRange: (first, last, total) => `${total} 件中 ${first}–${last}`,
  previewHeader: '次のダイジェスト (プレビュー)',
  previewNoRun: (articles, channel) =>
    `ダイジェストはまだ一度も実行されていません。最初の実行では、いまコーパスにある ${articles} 件の記事を基準として記録し、どれも告知しません。その後に追加された記事を${channel ? ` #${channel} で` : ''}告知します。`,
  previewNothingNew: '前回のダイジェスト以降、新しい記事はありません。次の実行では何も投稿しません。',
  previewAnnounces: (count, channel, nextRun) => `次のダイジェスト${nextRun ? ` (${nextRun} 実行予定)` : ''}では${channel ? ` #${channel} で` : ''} ${count} 件の記事を告知します:`,
  previewMore: (count) => `…ほか ${count} 件。`,
  previewAlsoIn: (channels) => `ボットがメンバーであれば ${channels} でも告知します。`,
  previewBroken: (files) => `修正されるまで除外 (壊れたファイル): ${files}`,
};
