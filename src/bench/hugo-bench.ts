/**
 * The bench's Hugo and start-up figures, each measured the way an operator meets them:
 * - a generated Hugo tree (~1,000 pages) beside the real corpus, built by `build:index` in a
 *   child process: build time and peak memory (max RSS);
 * - process start to first answer: `ask --json` spawned as a child, with the index already
 *   built (so what it pays is start-up, the freshness check and the load), over that tree and
 *   over a corpus folder of 10,000 article files;
 * - query p99 of `answer()` over the Hugo tree's index.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer } from '../answer/answer.js';
import type { Article } from '../corpus/article.js';
import { CHANNELS_FILE } from '../corpus/channels.js';
import { readIndexFile } from '../search/index-file.js';
import { Searcher } from '../search/searcher.js';
import { buildHugoTreeFiles } from './hugo-tree.js';
import { median, type LatencySummary } from './stats.js';
import { measureQueries } from './measure-queries.js';
import { generateSyntheticArticles, toCorpusFile } from './synthetic.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const HUGO_GOALS = { buildMs: 60_000, peakMemoryBytes: 1024 ** 3, startToAnswerMs: 1000, queryP99Ms: 10 } as const;

export interface ChildBuild {
  buildMs: number;
  maxRssBytes: number;
  articles: number;
  passages: number;
  hugoProblems: number;
}

export interface StartResult {
  /** `compiled` (dist/cli/ask.js, as `npm run ask` runs it once built) or `tsx` (src/cli/ask.ts). */
  runner: 'compiled' | 'tsx';
  /** ask found the index stale and rebuilt it (the freshness check is broken): the figure is not a start. */
  rebuilt: boolean;
  /** Median wall time of the same runtime starting an empty script: the part no code of ours can shorten. */
  runtimeMs: number;
  /** Median, min and max wall time from spawn to exit of `ask --json`, over `runs`. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface HugoBenchResult {
  pages: number;
  build: ChildBuild;
  start: StartResult;
  query: LatencySummary;
  /** Timed rounds run over the questions. */
  rounds: number;
  /** Each question's first answer after the load (the first warm-up pass): reported, not a goal. */
  firstPass: LatencySummary;
  /** Start to first answer over a corpus folder of this many files (0: not measured). */
  corpusFiles: number;
  corpusStart: StartResult | null;
  corpusBuild: ChildBuild | null;
}

/**
 * How a command is started: compiled, as `npm run ask` runs it (scripts/build-if-stale.mjs
 * first brings dist/ up to date), else through tsx when there is no build script. The build
 * child and `ask` must run the same code: the index's digest covers the analysis code as it runs.
 */
function runnerFor(name: 'cli/ask' | 'bench/build-child'): { runner: StartResult['runner']; argv: string[] } {
  const compiled = join(REPO, 'dist', `${name}.js`);
  return existsSync(compiled) ? { runner: 'compiled', argv: [compiled] } : { runner: 'tsx', argv: ['--import', 'tsx', `src/${name}.ts`] };
}

async function compileIfStale(): Promise<void> {
  const script = join(REPO, 'scripts', 'build-if-stale.mjs');
  if (!existsSync(script)) return;
  const r = await runArgv([script], {});
  if (r.code !== 0) throw new Error(`Bench: compiling src/ → dist/ failed: ${r.stderr.slice(0, 2000)}`);
}

