/**
 * `npm run real-docs:questions`: regenerates qa/real-docs/questions.jsonl from the kubernetes.io
 * snapshot in qa/real-docs/content (see qa/real-docs/SOURCE.md). One known-item question per
 * line: a Japanese page's own title and description, and the English original's title and
 * description, each with the page's kubernetes.io URL as the answer. Deterministic: the output
 * depends only on the snapshot's files.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import matter from 'gray-matter';

export type QuestionKind = 'ja-title' | 'ja-description' | 'en-title' | 'en-description';
export const KINDS: readonly QuestionKind[] = ['ja-title', 'ja-description', 'en-title', 'en-description'];

export interface RealDocQuestion {
  id: string;
  kind: QuestionKind;
  query: string;
  /** The Japanese page, relative to qa/real-docs/content/ja/. */
  path: string;
  url: string;
  /** Glossary terms: excluded from English figures (a glossary built from these files would make them circular). */
  glossary?: true;
}

export interface SnapshotPage {
  /** Relative to the language folder, with forward slashes (docs/concepts/x.md, blog/_posts/...). */
  path: string;
  data: Record<string, unknown>;
}

const SITE = 'https://kubernetes.io';
const GLOSSARY_DIR = 'docs/reference/glossary/';

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

/**
 * A front-matter value as a reader would see it: shortcodes rendered to their visible text
 * (`{{< glossary_tooltip text="cluster" … >}}` → `cluster`), others dropped. One English
 * glossary `short_description` carries a shortcode.
 */
export function plainText(v: unknown): string {
  return text(
    text(v)
      .replace(/\{\{[<%]\s*glossary_tooltip\b[^}]*?\btext\s*=\s*"([^"]*)"[^}]*?[>%]\}\}/g, '$1')
      .replace(/\{\{[<%][^}]*?[>%]\}\}/g, ''),
  );
}

/** Hugo does not publish pages with `draft: true` or `_build.render: false|never`. */
export function isPublished(data: Record<string, unknown>): boolean {
  if (data.draft === true) return false;
  const build = data._build as Record<string, unknown> | undefined;
  const render = build?.render;
  return !(render === false || render === 'never' || render === 'false');
}

export function isGlossaryTerm(path: string): boolean {
  return path.startsWith(GLOSSARY_DIR) && !/(^|\/)_?index\.md$/.test(path.slice(GLOSSARY_DIR.length));
}

/** The calendar day a front-matter date names, as written (no time-zone conversion). */
function dayOf(value: unknown): [string, string, string] | undefined {
  const iso = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [m[1] ?? '', m[2] ?? '', m[3] ?? ''] : undefined;
}

/** The post's file or bundle name: `2024-01-15-foo/index.md` → `2024-01-15-foo`, `bar.md` → `bar`. */
function postName(path: string): string {
  const parts = path.split('/');
  const file = parts.at(-1) ?? '';
  return file === 'index.md' ? (parts.at(-2) ?? '') : file.replace(/\.md$/, '');
}

