/**
 * Reads a Hugo content tree (kubernetes/website `content/ja`) into articles. Lenient, as
 * third-party pages need: a page that cannot be read is reported by path with the reason and
 * skipped; the rest are read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Article, CorpusProblem } from '../../corpus/article.js';
import type { HugoSource } from '../sources-file.js';
import { buildHugoArticle, isGlossaryTerm, type ParsedPage } from './build-page.js';
import { parseHugoFrontMatter } from './page-front-matter.js';
import { buildSigMap } from './sig-map.js';

export interface HugoTreeReport {
  dir: string;
  /** `.md` files in the sections read. */
  pages: number;
  articles: number;
  drafts: number;
  /** Headless bundles (snippets for `include`) and pages inside them. */
  headless: number;
  /** Pages with no text once rendered (most section pages of the blog). */
  empty: number;
  /** Unknown shortcode name → how many were removed. */
  unknownShortcodes: Record<string, number>;
  /** Pages that could not be read, skipped. */
  problems: CorpusProblem[];
}

export interface HugoTreeResult {
  articles: Article[];
  report: HugoTreeReport;
}

/** The tree's `.md` files in the sections read, as `/`-separated paths inside it, sorted. */
export async function listHugoPages(source: Pick<HugoSource, 'dir' | 'sections'>): Promise<string[]> {
  const entries = await readdir(source.dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => join(e.parentPath, e.name).slice(source.dir.length + 1).split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.')))
    .filter((p) => source.sections === undefined || source.sections.includes(p.split('/').length > 1 ? p.split('/')[0]! : ''));
  return paths.sort();
}

export async function readHugoTree(source: HugoSource): Promise<HugoTreeResult> {
  const paths = await listHugoPages(source);
  const report: HugoTreeReport = { dir: source.dir, pages: paths.length, articles: 0, drafts: 0, headless: 0, empty: 0, unknownShortcodes: {}, problems: [] };
  const raws = await Promise.all(paths.map((path) => readFile(join(source.dir, path), 'utf8').then((raw) => ({ path, raw }), (e: Error) => ({ path, error: e.message }))));

  const parsed: ParsedPage[] = [];
  const unreadable: Array<{ path: string; problem: CorpusProblem }> = [];
  for (const r of raws) {
    const file = join(source.dir, r.path);
    if ('error' in r) {
      unreadable.push({ path: r.path, problem: { file, message: `cannot be read: ${r.error}` } });
      continue;
    }
    const fm = parseHugoFrontMatter(r.raw);
    if (!fm.ok) unreadable.push({ path: r.path, problem: { file, message: fm.reason } });
    else parsed.push({ path: r.path, file, fm: fm.fm, body: fm.body });
  }
  // Pages inside a headless bundle are snippets other pages include (often without front matter), never pages of their own.
  const headlessDirs = parsed.filter((p) => p.fm.headless && /(^|\/)index\.md$/i.test(p.path)).map((p) => p.path.replace(/index\.md$/i, ''));
  const inHeadless = (path: string): boolean => headlessDirs.some((d) => d !== '' && path.startsWith(d));
  for (const u of unreadable) {
    if (inHeadless(u.path)) report.headless++;
    else report.problems.push(u.problem);
  }
  const terms = new Map(
    parsed.filter((p) => isGlossaryTerm(p.path) && p.fm.id && p.fm.title).map((p) => [p.fm.id!, { title: p.fm.title!, shortDescription: p.fm.shortDescription ?? '' }]),
  );
  const ctx = { baseUrl: source.baseUrl, sigMap: buildSigMap(source.sigsByPath), announce: source.announce, terms };

  const articles: Article[] = [];
  const byUrl = new Map<string, Article>();
  for (const page of parsed) {
    if (inHeadless(page.path)) {
      report.headless++;
      continue;
    }
    const result = buildHugoArticle(page, ctx);
    if (result.kind === 'problem') report.problems.push({ file: page.file, message: result.reason });
    else if (result.kind === 'skipped') {
      if (result.reason === 'draft') report.drafts++;
      else if (result.reason === 'headless') report.headless++;
      else report.empty++;
    } else {
      const earlier = byUrl.get(result.article.url);
      if (earlier) {
        report.problems.push({ file: page.file, message: `its URL ${result.article.url} is already that of ${earlier.file}, which is kept` });
        continue;
      }
      byUrl.set(result.article.url, result.article);
      articles.push(result.article);
      for (const [name, n] of Object.entries(result.unknown)) report.unknownShortcodes[name] = (report.unknownShortcodes[name] ?? 0) + n;
    }
  }
  report.articles = articles.length;
  return { articles, report };
}