function runArgv(argv: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd: REPO, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

async function buildInChild(env: Record<string, string>): Promise<ChildBuild> {
  const r = await runArgv(runnerFor('bench/build-child').argv, env);
  if (r.code !== 0) throw new Error(`Bench: the build child failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildBuild;
}

/** Spawns `ask --json` `runs` times (after one warm-up that lets tsx cache its compiled files). */
export async function measureStartToAnswer(env: Record<string, string>, question: string, runs = 5): Promise<StartResult> {
  const { runner, argv } = runnerFor('cli/ask');
  const times: number[] = [];
  const runtime: number[] = [];
  let rebuilt = false;
  for (let i = 0; i <= runs; i++) {
    runtime.push((await runArgv(runner === 'tsx' ? ['--import', 'tsx', '-e', '0'] : ['-e', '0'], env)).ms);
    const r = await runArgv([...argv, '--json', question], env);
    if (r.code !== 0) throw new Error(`Bench: ask failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
    // A rebuild would mean the freshness check failed: reported (and failed), not hidden.
    if (r.stderr.includes('Built the index')) rebuilt = true;
    if (i > 0) times.push(r.ms);
  }
  return { runner, rebuilt, runtimeMs: median(runtime.slice(1)), medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs };
}

async function writeFiles(root: string, files: Array<{ path: string; text: string }>): Promise<void> {
  const dirs = [...new Set(files.map((f) => dirname(join(root, f.path))))];
  await Promise.all(dirs.map((d) => mkdir(d, { recursive: true })));
  for (let i = 0; i < files.length; i += 200) await Promise.all(files.slice(i, i + 200).map((f) => writeFile(join(root, f.path), f.text)));
}

export interface HugoBenchOptions {
  /** The real corpus: its files are copied beside the tree. */
  real: readonly Article[];
  realCorpusDir: string;
  pages: number;
  /** Corpus files for the 10,000-article start-up measurement (0 skips it). */
  corpusFiles: number;
  seed: number;
  questions: readonly string[];
  /** Timed rounds over the questions, and the time they may take (as for the corpora). */
  rounds: number;
  queryBudgetMs: number;
  /** Scratch directory (removed by the caller). */
  dir: string;
  log: (line: string) => void;
}

export async function runHugoBench(o: HugoBenchOptions): Promise<HugoBenchResult> {
  await compileIfStale();
  const corpusDir = join(o.dir, 'hugo-bench', 'corpus');
  const treeDir = join(o.dir, 'hugo-bench', 'website', 'content', 'ja');
  await mkdir(corpusDir, { recursive: true });
  await Promise.all([...o.real.map((a) => copyFile(a.file, join(corpusDir, `${a.id}.md`))), copyFile(join(o.realCorpusDir, CHANNELS_FILE), join(corpusDir, CHANNELS_FILE)).catch(() => undefined)]);
  o.log(`hugo: writing a generated tree of ${o.pages} pages…`);
  await writeFiles(treeDir, buildHugoTreeFiles(o.real, { pages: o.pages, seed: o.seed }));
  await writeFile(join(corpusDir, 'sources.yml'), `hugo:\n  - dir: ${JSON.stringify(treeDir)}\n    base_url: https://kubernetes.io/ja/\n    announce: [blog]\n`);
  const env = { CORPUS_DIR: corpusDir, INDEX_PATH: join(o.dir, 'hugo-bench', 'index.json'), LOG_LEVEL: 'silent' };
  o.log('hugo: build:index in a child process…');
  const build = await buildInChild(env);
  o.log(`hugo: built ${build.articles} articles in ${Math.round(build.buildMs)} ms; timing ask start to first answer…`);
  const question = o.questions[0] ?? 'Podとは';
  const start = await measureStartToAnswer(env, question);
  const searcher = new Searcher(await readIndexFile(env.INDEX_PATH));
  // Timed as the corpora are (src/bench/measure-queries.ts): a warm-up pass, then the same rounds.
  const { query, rounds, firstPass } = measureQueries(o.questions, o.rounds, o.queryBudgetMs, (q) => answer(searcher, q, { k: 3 }));
  let corpusStart: StartResult | null = null;
  let corpusBuild: ChildBuild | null = null;
  if (o.corpusFiles > 0) {
    const bigDir = join(o.dir, 'start-bench', 'corpus');
    o.log(`start: writing ${o.corpusFiles} corpus files…`);
    const articles = generateSyntheticArticles(o.real, { count: o.corpusFiles, seed: o.seed });
    await writeFiles(bigDir, articles.map((a) => ({ path: `${a.id}.md`, text: toCorpusFile(a) })));
    await copyFile(join(o.realCorpusDir, CHANNELS_FILE), join(bigDir, CHANNELS_FILE)).catch(() => undefined);
    const bigEnv = { CORPUS_DIR: bigDir, INDEX_PATH: join(o.dir, 'start-bench', 'index.json'), LOG_LEVEL: 'silent' };
    o.log('start: build:index in a child process…');
    corpusBuild = await buildInChild(bigEnv);
    o.log('start: timing ask start to first answer…');
    corpusStart = await measureStartToAnswer(bigEnv, question);
  }
  return { pages: o.pages, build, start, query, rounds, firstPass, corpusFiles: o.corpusFiles, corpusStart, corpusBuild };
}
