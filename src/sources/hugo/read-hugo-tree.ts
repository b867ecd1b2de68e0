/**
 * Reads a Hugo content tree (kubernetes/website `content/ja`) into articles. Lenient, as
 * third-party pages need: a page that cannot be read is reported by path with the reason and
 * skipped; the rest are read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import pLimit from 'p-limit';
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
  /** Docs section pages with no text of their own, read as the list of their pages the site shows. */
  sectionLists?: number;
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
  const limit = pLimit(64);
  const raws = await Promise.all(paths.map((path) => limit(() => readFile(join(source.dir, path), 'utf8').then((raw) => ({ path, raw }), (e: Error) => ({ path, error: e.message })))));

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
  let visible: ParsedPage[] | undefined;
  for (const page of parsed) {
    if (inHeadless(page.path)) {
      report.headless++;
      continue;
    }
    let result = buildHugoArticle(page, ctx);
    if (result.kind === 'skipped' && result.reason === 'empty') {
      const list = buildSectionList(page, (visible ??= parsed.filter((p) => !inHeadless(p.path))));
      if (list) {
        result = buildHugoArticle({ ...page, body: list }, ctx);
        if (result.kind === 'article') report.sectionLists = (report.sectionLists ?? 0) + 1;
      }
    }
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

const SECTION_PAGE = /(^|\/)_index\.md$/i;

/**
 * A docs section page with front matter only (`docs/concepts/storage/_index.md`: title
 * ストレージ) is, on the site, the list of its pages with their descriptions. Read as that
 * list, it is a page of its own, found by its title like any other; without it the question
 * that is its title has no page to find. Blog sections (a stream of posts) and the site's root
 * are left out. Undefined when the page is not such a section or has no pages under it.
 */
const FOLDERS = new WeakMap<readonly ParsedPage[], { sections: Set<string>; bundles: Set<string> }>();

/** Folders with an _index.md (sections) and with an index.md (bundles), once per tree. */
function foldersOf(pages: readonly ParsedPage[]): { sections: Set<string>; bundles: Set<string> } {
  let folders = FOLDERS.get(pages);
  if (!folders) {
    folders = {
      sections: new Set(pages.filter((p) => SECTION_PAGE.test(p.path)).map((p) => p.path.replace(/_index\.md$/i, ''))),
      bundles: new Set(pages.filter((p) => /(^|\/)index\.md$/i.test(p.path)).map((p) => p.path.replace(/index\.md$/i, ''))),
    };
    FOLDERS.set(pages, folders);
  }
  return folders;
}

export function buildSectionList(section: ParsedPage, pages: readonly ParsedPage[]): string | undefined {
  if (!SECTION_PAGE.test(section.path) || !section.path.startsWith('docs/')) return undefined;
  const dir = section.path.replace(/_index\.md$/i, '');
  const { sections, bundles } = foldersOf(pages);
  // As Hugo groups pages: a page belongs to the nearest folder above it with an _index.md; a
  // folder with an index.md is one page (a bundle), the files in it are its resources.
  const belongsHere = (p: ParsedPage): boolean => {
    if (p === section || !p.path.startsWith(dir)) return false;
    const rest = p.path.slice(dir.length).split('/');
    const own = /^_?index\.md$/i.test(rest[rest.length - 1]!) ? rest.length - 1 : rest.length;
    for (let depth = 1; depth < own; depth++) {
      const folder = dir + rest.slice(0, depth).join('/') + '/';
      if (sections.has(folder) || bundles.has(folder)) return false;
    }
    return true;
  };
  const children = pages.filter((p) => !p.fm.draft && !p.fm.headless && p.fm.title && belongsHere(p));
  if (children.length === 0) return undefined;
  return children.map((p) => `- ${p.fm.title}${p.fm.description ? `: ${p.fm.description.replace(/\s+/g, ' ').trim()}` : ''}`).join('\n');
}
