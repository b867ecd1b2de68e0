/**
 * The real-documents questions: URLs as kubernetes.io publishes them, English originals found by
 * path or blog slug, unpublished pages left out, and the committed questions.jsonl in step with
 * the snapshot it is generated from.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildQuestions, englishFor, generate, isPublished, pageUrl, plainText, type SnapshotPage } from '../../scripts/real-docs-questions.js';

const page = (path: string, data: Record<string, unknown> = {}): SnapshotPage => ({ path, data: { title: 't', ...data } });

describe('pageUrl', () => {
  it('maps docs pages, section indexes and bundles to their folder URL', () => {
    expect(pageUrl(page('docs/concepts/workloads/pods/sidecar-containers.md'))).toBe('https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/');
    expect(pageUrl(page('docs/concepts/workloads/_index.md'))).toBe('https://kubernetes.io/ja/docs/concepts/workloads/');
    expect(pageUrl(page('docs/tutorials/foo/index.md'))).toBe('https://kubernetes.io/ja/docs/tutorials/foo/');
  });

  it('builds blog URLs from the written date and the slug, lower-cased', () => {
    expect(pageUrl(page('blog/_posts/2025/x.md', { date: '2025-03-24T12:00:00-08:00', slug: 'ingress-nginx-CVE-2025-1974' }))).toBe(
      'https://kubernetes.io/ja/blog/2025/03/24/ingress-nginx-cve-2025-1974/',
    );
    // No slug and no date: both come from the dated file or bundle name.
    expect(pageUrl(page('blog/_posts/2024-01-15-SIG-Release-Spotlight/index.md'))).toBe('https://kubernetes.io/ja/blog/2024/01/15/sig-release-spotlight/');
    expect(() => pageUrl(page('blog/_posts/undated.md'))).toThrow(/needs a date/);
  });

  it('honours a front-matter url and anchors glossary terms on the glossary page', () => {
    expect(pageUrl(page('docs/x.md', { url: '/docs/elsewhere/' }))).toBe('https://kubernetes.io/ja/docs/elsewhere/');
    expect(pageUrl(page('docs/reference/glossary/cri-o.md', { id: 'cri-o' }))).toBe('https://kubernetes.io/ja/docs/reference/glossary/?all=true#term-cri-o');
  });
});

describe('buildQuestions', () => {
  it('skips unpublished pages and empty fields, matches English blog posts by slug, marks glossary terms', () => {
    const ja = [
      page('docs/a.md', { title: 'ページA', description: '説明' }),
      page('docs/hidden.md', { _build: { render: false } }),
      page('blog/_posts/2025/p.md', { title: '投稿', date: '2025-01-02', slug: 'post' }),
      page('docs/reference/glossary/pod.md', { title: 'Pod', id: 'pod', short_description: 'コンテナの集まり' }),
    ];
    const en = [page('docs/a.md', { title: 'Page A', description: '' }), page('blog/_posts/2025-01-02-p.md', { title: 'Post', slug: 'post' })];
    const kinds = buildQuestions(ja, en).map((q) => `${q.kind} ${q.path}${q.glossary ? ' glossary' : ''}`);
    expect(kinds).toEqual([
      'ja-title blog/_posts/2025/p.md',
      'en-title blog/_posts/2025/p.md',
      'ja-title docs/a.md',
      'ja-description docs/a.md',
      'en-title docs/a.md',
      'ja-title docs/reference/glossary/pod.md glossary',
      'ja-description docs/reference/glossary/pod.md glossary',
    ]);
    expect(isPublished({ draft: true })).toBe(false);
    expect(plainText('The services that manage a {{< glossary_tooltip text="cluster" term_id="cluster" >}}.')).toBe('The services that manage a cluster.');
    expect(englishFor(page('blog/_posts/x.md', { slug: 'nope' }), new Map())).toBeUndefined();
  });

  it('committed questions.jsonl is what the script generates from the snapshot', async () => {
    const file = fileURLToPath(new URL('../../qa/real-docs/questions.jsonl', import.meta.url));
    expect((await generate()).jsonl).toBe(await readFile(file, 'utf8'));
  });
});
