/**
 * `npm run eval:real-docs [-- DIR] [--verbose]`: known-item retrieval on real kubernetes.io pages
 * (default qa/real-docs: a snapshot of kubernetes/website content/ja beside our corpus). Each
 * question is a page's Japanese title or description, or its English original's; a hit is
 * that page among the ranked pages. Ours is printed beside plain MiniSearch (its default
 * tokenizer, and Intl.Segmenter words) over the same passages, in the same run. `--verbose`
 * then lists ours's misses and refusals: the page's rank, the tier and why, the leading pages.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readChannelMap } from '../corpus/channels.js';
import { formatKnownItemFailures, formatKnownItemTable, parseKnownItems } from '../eval/known-item.js';
import { runKnownItems } from '../eval/known-item-run.js';
import { readArticles } from '../sources/read-articles.js';
import { runMain, UsageError } from './run-main.js';

export const DEFAULT_REAL_DOCS = 'qa/real-docs';

runMain(async () => {
  let args;
  try {
    args = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { verbose: { type: 'boolean', short: 'v' } } });
  } catch (error) {
    throw new UsageError(`eval:real-docs: ${(error as Error).message} (usage: npm run eval:real-docs [-- DIR] [--verbose])`);
  }
  if (args.positionals.length > 1) throw new UsageError('eval:real-docs: at most one DIR (usage: npm run eval:real-docs [-- DIR] [--verbose])');
  const dir = resolve(args.positionals[0] ?? DEFAULT_REAL_DOCS);
  const questionsFile = join(dir, 'questions.jsonl');
  const text = await readFile(questionsFile, 'utf8').catch(() => {
    throw new UsageError(`eval:real-docs: cannot read ${questionsFile} (a snapshot made by scripts/real-docs-questions.ts)`);
  });
  const items = parseKnownItems(text, questionsFile);
  // The snapshot is read exactly as an operator's Hugo source would be: through a sources file.
  const scratch = await mkdtemp(join(tmpdir(), 'real-docs-'));
  try {
    const sourcesFile = join(scratch, 'sources.yml');
    await writeFile(sourcesFile, `hugo:\n  - dir: ${JSON.stringify(join(dir, 'content/ja'))}\n    base_url: https://kubernetes.io/ja/\n`);
    const { articles, report } = await readArticles('corpus', { sourcesFile });
    const channels = await readChannelMap('corpus');
    const pages = report.hugo.reduce((n, h) => n + h.articles, 0);
    process.stdout.write(`Real documents: ${dir} (${pages} Hugo pages + the corpus = ${articles.length} articles), ${items.length} questions\n\n`);
    const run = runKnownItems(articles, channels, items);
    process.stdout.write(`${formatKnownItemTable(run.rows)}\n`);
    if (args.values.verbose) process.stdout.write(`\nOurs: misses (page not in the top 3) and refusals\n\n${formatKnownItemFailures(run.ours)}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
