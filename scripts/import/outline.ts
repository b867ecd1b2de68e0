/**
 * Per-article facts the plain-text heuristics cannot see: which section titles are sub-sections
 * (plain text has no heading levels), and the few captions or headings no general rule catches.
 * Levels follow the article's structure as written (for kubernetes.io posts, the ja Markdown
 * source in kubernetes/website). Every entry must match a line of its article, or the import
 * fails, so this table cannot silently drift from the seeds.
 */
export interface ArticleOutline {
  /** Line text → heading level (2–4). Forces the line to be a heading; unlisted headings are `##`. */
  headings?: Record<string, number>;
  /** Short lines the heading rule would take for a heading but that are sentences. */
  notHeadings?: string[];
  /** Image or video captions that match no caption rule. */
  captions?: string[];
}

export const OUTLINES: Record<string, ArticleOutline> = {
  '2024-06-06-10-years-of-kubernetes': {
    captions: ['The future of Linux containers'],
  },
  '2024-05-20-cloud-provider-migration': {
    captions: ['Kubernetesのコンポーネント'],
  },
  '2024-04-05-diy-create-your-own-cloud-with-kubernetes-part-3': {
    headings: {
      'インフラストラクチャプロバイダー': 3,
      'コントロールプレーンプロバイダー': 3,
      'ブートストラッププロバイダー': 3,
      'CNIプラグイン': 3,
      'クラウドコントローラーマネージャー': 3,
      'CSIドライバー': 3,
      'クラスターオートスケーラー': 3,
      Konnectivity: 3,
    },
  },
  '2024-04-05-diy-create-your-own-cloud-with-kubernetes-part-2': {
    headings: {
      'ノードネットワーク (データセンターネットワーク)': 3,
      'Podネットワーク': 3,
      'サービスネットワーク': 3,
      '外部トラフィックのロードバランサー': 3,
    },
  },
  '2024-03-12-mid-cycle-1-30': {
    headings: {
      '動的なリソース割り当てのための構造化パラメーター (KEP-4381)': 3,
      'Nodeのメモリスワップのサポート (KEP-2400)': 3,
      'Podでユーザー名前空間のサポート (KEP-127)': 3,
      '構造化された認可設定 (KEP-3221)': 3,
      'コンテナリソースをもとにしたPodの自動スケーリング (KEP-1610)': 3,
      'アドミッション・コントロールに対するCEL (KEP-3488)': 3,
    },
  },
  '2024-03-07-cri-o-seccomp-oci-artifacts': {
    headings: {
      '特定のコンテナやPod全体に対してアノテーションを使用する': 3,
      'コンテナイメージにアノテーションを使用する': 3,
      'ORASを使用してプロファイルをプッシュする': 3,
    },
  },
  '2024-01-23-image-filesystem': {
    headings: {
      'エフェメラルストレージ': 3,
      'ログ': 3,
      'コンテナランタイム': 3,
      'CRI-O': 3,
      containerd: 3,
    },
  },
  '2023-03-10-forensic-container-analysis': {
    headings: {
      'ファイルシステムの変更 - rootfs-diff.tar': 3,
      'チェックポイント処理したプロセスを分析する - checkpoint/': 3,
      'メモリーページを見る': 4,
      'さらなる分析のためにgdbを使用する': 4,
    },
  },
  '2022-12-05-forensic-container-checkpointing': {
    headings: {
      'CRI-Oでの使用例': 3,
      'Kubernetesの外部でチェックポイントしたコンテナをリストアする(CRI-Oを使用)': 3,
      'Kubernetes内でチェックポイントしたコンテナをリストアする': 3,
    },
  },
  '2020-12-02-dont-panic-kubernetes-and-docker': {
    // The opening sentence lost its 。 in the scrape; the two questions are section titles.
    notHeadings: ['Kubernetesはv1.20より新しいバージョンで、コンテナランタイムとしてDockerをサポートしません'],
    headings: {
      'では、なぜ混乱が生じ、誰もが恐怖に駆られているのか。': 2,
      'では開発者にとって、この変更は何を意味するのか。これからもDockerfileを使ってよいのか。これからもDockerでビルドを行ってよいのか。': 2,
    },
  },
  '2023-07-20-zenn-kubernetes-upstream-catchup': {
    headings: {
      GitHub: 3,
      'Issue / PR の中身まで読んでるやつ': 4,
      'Issue / PR のタイトルだけ読むやつ': 4,
      Slack: 3,
      'Mailing List': 3,
      'SIG Meeting': 3,
      'KubeCon の録画やスライド': 3,
      'Kubernetes 1.22 の Pod ライフサイクル関連のやばいバグ': 3,
      'Gardener が遭遇したやばいバグ': 3,
      '最近 AWS の存在感が増してる話': 3,
    },
  },
};
