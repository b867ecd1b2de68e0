/**
 * Pure: a generated Hugo content tree shaped like kubernetes/website's `content/ja` — docs
 * pages by area, section pages, bundles, glossary terms and blog posts, with the shortcodes,
 * comments and front-matter variants the real pages use — from the synthetic articles, so
 * the bench measures the Hugo reader at the size of the real tree (~1,000 pages).
 */
import type { Article } from '../corpus/article.js';
import { mulberry32, pick, randomInt } from './prng.js';
import { generateSyntheticArticles } from './synthetic.js';

export interface HugoFile {
  /** Path inside the content tree. */
  path: string;
  text: string;
}

const AREAS = ['workloads/controllers', 'workloads/pods', 'services-networking', 'storage', 'scheduling-eviction', 'security', 'configuration', 'architecture', 'cluster-administration', 'extend-kubernetes'];

export function buildHugoTreeFiles(real: readonly Article[], { pages, seed }: { pages: number; seed: number }): HugoFile[] {
  const random = mulberry32(seed + 7);
  const articles = generateSyntheticArticles(real, { count: pages, seed: seed + 1 });
  const files: HugoFile[] = AREAS.map((area) => ({ path: `docs/concepts/${area}/_index.md`, text: `---\ntitle: "${area}"\nweight: 10\n---\n\n${area}の概要です。\n` }));
  files.push({ path: 'docs/reference/glossary/index.md', text: '---\ntitle: 用語集\nlayout: glossary\n---\n' });
  const terms: string[] = [];
  articles.forEach((a, i) => {
    const kind = i % 20;
    if (kind === 0) {
      const id = `term-${i}`;
      terms.push(id);
      files.push({ path: `docs/reference/glossary/${id}.md`, text: `---\ntitle: ${JSON.stringify(a.title.slice(0, 30))}\nid: ${id}\nshort_description: >\n  ${a.title}の短い説明。\ntags:\n- fundamental\n---\n${firstParagraph(a.body)}\n\n<!--more-->\n\n${a.body.slice(0, 600)}\n` });
    } else if (kind === 1) {
      files.push({ path: `blog/_posts/${a.date}-post-${i}.md`, text: `---\nlayout: blog\ntitle: ${JSON.stringify(a.title)}\ndate: ${a.date}\nslug: post-${i}\nauthor: >\n  ${a.authors.join(',\n  ') || 'Kubernetes Team'}\n---\n\n${decorate(a.body, terms, random)}` });
    } else {
      const area = pick(random, AREAS);
      const bundle = kind === 2;
      const path = bundle ? `docs/concepts/${area}/page-${i}/index.md` : `docs/concepts/${area}/page-${i}.md`;
      const front = [`title: ${JSON.stringify(a.title)}`, 'content_type: concept', `weight: ${randomInt(random, 1, 100)}`, ...(kind === 3 ? ['reviewers:', '- someone'] : []), ...(kind === 4 ? ['description: >', `  ${a.title}について説明します。`] : [])];
      files.push({ path, text: `---\n${front.join('\n')}\n---\n\n<!-- overview -->\n${decorate(a.body, terms, random)}` });
    }
  });
  return files;
}

function firstParagraph(body: string): string {
  return body.split(/\n\s*\n/).find((p) => p.trim() !== '' && !p.startsWith('#')) ?? body.slice(0, 200);
}

/** The shortcodes of the real pages, placed around the body's paragraphs. */
function decorate(body: string, terms: readonly string[], random: () => number): string {
  const parts = body.split(/\n\s*\n/);
  const term = terms.length > 0 ? pick(random, terms) : 'pod';
  const out = [`{{< feature-state for_k8s_version="v1.${randomInt(random, 20, 31)}" state="${pick(random, ['alpha', 'beta', 'stable'])}" >}}`];
  for (const [i, part] of parts.entries()) {
    if (i === 1 && !part.startsWith('```') && !part.startsWith('#')) out.push(`{{< note >}}\n${part}\n{{< /note >}}`);
    else if (i === 2 && !part.startsWith('```') && !part.startsWith('#')) out.push(`${part} {{< glossary_tooltip text="用語" term_id="${term}" >}}`);
    else out.push(part);
  }
  out.push('{{< tabs name="example" >}}\n{{% tab name="Linux" %}}\nLinuxでの手順です。\n{{% /tab %}}\n{{% tab name="Windows" %}}\nWindowsでの手順です。\n{{% /tab %}}\n{{< /tabs >}}');
  out.push(`{{% code_sample file="examples/sample-${randomInt(random, 1, 50)}.yaml" %}}`);
  out.push('## {{% heading "whatsnext" %}}\n\n* [関連ページ](/ja/docs/concepts/)');
  return `${out.join('\n\n')}\n`;
}
