/**
 * Every source's articles, through one function: the operator's corpus folder (strict: its
 * problems are the build's), then each Hugo tree of the sources file (lenient: a bad page is
 * reported and skipped). The build step and the digest use this and never ask where an
 * article came from.
 */
import type { Article, CorpusProblem } from '../corpus/article.js';
import { readCorpus, urlKey } from '../corpus/read-corpus.js';
import { sourceOf } from './hugo/build-page.js';
import { readHugoTree, type HugoTreeReport } from './hugo/read-hugo-tree.js';
import { readSourcesFile, type SourcesFile } from './sources-file.js';

export interface SourcesReport {
  /** The sources file read, if any. */
  file?: string;
  hugo: HugoTreeReport[];
  /** Hugo pages left out because a corpus file already has their URL. */
  leftOutForCorpus: Array<{ file: string; url: string }>;
}

export interface ArticlesRead {
  articles: Article[];
  /** Problems of the operator's corpus files (the strict part). */
  problems: CorpusProblem[];
  report: SourcesReport;
  /** Announced sources named by the sources file (`corpus`, feed URLs, announced Hugo sections' URLs). */
  sources: string[];
}

export interface ReadArticlesOptions {
  sourcesFile?: string | undefined;
  /** Ids already indexed or announced (see selectUnique). */
  established?: ReadonlySet<string>;
}

export async function readArticles(corpusDir: string, { sourcesFile, established }: ReadArticlesOptions = {}): Promise<ArticlesRead> {
  // The sources file first: a mistake in it is reported before anything is read.
  const sources = await readSourcesFile(corpusDir, sourcesFile);
  const [corpus, trees] = await Promise.all([
    readCorpus(corpusDir, { exclude: sources?.hugo.map((h) => h.dir) ?? [], established }),
    Promise.all((sources?.hugo ?? []).map((h) => readHugoTree(h))),
  ]);
  return {
    ...selectSourceArticles(corpus.articles, trees),
    problems: corpus.problems,
    report: buildReport(sources, trees, corpus.articles),
    sources: selectAnnouncedSources(sources),
  };
}

export function selectAnnouncedSources(sources: SourcesFile | undefined): string[] {
  const hugo = (sources?.hugo ?? []).flatMap((h) => h.announce.map((section) => sourceOf(h.baseUrl, section)));
  return ['corpus', ...hugo, ...(sources?.feeds ?? []).map((f) => f.url)];
}

/** The corpus articles, then the Hugo pages whose URL no earlier article has. */
export function selectSourceArticles(corpus: Article[], trees: Array<{ articles: Article[] }>): { articles: Article[] } {
  const seen = new Set(corpus.map((a) => urlKey(a.url)));
  const articles = [...corpus];
  for (const tree of trees) {
    for (const a of tree.articles) {
      const key = urlKey(a.url);
      if (seen.has(key)) continue;
      seen.add(key);
      articles.push(a);
    }
  }
  return { articles };
}

function buildReport(sources: SourcesFile | undefined, trees: Array<{ articles: Article[]; report: HugoTreeReport }>, corpus: Article[]): SourcesReport {
  const corpusUrls = new Map(corpus.map((a) => [urlKey(a.url), a]));
  const leftOutForCorpus = trees.flatMap((t) => t.articles.filter((a) => corpusUrls.has(urlKey(a.url))).map((a) => ({ file: a.file, url: a.url })));
  return { ...(sources ? { file: sources.path } : {}), hugo: trees.map((t) => t.report), leftOutForCorpus };
}

/** The build report's lines about the sources, for `build:index` and the logs. */
export function formatSourcesReport(report: SourcesReport): string {
  const lines: string[] = [];
  for (const tree of report.hugo) {
    const skipped = [tree.drafts && `${tree.drafts} draft(s)`, tree.headless && `${tree.headless} headless snippet(s)`, tree.empty && `${tree.empty} empty page(s)`].filter(Boolean).join(', ');
    lines.push(`Hugo ${tree.dir}: ${tree.articles} articles from ${tree.pages} pages${skipped ? ` (skipped: ${skipped})` : ''}`);
    if (tree.sectionLists) lines.push(`  ${tree.sectionLists} docs section page(s) with no text of their own read as the list of their pages`);
    const unknown = Object.entries(tree.unknownShortcodes).sort((a, b) => b[1] - a[1]);
    if (unknown.length > 0) lines.push(`  unknown shortcodes removed: ${unknown.map(([name, n]) => `${name} ×${n}`).join(', ')}`);
    if (tree.problems.length > 0) {
      lines.push(`  ${tree.problems.length} page(s) could not be read and were skipped:`);
      for (const p of tree.problems) lines.push(`    - ${p.file}: ${p.message}`);
    }
  }
  if (report.leftOutForCorpus.length > 0) lines.push(`${report.leftOutForCorpus.length} Hugo page(s) left out: a corpus file has the same URL`);
  return lines.join('\n');
}
