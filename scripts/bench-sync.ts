/**
 * `npx tsx scripts/bench-sync.ts [items]`: times `npm run sync`'s core against a local feed site
 * (test/support/feed-server.ts, loopback only): a first run that fetches and extracts every page,
 * then a rerun (conditional GET → 304, nothing fetched). Each page answers after 20 ms, as a
 * nearby server would, so the figures show the 2-requests-per-host limit at work.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetcher, DEFAULT_FETCH_LIMITS } from '../src/sync/fetch-url.js';
import { runSync } from '../src/sync/run-sync.js';
import { createFileSyncStateStore, syncStatePath } from '../src/sync/sync-state.js';
import { articleHtml, buildRss, startFeedServer } from '../test/support/feed-server.js';

const items = Number(process.argv[2] ?? 100);
const site = await startFeedServer();
const paragraph = 'KubernetesのPodはノード上で動くコンテナのまとまりです。スケジューラが配置を決め、kubeletが起動します。'.repeat(8);
for (let i = 0; i < items; i++) {
  site.route(`/posts/${i}`, async (_req, res) => {
    await new Promise((r) => setTimeout(r, 20));
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(articleHtml(`記事 ${i}`, `<p>${paragraph}</p><h2>節</h2><pre><code class="language-yaml">kind: Pod\nmetadata:\n  name: p${i}</code></pre>`.repeat(6), '<script>var tracking = 1;</script>'));
  });
}
site.feed('/rss.xml', buildRss('bench', Array.from({ length: items }, (_, i) => ({ title: `記事 ${i}`, link: site.url(`/posts/${i}`), date: 'Mon, 02 Mar 2026 08:00:00 GMT' }))), { etag: '"bench"' });

const corpusDir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
const fetcher = createFetcher({ ...DEFAULT_FETCH_LIMITS, userAgent: 'k8s-ja-bot/bench', timeoutMs: 10_000 });
const store = createFileSyncStateStore(syncStatePath(join(corpusDir, 'feeds')));
const run = async (label: string): Promise<void> => {
  const started = performance.now();
  const report = await runSync({ corpusDir, feeds: [{ url: site.url('/rss.xml'), sigs: [] }], fetcher, store });
  const ms = performance.now() - started;
  process.stdout.write(`${label}: ${ms.toFixed(0)} ms, ${report.added.length} added, ${site.requests().length} requests\n`);
  site.reset();
};
try {
  await run(`first run (${items} items)`);
  await run('rerun');
  process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
} finally {
  await fetcher.close();
  await site.close();
  await rm(corpusDir, { recursive: true, force: true });
}
