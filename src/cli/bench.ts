/**
 * `npm run bench [-- --articles N] [--rounds N] [--seed N] [--qa FILE] [--json]`
 *
 * Measures, on the real corpus and on a deterministic synthetic corpus built from it
 * (default 10,000 articles), for our index and for a baseline (MiniSearch with its default
 * tokenizer over the same passages):
 * - build time (articles → index data, in memory) and index file size;
 * - load time: read the file and open it (readIndexFile; the baseline: JSON.parse) + the searcher;
 * - memory after load (heap + Buffers: our index reads its file's bytes in place), after a forced GC
 *   (run node with --expose-gc, as the npm script does);
 * - query latency p50/p99 over every question of the QA set, several rounds, through
 *   `answer()` (the real query path, excerpts included); the baseline runs `search(q)`.
 * Then it checks the goals at 10,000 articles: query p99 ≤ 10 ms and load ≤ 1 s.
 * Index files go to a temporary directory (os.tmpdir()) that is removed afterwards. Progress goes to
 * stderr, so `npm run --silent bench -- --json` prints only JSON.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { answer } from '../answer/answer.js';
import { loadSearchConfig, readEnv } from '../config.js';
import type { Article } from '../corpus/article.js';
import { readChannelMap, type ChannelMap } from '../corpus/channels.js';
import { formatProblems, readCorpus } from '../corpus/read-corpus.js';
import { parseQaSet } from '../eval/metrics.js';
import { buildIndex } from '../search/build-index.js';
import { readIndexFile, writeIndexFile } from '../search/index-file.js';
import { Searcher } from '../search/searcher.js';
import { BaselineSearcher, buildBaselineIndex, type BaselineData } from '../bench/baseline.js';
import { formatBytes, formatCount, formatMs, formatRatio, markdownTable } from '../bench/format.js';
import { measureQueries, type QueryTimings } from '../bench/measure-queries.js';
import { median } from '../bench/stats.js';
import { generateSyntheticArticles } from '../bench/synthetic.js';
import { runHugoBench, type HugoBenchResult } from '../bench/hugo-bench.js';
import { formatHugoReport } from '../bench/hugo-report.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = `Usage: npm run bench -- [--articles N] [--rounds N] [--query-budget S] [--seed N] [--qa FILE] [--json]
  --articles N  size of the synthetic corpus (default 10000; 0 skips it)
  --rounds N    timed rounds over the QA set per index (default 5, after three warm-up passes)
  --query-budget S  no further round starts once it would end after S seconds of querying (default 60;
                the first round always runs), so a slow index still finishes
  --seed N      seed of the synthetic corpus (default 1)
  --hugo-pages N  pages of the generated Hugo tree built by build:index in a child process (default 1000; 0 skips it)
  --start-articles N  corpus files for the start-to-first-answer measurement (default 10000; 0 skips it)
  --qa FILE     question set whose "q" fields are the query workload (default ../shared/qa/dev.jsonl)
  --json        machine-readable output (use npm run --silent bench -- --json)`;

export const GOALS = { articles: 10_000, queryP99Ms: 10, loadMs: 1000 } as const;

/** Loads are repeated (median reported) until this much time has been spent, at most MAX_LOAD_RUNS times. */
const LOAD_BUDGET_MS = 3000;
const MAX_LOAD_RUNS = 5;

export interface SystemResult extends QueryTimings {
  buildMs: number;
  /** Encoding (ours: encodeIndex; baseline: JSON.stringify) + writing the index file. */
  writeMs: number;
  fileBytes: number;
  /** Median over `loadRuns` loads: readMs + searcherMs. */
  loadMs: number;
  /** Reading the file and opening it (ours: readIndexFile; baseline: JSON.parse). */
  readParseMs: number;
  /** Building the searcher from the opened index (baseline: MiniSearch.loadJS). */
  searcherMs: number;
  loadRuns: number;
  /** heapUsed + arrayBuffers after a forced GC with the loaded searcher alive (null without --expose-gc). */
  memoryAfterLoadBytes: number | null;
  /** The same minus its value just before the load: what the loaded index costs. */
  indexMemoryBytes: number | null;
  /** Distinct terms in the MiniSearch index. */
  terms: number;
}

