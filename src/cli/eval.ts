/**
 * `npm run eval [-- FILE…] [--verbose] [--json]`: scores retrieval and the confidence tiers
 * against question sets: hit@1/3/5, MRR@10, abstention (unanswerable questions given
 * `none`), false refusals (answerable ones given `none`) and the share of `low`, overall
 * and by language. Without FILE: every set there is — the dev set (shared/qa/dev.jsonl
 * beside the checkout), qa/holdout.jsonl and qa/blind.jsonl … qa/blind-27.jsonl.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate } from '../eval/evaluate.js';
import { formatExcerptReport, readExcerptReport } from '../eval/excerpt-report.js';
import { evaluateTitles } from '../eval/known-items.js';
import { computeMetrics, firstHitRank, parseQaSet, type Metrics, type QaOutcome } from '../eval/metrics.js';
import type { Searcher } from '../search/searcher.js';
import { openSearcher } from './open-searcher.js';
import { runMain, UsageError } from './run-main.js';

/** The dev set lives in the shared folder beside the checkout (or beside its worktrees' folder). */
export const DEV_QA_FILE = 'shared/qa/dev.jsonl';
export const REPO_QA_FILES = ['qa/holdout.jsonl', 'qa/blind.jsonl', 'qa/blind-2.jsonl', 'qa/blind-3.jsonl', 'qa/blind-4.jsonl', 'qa/blind-5.jsonl', 'qa/blind-6.jsonl', 'qa/blind-7.jsonl', 'qa/blind-8.jsonl', 'qa/blind-9.jsonl', 'qa/blind-10.jsonl', 'qa/blind-11.jsonl', 'qa/blind-12.jsonl', 'qa/blind-13.jsonl', 'qa/blind-14.jsonl', 'qa/blind-15.jsonl', 'qa/blind-16.jsonl', 'qa/blind-17.jsonl', 'qa/blind-18.jsonl', 'qa/blind-19.jsonl', 'qa/blind-20.jsonl', 'qa/blind-21.jsonl', 'qa/blind-23.jsonl', 'qa/blind-24.jsonl', 'qa/blind-25.jsonl', 'qa/blind-26.jsonl', 'qa/blind-27.jsonl', 'qa/blind-28.jsonl'];

/** The nearest `relative` in the parent folders of `from`. */
export function findUp(relative: string, from = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const parent = dirname(dir);
    const candidate = join(parent, relative);
    if (existsSync(candidate)) return candidate;
    if (parent === dir) return undefined;
  }
}

export function defaultQaFiles(): string[] {
  const dev = findUp(DEV_QA_FILE);
  return [...(dev ? [dev] : []), ...REPO_QA_FILES.filter((f) => existsSync(f))];
}

export function formatMetricsTable(rows: Array<[string, Metrics]>): string {
  const pct = (x: number): string => x.toFixed(3);
  const header = '| set | answerable | hit@1 | hit@3 | hit@5 | MRR@10 | false refusals | low (answerable) | unanswerable | abstention | low (unanswerable) |';
  const lines = rows.map(
    ([name, m]) =>
      `| ${name} | ${m.answerable} | ${pct(m.hit1)} | ${pct(m.hit3)} | ${pct(m.hit5)} | ${pct(m.mrr10)} | ${pct(m.falseAbstention)} | ${pct(m.lowAnswerable)} | ${m.unanswerable} | ${m.unanswerable ? pct(m.abstention) : '–'} | ${m.unanswerable ? pct(m.lowUnanswerable) : '–'} |`,
  );
  return [header, '|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

function metricRows(outcomes: readonly QaOutcome[]): Array<[string, Metrics]> {
  const langs = [...new Set(outcomes.map((o) => o.item.lang))].sort();
  return [['all', computeMetrics(outcomes)], ...langs.map((l): [string, Metrics] => [l, computeMetrics(outcomes.filter((o) => o.item.lang === l))])];
}

function formatVerbose(outcomes: readonly QaOutcome[]): string {
  return outcomes
    .map((o) => {
      const rank = firstHitRank(o);
      const tier = o.confidence ?? (o.answered ? 'high' : 'none');
      const mark = o.item.title === null ? (o.answered ? `ANSWERED-UNANSWERABLE ${tier}` : 'abstained ok') : `${rank === 0 ? 'MISS' : `rank ${rank}`} ${tier}${o.answered ? '' : ' (REFUSED)'}`;
      return `${o.item.id} ${mark.padEnd(28)} ${o.item.q}${o.notices?.length ? `  [${o.notices.join(' ')}]` : ''}`;
    })
    .join('\n');
}

async function readSet(file: string, searcher: Searcher): Promise<{ file: string; count: number; outcomes: QaOutcome[] }> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Eval: cannot read the QA set "${file}"`);
  });
  const items = parseQaSet(text, file);
  return { file, count: items.length, outcomes: evaluate(searcher, items) };
}

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { verbose: { type: 'boolean', short: 'v', default: false }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: npm run eval -- [FILE…] [--verbose] [--json]`);
  }
  const files = parsed.positionals.length > 0 ? parsed.positionals : defaultQaFiles();
  if (files.length === 0) throw new UsageError(`Eval: no question set found (looked for ${DEV_QA_FILE} beside the checkout and ${REPO_QA_FILES.join(', ')})`);
  const searcher = await openSearcher();
  const sets = [];
  for (const file of files) sets.push(await readSet(file, searcher));
  const titles = evaluateTitles(searcher);
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ ...Object.fromEntries(sets.map((s) => [s.file, Object.fromEntries(metricRows(s.outcomes))])), titles })}\n`);
    return 0;
  }
  for (const set of sets) {
    process.stdout.write(`QA set: ${relative(process.cwd(), set.file) || set.file} (${set.count} questions)\n\n${formatMetricsTable(metricRows(set.outcomes))}\n\n`);
    if (parsed.values.verbose) process.stdout.write(`${formatVerbose(set.outcomes)}\n\n`);
  }
  // Excerpts over the same sets: first-place hits whose excerpt shows the evidence.
  process.stdout.write(`Excerpts: first-place hits whose excerpt contains the evidence (target ≥ 0.85)\n\n${formatExcerptReport(readExcerptReport(searcher, files), parsed.values.verbose)}\n\n`);
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(`Titles: each article's title as the question (${titles.questions}): hit@1 ${f(titles.hit1)}, hit@3 ${f(titles.hit3)}, refused ${f(titles.refused)}\n`);
  return 0;
});
