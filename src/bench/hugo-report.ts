/** Pure: the Hugo and start-up figures of `npm run bench` as Markdown, with their goals. */
import { formatBytes, formatCount, formatMs, markdownTable } from './format.js';
import { HUGO_GOALS, type HugoBenchResult, type StartResult } from './hugo-bench.js';

const spread = (s: StartResult): string => `${s.rebuilt ? 'REBUILT THE INDEX: ' : ''}${formatMs(s.medianMs)} (${formatMs(s.minMs)}–${formatMs(s.maxMs)}, ${s.runs} runs; ${s.runner}, of which runtime start ${formatMs(s.runtimeMs)})`;
const verdict = (pass: boolean): string => (pass ? 'PASS' : '**FAIL**');

export function formatHugoReport(h: HugoBenchResult): string {
  const rows: string[][] = [
    [`build:index, Hugo tree of ${formatCount(h.pages)} pages + real corpus (${formatCount(h.build.articles)} articles, ${formatCount(h.build.passages)} passages)`, `≤ ${formatMs(HUGO_GOALS.buildMs)}`, formatMs(h.build.buildMs), verdict(h.build.buildMs <= HUGO_GOALS.buildMs)],
    ['peak memory of that build (max RSS)', `≤ ${formatBytes(HUGO_GOALS.peakMemoryBytes)}`, formatBytes(h.build.maxRssBytes), verdict(h.build.maxRssBytes <= HUGO_GOALS.peakMemoryBytes)],
    ['process start to first answer (`ask --json`, Hugo tree)', `≤ ${formatMs(HUGO_GOALS.startToAnswerMs)}`, spread(h.start), verdict(!h.start.rebuilt && h.start.medianMs <= HUGO_GOALS.startToAnswerMs)],
    [`query p99 (answer(), Hugo tree, ${h.rounds} × ${h.query.count / h.rounds} queries)`, `≤ ${HUGO_GOALS.queryP99Ms} ms`, formatMs(h.query.p99), verdict(h.query.p99 <= HUGO_GOALS.queryP99Ms)],
    [`query p99, first pass after the load (each question's first answer, ${h.firstPass.count} queries)`, '–', `${formatMs(h.firstPass.p99)} (p50 ${formatMs(h.firstPass.p50)})`, ''],
  ];
  if (h.corpusStart && h.corpusBuild) {
    rows.push([`process start to first answer (\`ask --json\`, ${formatCount(h.corpusFiles)} corpus files)`, `≤ ${formatMs(HUGO_GOALS.startToAnswerMs)}`, spread(h.corpusStart), verdict(!h.corpusStart.rebuilt && h.corpusStart.medianMs <= HUGO_GOALS.startToAnswerMs)]);
    rows.push([`build:index, ${formatCount(h.corpusFiles)} corpus files (peak ${formatBytes(h.corpusBuild.maxRssBytes)})`, '–', formatMs(h.corpusBuild.buildMs), '']);
  }
  return [
    '### Hugo tree and start-up',
    '',
    markdownTable(['measure', 'target', 'measured', 'result'], rows),
    '',
    '- query: three warm-up passes over the questions, then the timed rounds, as for the corpora above; the first warm-up pass is listed on its own (cold caches, code not yet optimised).',
    '- build and peak memory: `build:index` (strict, sources.yml read) in a child process; max RSS from `process.resourceUsage()`.',
    '- start to first answer: wall time from spawning `ask --json <question>` to its exit (compiled `node dist/cli/ask.js`, as `npm run ask` runs it, after bringing dist/ up to date; `node --import tsx src/cli/ask.ts` where there is no build), with the index already built: start-up, freshness check by names/sizes/mtimes, index load, one answer; one warm-up run first. "runtime start" is the same runtime starting an empty script (`node -e 0`, or with tsx).',
  ].join('\n');
}