export interface CorpusResult {
  name: string;
  articles: number;
  passages: number;
  bodyChars: number;
  ours: SystemResult;
  baseline: SystemResult;
}

export interface GoalResult {
  goal: string;
  target: string;
  measuredMs: number;
  pass: boolean;
}

export interface BenchReport {
  environment: { node: string; platform: string; cpu: string; cpus: number; heapLimitBytes: number; gcExposed: boolean };
  options: { articles: number; rounds: number; queryBudgetMs: number; seed: number; qaFile: string; questions: number };
  corpora: CorpusResult[];
  goals: GoalResult[];
  goalsAt: { corpus: string; articles: number } | null;
  /** The Hugo tree and start-to-first-answer figures (src/bench/hugo-bench.ts). */
  hugo: HugoBenchResult | null;
  totalMs: number;
}

interface BenchOptions {
  articles: number;
  hugoPages: number;
  startArticles: number;
  rounds: number;
  queryBudgetMs: number;
  seed: number;
  qa: string;
  json: boolean;
}

export function parseBenchArgs(argv: string[]): BenchOptions & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string', default: String(GOALS.articles) },
        'hugo-pages': { type: 'string', default: '1000' },
        'start-articles': { type: 'string', default: String(GOALS.articles) },
        rounds: { type: 'string', default: '5' },
        'query-budget': { type: 'string', default: '60' },
        seed: { type: 'string', default: '1' },
        qa: { type: 'string', default: '../shared/qa/dev.jsonl' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const int = (name: string, value: string, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`Bench: --${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}\n${USAGE}`);
    return n;
  };
  const v = parsed.values;
  return { articles: int('articles', v.articles, 0), hugoPages: int('hugo-pages', v['hugo-pages'], 0), startArticles: int('start-articles', v['start-articles'], 0), rounds: int('rounds', v.rounds, 1), queryBudgetMs: int('query-budget', v['query-budget'], 1) * 1000, seed: int('seed', v.seed, 0), qa: v.qa, json: v.json, help: v.help };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The JavaScript heap plus Buffer memory, where our index keeps its file's bytes. */
