/**
 * `npm run check:qa [-- set.jsonl …]`: checks question sets against the corpus (see
 * src/eval/check-qa-set.ts for the rules). Defaults to every `qa/*.jsonl`. Exits 1 on a problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { checkQaSet, type CorpusArticleText } from '../src/eval/check-qa-set.js';
import { parseQaSet } from '../src/eval/metrics.js';

async function readArticles(dir: string): Promise<CorpusArticleText[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8');
      // A fresh options object: gray-matter otherwise caches by content.
      const title = String(matter(text, {}).data.title ?? '');
      return { title, text };
    }),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sets = args.length > 0 ? args : (await readdir('qa')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join('qa', f));
  const articles = await readArticles('corpus');
  let failed = false;
  for (const file of sets) {
    const items = parseQaSet(await readFile(file, 'utf8'), file);
    const problems = checkQaSet(items, articles);
    const answerable = items.filter((i) => i.title !== null).length;
    const langs = ['ja', 'en', 'mix'].map((l) => `${l} ${items.filter((i) => i.lang === l).length}`).join(', ');
    const titles = new Set(items.map((i) => i.title).filter((t) => t !== null)).size;
    console.log(`${file}: ${items.length} questions (${answerable} answerable over ${titles} articles, ${items.length - answerable} unanswerable; ${langs})`);
    for (const p of problems) console.log(`  ${p}`);
    console.log(problems.length === 0 ? '  ok: every evidence string occurs in the corpus, at least one per question in its article' : `  ${problems.length} problem(s)`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
