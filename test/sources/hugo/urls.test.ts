import { describe, expect, it } from 'vitest';
import { buildPageUrl, glossaryTermUrl, resolveLinks, urlize } from '../../../src/sources/hugo/urls.js';

const base = 'https://kubernetes.io/ja/';
const url = (path: string, extra: Partial<Parameters<typeof buildPageUrl>[0]> = {}) => buildPageUrl({ path, baseUrl: base, title: 'タイトル', ...extra });

describe('buildPageUrl', () => {
  it('publishes docs by path; _index.md and a bundle index.md as their folder', () => {
    expect(url('docs/concepts/workloads/pods/sidecar-containers.md')).toBe('https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/');
    expect(url('docs/concepts/_index.md')).toBe('https://kubernetes.io/ja/docs/concepts/');
    expect(url('docs/concepts/storage/volumes/index.md')).toBe('https://kubernetes.io/ja/docs/concepts/storage/volumes/');
  });

  it('publishes blog posts by date and slug, else by the title urlised', () => {
    expect(url('blog/_posts/2022-02-17-updated-dockershim-faq.md', { date: '2022-02-17', slug: 'dockershim-faq' })).toBe('https://kubernetes.io/ja/blog/2022/02/17/dockershim-faq/');
    expect(url('blog/_posts/2024-05-10-x.md', { date: '2024-05-10', title: 'Kubernetes v1.30: Uwubernetes' })).toBe('https://kubernetes.io/ja/blog/2024/05/10/kubernetes-v1.30-uwubernetes/');
  });

  it('honours url in front matter, from the site root', () => {
    expect(url('docs/home/x.md', { url: '/ja/docs/custom/' })).toBe('https://kubernetes.io/ja/docs/custom/');
  });

  it('gives glossary terms their anchor on the glossary page', () => {
    expect(glossaryTermUrl(base, 'pod')).toBe('https://kubernetes.io/ja/docs/reference/glossary/?all=true#term-pod');
  });
});

describe('urlize', () => {
  it('lower-cases, hyphenates spaces, drops punctuation and keeps Japanese', () => {
    expect(urlize('Kubernetes v1.30: Uwubernetes')).toBe('kubernetes-v1.30-uwubernetes');
    expect(urlize('サイドカー コンテナ!')).toBe('サイドカー-コンテナ');
  });
});

describe('resolveLinks', () => {
  const page = 'https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/';
  it('resolves root-relative, relative and anchor links against the page, leaving absolute links and code alone', () => {
    const md = '[a](/ja/docs/x/) [b](../pod-lifecycle/) [c](#init) [d](https://example.com/) `[e](/not/a/link)`\n```\n[f](/code/)\n```';
    expect(resolveLinks(md, page)).toBe(
      '[a](https://kubernetes.io/ja/docs/x/) [b](https://kubernetes.io/ja/docs/concepts/workloads/pods/pod-lifecycle/) [c](https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/#init) [d](https://example.com/) `[e](/not/a/link)`\n```\n[f](/code/)\n```',
    );
  });
});