function memoryAfterGc(): number | null {
  if (!gc) return null;
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const log = (line: string): void => {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
};

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

interface Built {
  buildMs: number;
  writeMs: number;
  fileBytes: number;
  passages: number;
  /** Distinct terms in the MiniSearch index. */
  terms: number;
}

/** Builds our index and writes it with the real writer. The index data is dropped afterwards. */
async function buildOurs(articles: readonly Article[], channels: ChannelMap, path: string): Promise<Built> {
  const [data, buildMs] = time(() => buildIndex({ articles: [...articles], channels, corpusDigest: 'bench' }));
  const passages = data.passages.length;
  const terms = data.miniSearch.index.length;
  const [, writeMs] = await timeAsync(() => writeIndexFile(path, data));
  return { buildMs, writeMs, fileBytes: (await stat(path)).size, passages, terms };
}

async function buildBaseline(articles: readonly Article[], channels: ChannelMap, path: string): Promise<Built> {
  const [data, buildMs] = time(() => buildBaselineIndex(articles, channels));
  const passages = data.passages.length;
  const terms = data.miniSearch.index.length;
  const [, writeMs] = await timeAsync(() => writeFile(path, JSON.stringify(data)));
  return { buildMs, writeMs, fileBytes: (await stat(path)).size, passages, terms };
}

type Loaded = Pick<SystemResult, 'loadMs' | 'readParseMs' | 'searcherMs' | 'loadRuns' | 'memoryAfterLoadBytes' | 'indexMemoryBytes'>;

/**
 * Loads an index several times (median timings), measures the memory the last searcher holds,
 * then runs the queries on it. The searcher is released when this returns.
 */
async function loadAndQuery<S>(
  path: string,
  load: (path: string) => Promise<[readParseMs: number, searcherMs: number, searcher: S]>,
  query: (searcher: S, q: string) => unknown,
  questions: readonly string[],
  options: Pick<BenchOptions, 'rounds' | 'queryBudgetMs'>,
): Promise<Loaded & QueryTimings> {
  const memoryBefore = memoryAfterGc();
  const runs: Array<[number, number]> = [];
  let searcher: S | undefined;
  let spent = 0;
  while (runs.length < MAX_LOAD_RUNS && (runs.length === 0 || spent < LOAD_BUDGET_MS)) {
    searcher = undefined;
    if (runs.length > 0) memoryAfterGc();
    const [readParseMs, searcherMs, loaded] = await load(path);
    searcher = loaded;
    runs.push([readParseMs, searcherMs]);
    spent += readParseMs + searcherMs;
  }
  await rm(path, { force: true });
  const memoryAfter = memoryAfterGc();
  const loaded: Loaded = {
    loadMs: median(runs.map(([a, b]) => a + b)),
    readParseMs: median(runs.map(([a]) => a)),
    searcherMs: median(runs.map(([, b]) => b)),
    loadRuns: runs.length,
    memoryAfterLoadBytes: memoryAfter,
    indexMemoryBytes: memoryAfter !== null && memoryBefore !== null ? memoryAfter - memoryBefore : null,
  };
  const s = searcher!;
  return { ...loaded, ...measureQueries(questions, options.rounds, options.queryBudgetMs, (q) => query(s, q)) };
}

async function loadOurs(path: string): Promise<[number, number, Searcher]> {
  const [data, readParseMs] = await timeAsync(() => readIndexFile(path));
  const [searcher, searcherMs] = time(() => new Searcher(data));
  return [readParseMs, searcherMs, searcher];
}

async function loadBaseline(path: string): Promise<[number, number, BaselineSearcher]> {
  const [data, readParseMs] = await timeAsync(async () => JSON.parse(await readFile(path, 'utf8')) as BaselineData);
  const [searcher, searcherMs] = time(() => new BaselineSearcher(data));
  return [readParseMs, searcherMs, searcher];
}

/**
 * One corpus: build and write both indexes, then (with the articles released by the caller's
 * `take`) load and query each in turn, so each memory figure holds one index only.
 */
async function benchCorpus(name: string, take: () => Article[], channels: ChannelMap, questions: readonly string[], options: BenchOptions, dir: string): Promise<CorpusResult> {
  const oursPath = join(dir, `${name}-ours.json`);
  const basePath = join(dir, `${name}-baseline.json`);
  let articles: Article[] | undefined = take();
  const articleCount = articles.length;
  const bodyChars = articles.reduce((sum, a) => sum + a.body.length, 0);
  log(`${name}: ${formatCount(articleCount)} articles, ${formatCount(bodyChars)} body characters; building our index…`);
  const ours = await buildOurs(articles, channels, oursPath);
  log(`${name}: ours built in ${formatMs(ours.buildMs)} (${formatCount(ours.passages)} passages), written in ${formatMs(ours.writeMs)}, ${formatBytes(ours.fileBytes)}; building the baseline…`);
  const base = await buildBaseline(articles, channels, basePath);
  log(`${name}: baseline built in ${formatMs(base.buildMs)}, written in ${formatMs(base.writeMs)}, ${formatBytes(base.fileBytes)}`);
  articles = undefined;

  log(`${name}: loading our index, then querying (up to ${options.rounds} rounds × ${questions.length} questions)…`);
  const oursRun = await loadAndQuery(oursPath, loadOurs, (searcher, q) => answer(searcher, q, { k: 3 }), questions, options);
  log(`${name}: ours loaded in ${formatMs(oursRun.loadMs)} (median of ${oursRun.loadRuns}); ${oursRun.rounds} rounds: query p50 ${formatMs(oursRun.query.p50)}, p99 ${formatMs(oursRun.query.p99)}`);
  log(`${name}: loading the baseline, then querying…`);
  const baseRun = await loadAndQuery(basePath, loadBaseline, (searcher, q) => searcher.search(q), questions, options);
  log(`${name}: baseline loaded in ${formatMs(baseRun.loadMs)}; query p50 ${formatMs(baseRun.query.p50)}, p99 ${formatMs(baseRun.query.p99)}`);

  return {
    name,
    articles: articleCount,
    passages: ours.passages,
    bodyChars,
    ours: { buildMs: ours.buildMs, writeMs: ours.writeMs, fileBytes: ours.fileBytes, terms: ours.terms, ...oursRun },
    baseline: { buildMs: base.buildMs, writeMs: base.writeMs, fileBytes: base.fileBytes, terms: base.terms, ...baseRun },
  };
}

export function evaluateGoals(corpus: CorpusResult): GoalResult[] {
  return [
    { goal: 'query p99 (answer())', target: `≤ ${GOALS.queryP99Ms} ms`, measuredMs: corpus.ours.query.p99, pass: corpus.ours.query.p99 <= GOALS.queryP99Ms },
    { goal: 'index load (readIndexFile + new Searcher)', target: `≤ ${formatMs(GOALS.loadMs)}`, measuredMs: corpus.ours.loadMs, pass: corpus.ours.loadMs <= GOALS.loadMs },
  ];
}

export function formatReport(report: BenchReport): string {
  const { environment: env, options } = report;
  const heap = (b: number | null): string => (b === null ? 'n/a (no --expose-gc)' : formatBytes(b));
  const rows: string[][] = [];
  for (const c of report.corpora) {
    const label = `${c.name} (${formatCount(c.articles)} articles, ${formatCount(c.passages)} passages)`;
    for (const [system, s] of [['ours', c.ours], ['baseline', c.baseline]] as const) {
      rows.push([
        label,
        system,
        formatMs(s.buildMs),
        formatBytes(s.fileBytes),
        formatMs(s.loadMs),
        `${formatMs(s.readParseMs)} + ${formatMs(s.searcherMs)}`,
        heap(s.memoryAfterLoadBytes),
        heap(s.indexMemoryBytes),
        formatCount(s.terms),
        formatMs(s.query.p50),
        formatMs(s.query.p99),
        formatMs(s.firstPass.p99),
        `${s.rounds} × ${options.questions}`,
      ]);
    }
    const o = c.ours;
    const b = c.baseline;
    rows.push([
      label,
      '**ours / baseline**',
      formatRatio(o.buildMs, b.buildMs),
      formatRatio(o.fileBytes, b.fileBytes),
      formatRatio(o.loadMs, b.loadMs),
      `${formatRatio(o.readParseMs, b.readParseMs)} + ${formatRatio(o.searcherMs, b.searcherMs)}`,
      formatRatio(o.memoryAfterLoadBytes, b.memoryAfterLoadBytes),
      formatRatio(o.indexMemoryBytes, b.indexMemoryBytes),
      formatRatio(o.terms, b.terms),
      formatRatio(o.query.p50, b.query.p50),
      formatRatio(o.query.p99, b.query.p99),
      formatRatio(o.firstPass.p99, b.firstPass.p99),
      '',
    ]);
  }
  const table = markdownTable(
    ['corpus', 'index', 'build', 'index file', 'load', 'load: read+open + searcher', 'memory after load', 'index memory (Δ)', 'terms', 'query p50', 'query p99', 'first pass p99', 'timed queries'],
    rows,
  );
  const lines = [
    `## Benchmark`,
    '',
    `Node ${env.node}, ${env.platform}, ${env.cpus} × ${env.cpu}, heap limit ${formatBytes(env.heapLimitBytes)}, forced GC ${env.gcExposed ? 'on' : 'OFF (run with node --expose-gc)'}.`,
    `Queries: the ${options.questions} questions of ${options.qaFile}, up to ${options.rounds} timed rounds per index after three warm-up passes (the first pass's p99 is listed as "first pass"; fewer when a round would overrun the ${formatMs(options.queryBudgetMs)} query budget: see "timed queries"); synthetic corpus seed ${options.seed}.`,
    '',
    table,
    '',
    '- build: articles → index data in memory (ours: `buildIndex`; baseline: chunking + MiniSearch with its default tokenizer). Not included: encoding + writing the file (listed below as index write).',
    '- load: ours reads the file and opens it in place (`readIndexFile`: the layout, manifest, articles, term list and tables are parsed; postings and passages when a question needs them) + `new Searcher`; the baseline reads + JSON.parse + `MiniSearch.loadJS`. Median of up to 5 loads.',
    '- memory after load: `heapUsed` + `arrayBuffers` (the file bytes ours keeps) after a forced GC with only that index loaded; index memory (Δ): the same minus its value just before the load.',
    '- query: ours is `answer(searcher, q, {k: 3})` (ranking and excerpts included); the baseline is a plain `miniSearch.search(q)`. The default tokenizer splits only at spaces and punctuation, so most Japanese questions become long tokens that match nothing: the baseline latency is a floor, not an equal-quality comparison.',
  ];
  for (const c of report.corpora) {
    lines.push(`- slowest questions (${c.name}, ours, median): ${c.ours.slowest.map((s) => `${formatMs(s.medianMs)} ${JSON.stringify(s.q)}`).join('; ')}`);
    lines.push(`- index write (${c.name}): ours ${formatMs(c.ours.writeMs)}, baseline ${formatMs(c.baseline.writeMs)}`);
  }
  if (report.goalsAt) {
    const at = report.goalsAt.articles === GOALS.articles ? '' : ` — measured at ${formatCount(report.goalsAt.articles)} articles, the goals are set for ${formatCount(GOALS.articles)}`;
    lines.push(
      '',
      `### Goals (${report.goalsAt.corpus} corpus${at})`,
      '',
      markdownTable(
        ['goal', 'target', 'measured', 'result'],
        report.goals.map((g) => [g.goal, g.target, formatMs(g.measuredMs), g.pass ? 'PASS' : '**FAIL**']),
      ),
    );
  } else {
    lines.push('', 'Goals: not checked (no synthetic corpus; run with --articles 10000).');
  }
  if (report.hugo) lines.push('', formatHugoReport(report.hugo));
  lines.push('', `Total bench time: ${formatMs(report.totalMs)}.`);
  return lines.join('\n');
}

runMain(async () => {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  if (!gc) log('warning: global.gc is not available (run node with --expose-gc); memory figures are not reported');
  const qaText = await readFile(options.qa, 'utf8').catch(() => {
    throw new UsageError(`Bench: cannot read the QA set "${options.qa}"\n${USAGE}`);
  });
  const questions = parseQaSet(qaText, options.qa).map((item) => item.q);
  if (questions.length === 0) throw new UsageError(`Bench: the QA set "${options.qa}" has no questions`);

  const { corpusDir } = loadSearchConfig(readEnv());
  const [{ articles: real, problems }, channels] = await Promise.all([readCorpus(corpusDir), readChannelMap(corpusDir)]);
  if (problems.length > 0) log(`warning: skipping broken articles:\n${formatProblems(problems)}`);
  if (real.length === 0) throw new UsageError(`Bench: no valid articles in "${corpusDir}"`);

  // No signal handler: it could only run between the long synchronous steps, so Ctrl-C would
  // seem to hang for minutes. Each index file is deleted as soon as it has been loaded instead,
  // so an interrupted run rarely leaves anything in the temporary directory.
  const dir = await mkdtemp(join(tmpdir(), 'k8s-ja-bench-'));
  const corpora: CorpusResult[] = [];
  let hugo: HugoBenchResult | null = null;
  try {
    if (options.hugoPages > 0 || options.startArticles > 0) {
      hugo = await runHugoBench({ real, realCorpusDir: corpusDir, pages: Math.max(options.hugoPages, 1), corpusFiles: options.startArticles, seed: options.seed, questions, rounds: options.rounds, queryBudgetMs: options.queryBudgetMs, dir, log });
    }
    corpora.push(await benchCorpus('real', () => real, channels, questions, options, dir));
    if (options.articles > 0) {
      const take = (): Article[] => {
        log(`synthetic: generating ${formatCount(options.articles)} articles (seed ${options.seed})…`);
        const [articles, ms] = time(() => generateSyntheticArticles(real, { count: options.articles, seed: options.seed }));
        log(`synthetic: generated in ${formatMs(ms)}`);
        return articles;
      };
      corpora.push(await benchCorpus('synthetic', take, channels, questions, options, dir));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const synthetic = corpora.find((c) => c.name === 'synthetic');
  const cpuList = cpus();
  const report: BenchReport = {
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpuList[0]?.model.trim() ?? 'unknown CPU',
      cpus: cpuList.length,
      heapLimitBytes: getHeapStatistics().heap_size_limit,
      gcExposed: gc !== undefined,
    },
    options: { articles: options.articles, rounds: options.rounds, queryBudgetMs: options.queryBudgetMs, seed: options.seed, qaFile: options.qa, questions: questions.length },
    corpora,
    goals: synthetic ? evaluateGoals(synthetic) : [],
    goalsAt: synthetic ? { corpus: synthetic.name, articles: synthetic.articles } : null,
    hugo,
    totalMs: performance.now() - started,
  };
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return 0;
});