/** URL of a page in the Japanese site, as Hugo publishes it with kubernetes.io's configuration. */
export function pageUrl(page: SnapshotPage): string {
  const { path, data } = page;
  const explicit = text(data.url);
  if (explicit) {
    if (/^https?:\/\//.test(explicit)) return explicit;
    const rooted = explicit.startsWith('/') ? explicit : `/${explicit}`;
    return SITE + (rooted.startsWith('/ja/') ? rooted : `/ja${rooted}`);
  }
  if (isGlossaryTerm(path)) {
    const id = text(data.id) || postName(path);
    return `${SITE}/ja/docs/reference/glossary/?all=true#term-${id}`;
  }
  if (path.startsWith('blog/')) {
    // permalinks: blog = "/:section/:year/:month/:day/:slug/"; frontmatter date = ["date", ":filename", ...]
    const name = postName(path);
    const fromName = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(name);
    const day = dayOf(data.date) ?? (fromName ? [fromName[1] ?? '', fromName[2] ?? '', fromName[3] ?? ''] : undefined);
    if (!day) throw new Error(`${path}: a blog post needs a date in its front matter or file name`);
    const slug = text(data.slug) || (fromName?.[4] ?? name);
    return `${SITE}/ja/blog/${day.join('/')}/${slug}/`.toLowerCase();
  }
  const folder = path.replace(/(^|\/)(_index|index)\.md$/, '$1').replace(/\.md$/, '/');
  return `${SITE}/ja/${folder}`.toLowerCase();
}

/** The English original of a Japanese page: same path, or for blog posts the post with the same slug. */
export function englishFor(page: SnapshotPage, english: ReadonlyMap<string, SnapshotPage>): SnapshotPage | undefined {
  const same = english.get(page.path);
  if (same) return same;
  if (!page.path.startsWith('blog/')) return undefined;
  const slug = text(page.data.slug).toLowerCase();
  if (!slug) return undefined;
  return [...english.values()].find((en) => en.path.startsWith('blog/') && text(en.data.slug).toLowerCase() === slug);
}

export function buildQuestions(japanese: readonly SnapshotPage[], english: readonly SnapshotPage[]): RealDocQuestion[] {
  const enByPath = new Map(english.map((p) => [p.path, p]));
  const out: RealDocQuestion[] = [];
  for (const page of [...japanese].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!isPublished(page.data)) continue;
    const glossary = isGlossaryTerm(page.path);
    const en = englishFor(page, enByPath);
    // Glossary terms carry their description as `short_description`.
    const description = (data: Record<string, unknown> | undefined) => plainText(data?.description) || (glossary ? plainText(data?.short_description) : '');
    const queries: Record<QuestionKind, string> = {
      'ja-title': plainText(page.data.title),
      'ja-description': description(page.data),
      'en-title': plainText(en?.data.title),
      'en-description': description(en?.data),
    };
    const url = pageUrl(page);
    for (const kind of KINDS) {
      const query = queries[kind];
      if (!query) continue;
      out.push({ id: `${kind}:${page.path}`, kind, query, path: page.path, url, ...(glossary ? { glossary: true as const } : {}) });
    }
  }
  return out;
}

async function readPages(root: string): Promise<SnapshotPage[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (file) => {
      const source = await readFile(file, 'utf8');
      // A fresh options object: gray-matter otherwise caches by content. Leading blank lines
      // (one real post has one) are not front matter to gray-matter, so they are trimmed here.
      const parsed = matter(source.replace(/^\s+(?=---)/, ''), {});
      const data = parsed.data as Record<string, unknown>;
      // YAML turns dates into instants (shifting the day for negative offsets); keep the text.
      const writtenDate = /^date:\s*["']?([^"'\n#]+)/m.exec(parsed.matter);
      if (writtenDate?.[1]) data.date = writtenDate[1].trim();
      return { path: relative(root, file).split(sep).join(posix.sep), data };
    }),
  );
}

export const SNAPSHOT_DIR = fileURLToPath(new URL('../qa/real-docs/', import.meta.url));

/** The questions for the snapshot in `base`, and questions.jsonl's text. */
export async function generate(base = SNAPSHOT_DIR): Promise<{ ja: SnapshotPage[]; en: SnapshotPage[]; questions: RealDocQuestion[]; jsonl: string }> {
  const [ja, en] = await Promise.all([readPages(join(base, 'content/ja')), readPages(join(base, 'content/en'))]);
  const questions = buildQuestions(ja, en);
  return { ja, en, questions, jsonl: questions.map((q) => JSON.stringify(q)).join('\n') + '\n' };
}

async function main(): Promise<void> {
  const { ja, en, questions, jsonl } = await generate();
  await writeFile(join(SNAPSHOT_DIR, 'questions.jsonl'), jsonl);
  const count = (pred: (q: RealDocQuestion) => boolean) => questions.filter(pred).length;
  console.log(`${ja.length} Japanese and ${en.length} English files → ${questions.length} questions`);
  for (const kind of KINDS) console.log(`  ${kind}: ${count((q) => q.kind === kind && !q.glossary)} pages + ${count((q) => q.kind === kind && q.glossary === true)} glossary terms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
