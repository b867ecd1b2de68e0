/** Article pages for the sync tests, as blogs serve them. */
import { articleHtml } from '../support/feed-server.js';

/** A Japanese article on CronJob time zones (no seed article mentions CronJob), wrapped in scripts, styles, a frame and a form. */
export const CRONJOB_PAGE = articleHtml(
  'ページ側のタイトル',
  `<p>CronJobはスケジュールに従ってJobを作成します。<code>spec.timeZone</code>フィールドにタイムゾーンを指定すると、そのタイムゾーンの時刻でスケジュールが解釈されます。指定しない場合はkube-controller-managerのローカルタイムゾーンが使われます。</p>
<script>document.write('SCRIPT_MARKER')</script>
<style>.x { color: red } /* STYLE_MARKER */</style>
<h2>タイムゾーンの指定方法</h2>
<p>タイムゾーンには<a href="/docs/tz/">IANAタイムゾーンデータベース</a>の名前を使います。例えばAsia/Tokyoのように書きます。</p>
<ul><li>Asia/Tokyo は日本標準時です</li><li>Etc/UTC は協定世界時です</li></ul>
<pre><code class="language-yaml">apiVersion: batch/v1
kind: CronJob
spec:
  schedule: "0 9 * * *"
  timeZone: "Asia/Tokyo"</code></pre>
<iframe src="https://ads.example/IFRAME_MARKER"></iframe>
<form action="/subscribe"><p>FORM_MARKER ニュースレターに登録</p><input name="email"><button>登録</button></form>
<p>CronJobのタイムゾーン指定はKubernetes v1.27で安定版になりました。</p>`,
  '<script src="/analytics.js"></script><style>body { font-family: sans-serif }</style>',
);

export const GATEWAY_PAGE = articleHtml(
  'Gateway API',
  `<p>Gateway APIはIngressの後継として設計された、Kubernetesのサービスネットワーキングのための拡張可能なAPIです。HTTPRouteでルーティングの規則を書きます。</p>
<h2>HTTPRoute</h2><p>HTTPRouteはホスト名やパスに応じてリクエストをServiceに振り分けます。</p>`,
);

export function lifecyclePage(topic: string): string {
  return articleHtml(topic, `<p>${topic}について説明します。この記事では${topic}の基本的な考え方と使い方を、例を交えて紹介します。</p><p>二つ目の段落です。</p>`);
}
