import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/corpus/article.js';
import { readHugoTree, type HugoTreeResult } from '../../../src/sources/hugo/read-hugo-tree.js';

const DIR = fileURLToPath(new URL('../../fixtures/hugo-site/content/ja', import.meta.url));
let tree: HugoTreeResult;
const byUrl = (url: string): Article => {
  const found = tree.articles.find((a) => a.url === url);
  if (!found) throw new Error(`no article ${url}; have ${tree.articles.map((a) => a.url).join(', ')}`);
  return found;
};

beforeAll(async () => {
  tree = await readHugoTree({ dir: DIR, baseUrl: 'https://kubernetes.io/ja/', sections: undefined, announce: ['blog'], sigsByPath: {} });
});

describe('readHugoTree', () => {
  it('reports each unreadable page by path with its reason and still reads the rest', () => {
    const problems = tree.report.problems.map((p) => `${p.file.slice(DIR.length + 1)}: ${p.message}`).sort();
    expect(problems).toEqual([
      expect.stringMatching(/^docs\/tasks\/bad-date\.md: "date" "2026-13-45" is not a real date/),
      expect.stringMatching(/^docs\/tasks\/broken-yaml\.md: front matter is not valid YAML/),
      expect.stringMatching(/^docs\/tasks\/configure-pod-container\/typo\.md: no "title" in front matter \(keys found: titel, weight\)/),
      expect.stringMatching(/^docs\/tasks\/conflict\.md: contains git conflict markers/),
    ]);
    expect(tree.report).toMatchObject({ drafts: 1, headless: 2, unknownShortcodes: { 'mystery-widget': 1, 'another-unknown': 1 } });
  });

  it('skips drafts and include snippets, never indexing their text', () => {
    const all = tree.articles.map((a) => a.body).join('\n');
    expect(all).not.toContain('下書きのドラフト専用');
    expect(all).not.toContain('Kubernetesクラスターが必要です');
  });

  it('gives docs pages their path URL, no date, the SIG of their path, and never announces them', () => {
    expect(byUrl('https://kubernetes.io/ja/docs/concepts/services-networking/service/')).toMatchObject({ date: '', sigs: ['sig-network'], announce: false, source: 'https://kubernetes.io/ja/docs/', lang: 'ja' });
    expect(byUrl('https://kubernetes.io/ja/docs/concepts/storage/volumes/')).toMatchObject({ title: 'ボリューム', sigs: ['sig-storage'] });
    expect(byUrl('https://kubernetes.io/ja/docs/')).toMatchObject({ title: 'ドキュメント' });
    expect(byUrl('https://kubernetes.io/ja/docs/custom-place/')).toMatchObject({ title: 'URLを指定したページ' });
  });

  it('gives blog posts their date, slug URL and authors, announced under the blog section', () => {
    expect(byUrl('https://kubernetes.io/ja/blog/2024/04/01/introducing-gateway-api/')).toMatchObject({
      date: '2024-04-01',
      authors: ['Jane Doe (Example Corp)', 'John Roe (Acme, Inc.)'],
      translators: ['山田太郎'],
      announce: true,
      source: 'https://kubernetes.io/ja/blog/',
    });
    expect(byUrl('https://kubernetes.io/ja/blog/2024/05/10/kubernetes-v1.30-uwubernetes/')).toMatchObject({ date: '2024-05-10', authors: ['Release Team'] });
  });

  it('makes each glossary term an article at its anchor, its text the definition', () => {
    const pod = byUrl('https://kubernetes.io/ja/docs/reference/glossary/?all=true#term-pod');
    expect(pod.title).toBe('Pod');
    expect(pod.body).toContain('コンテナの集合です');
    expect(pod.body.match(/最小かつ最も単純/g)).toHaveLength(1);
  });

  it('renders what a reader sees: no shortcode delimiters, comments, scripts or raw tags; links absolute', () => {
    const service = byUrl('https://kubernetes.io/ja/docs/concepts/services-networking/service/').body;
    expect(service).toContain('ClusterIP:\n\nクラスター内部のIP');
    expect(service).toContain('service/simple-service.yaml');
    expect(service).toContain('Service: Podの集合で実行されているアプリケーション');
    expect(service).toContain('ServiceはクラスターIPを持ちます。');
    expect(service).toContain('## Serviceの定義\n');
    const sidecar = byUrl('https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/').body;
    expect(sidecar).toContain('FEATURE STATE: Kubernetes v1.29 [beta]');
    expect(sidecar).toContain('同じPod内でメインのコンテナと一緒に');
    expect(sidecar).toContain('](https://kubernetes.io/ja/docs/concepts/workloads/pods/pod-lifecycle/)');
    expect(sidecar).toContain('## 次の項目');
    for (const a of tree.articles) {
      expect(a.body, a.url).not.toMatch(/\{\{[<%]|[>%]\}\}|<!--|<script|<div|never indexed|このコメント/);
    }
  });
});
