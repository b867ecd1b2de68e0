/**
 * read → parse → build → write: the build step, and the rule every command follows — use the
 * index when it matches the corpus, rebuild it when it is missing or older, and never replace
 * a working index with one built from a broken corpus.
 */
import type { CorpusProblem } from '../corpus/article.js';
import { readChannelMap } from '../corpus/channels.js';
import { formatProblems, readCorpus } from '../corpus/read-corpus.js';
import { buildIndex } from './build-index.js';
import type { IndexData } from './index-data.js';
import { computeCorpusDigest, readIndexFile, writeIndexFile } from './index-file.js';
import { IndexReader } from './index-reader.js';

export class CorpusBuildError extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super(`Corpus: ${problems.length} problem(s); the index was not written.\n${formatProblems(problems)}`);
  }
}

export interface BuildResult {
  data: IndexData;
  /** Broken articles that were skipped (only when not strict). */
  problems: CorpusProblem[];
}

/**
 * Builds the index from a corpus directory. Strict (the build command): any broken article
 * fails the build. Lenient (the running app): broken articles are skipped and reported.
 */
export async function buildIndexFromCorpus(corpusDir: string, { strict }: { strict: boolean }): Promise<BuildResult> {
  const [corpusDigest, { articles, problems }, channels] = await Promise.all([
    computeCorpusDigest(corpusDir),
    readCorpus(corpusDir),
    readChannelMap(corpusDir),
  ]);
  if (strict && problems.length > 0) throw new CorpusBuildError(problems);
  if (articles.length === 0) {
    throw new CorpusBuildError([...problems, { file: corpusDir, message: 'no valid articles: add Markdown files with front matter (title, date, url)' }]);
  }
  return { data: buildIndex({ articles, channels, corpusDigest, skipped: problems }), problems };
}

export interface LoadResult {
  data: IndexReader;
  rebuilt: boolean;
  /** Set when the corpus has problems and an older index is being used instead. */
  staleBecause?: CorpusBuildError;
}

/**
 * The index for a command to answer from: the saved one when it matches the corpus; else a
 * fresh build. When the corpus has broken articles, the previous index is kept if there is
 * one; with none, the valid articles are indexed and the broken ones recorded as skipped.
 */
export async function loadOrBuildIndex(corpusDir: string, indexPath: string): Promise<LoadResult> {
  const digest = await computeCorpusDigest(corpusDir);
  const existing = await readIndexFile(indexPath).catch(() => undefined);
  if (existing && existing.manifest.corpusDigest === digest) return { data: existing, rebuilt: false };
  let result: BuildResult;
  try {
    result = await buildIndexFromCorpus(corpusDir, { strict: true });
  } catch (error) {
    if (!(error instanceof CorpusBuildError)) throw error;
    if (existing) return { data: existing, rebuilt: false, staleBecause: error };
    result = await buildIndexFromCorpus(corpusDir, { strict: false });
  }
  return { data: IndexReader.open(await writeIndexFile(indexPath, result.data)), rebuilt: true };
}
