/**
 * `npm run eval [-- FILE] [--verbose] [--json]`: scores retrieval and abstention against a QA
 * set (default ../shared/qa/dev.jsonl): hit@1/3/5, MRR@10, abstention, false abstentions,
 * overall and by language.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluate } from '../eval/evaluate.js';
import { computeMetrics, firstHitRank, parseQaSet, type Metrics } from '../eval/metrics.js';
import { EXCERPT_SETS, formatExcerptReport, readExcerptReport } from '../eval/excerpt-report.js';
import { openSearcher } from './open-searcher.js';
import { runMain, UsageError } from './run-main.js';

export const DEFAULT_QA_FILE = '../shared/qa/dev.jsonl';

export function formatMetricsTable(rows: Array<[string, Metrics]>): string {
  const pct = (x: number): string => x.toFixed(3);
  const header = '| set | answerable | hit@1 | hit@3 | hit@5 | MRR@10 | unanswerable | abstention | false abstention |';
  const lines = rows.map(
    ([name, m]) =>
      `| ${name} | ${m.answerable} | ${pct(m.hit1)} | ${pct(m.hit3)} | ${pct(m.hit5)} | ${pct(m.mrr10)} | ${m.unanswerable} | ${m.unanswerable ? pct(m.abstention) : '–'} | ${pct(m.falseAbstention)} |`,
  );
  return [header, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { verbose: { type: 'boolean', short: 'v', default: false }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: npm run eval -- [FILE] [--verbose] [--json]`);
  }
  const file = parsed.positionals[0] ?? DEFAULT_QA_FILE;
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Eval: cannot read the QA set "${file}"`);
  });
  const items = parseQaSet(text, file);
  const searcher = await openSearcher();
  const outcomes = evaluate(searcher, items);
  const langs = [...new Set(items.map((i) => i.lang))].sort();
  const rows: Array<[string, Metrics]> = [['all', computeMetrics(outcomes)], ...langs.map((l): [string, Metrics] => [l, computeMetrics(outcomes.filter((o) => o.item.lang === l))])];
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(rows))}\n`);
    return 0;
  }
  process.stdout.write(`QA set: ${file} (${items.length} questions)\n\n${formatMetricsTable(rows)}\n`);
  const excerptSets = [...new Set([...EXCERPT_SETS, file])];
  process.stdout.write(`\nExcerpts: first-place hits whose excerpt contains the evidence (target ≥ 0.85)\n\n${formatExcerptReport(readExcerptReport(searcher, excerptSets), parsed.values.verbose)}\n`);
  if (parsed.values.verbose) {
    for (const o of outcomes) {
      const rank = firstHitRank(o);
      const mark = o.item.title === null ? (o.answered ? 'ANSWERED-UNANSWERABLE' : 'abstained ok') : `${rank === 0 ? 'MISS' : `rank ${rank}`}${o.answered ? '' : ' (abstained)'}`;
      process.stdout.write(`${o.item.id} ${mark.padEnd(22)} ${o.item.q}\n`);
    }
  }
  return 0;
});
