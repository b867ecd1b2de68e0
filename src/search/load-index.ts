/**
 * read → parse → build → write: the build step, and the rule every command follows — use the
 * index when it matches the corpus, rebuild it when it is missing or older, and never replace
 * a working index with one built from a broken corpus.
 */
import type { CorpusProblem } from '../corpus/article.js';
import { readChannelMap } from '../corpus/channels.js';
import { formatProblems } from '../corpus/read-corpus.js';
import { readArticles, type SourcesReport } from '../sources/read-articles.js';
import { buildIndex } from './build-index.js';
import type { IndexData } from './index-data.js';
import { computeCorpusFingerprint, openIndexFile, writeIndexFile } from './index-file.js';
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
  /** What the sources file's Hugo trees gave; their bad pages never fail a build. */
  sources: SourcesReport;
}

export interface BuildOptions {
  /** The build command: any broken corpus article fails the build. The running app: skipped and reported. */
  strict: boolean;
  /** SOURCES_FILE; default CORPUS_DIR/sources.yml. */
  sourcesFile?: string | undefined;
  /** Ids of the articles in the previous index: they keep a URL a new file reuses. */
  established?: ReadonlySet<string>;
}

/**
 * Builds the index from a corpus directory and the sources file's Hugo trees. Strict (the
 * build command): any broken corpus article fails the build. Lenient (the running app):
 * broken articles are skipped and reported. A bad Hugo page is skipped and reported either way.
 */
export async function buildIndexFromCorpus(corpusDir: string, { strict, sourcesFile, established }: BuildOptions): Promise<BuildResult> {
  const [fingerprint, { articles, problems, report }, channels] = await Promise.all([
    computeCorpusFingerprint(corpusDir, sourcesFile),
    readArticles(corpusDir, { sourcesFile, established }),
    readChannelMap(corpusDir),
  ]);
  if (strict && problems.length > 0) throw new CorpusBuildError(problems);
  if (articles.length === 0) {
    throw new CorpusBuildError([...problems, { file: corpusDir, message: 'no valid articles: add Markdown files with front matter (title, date, url)' }]);
  }
  const data = buildIndex({ articles, channels, corpusDigest: fingerprint.digest, skipped: problems });
  data.manifest.files = fingerprint.files;
  data.manifest.sources = report;
  return { data, problems, sources: report };
}

/** The article ids of the index at `indexPath`, if there is a readable one. */
export async function readEstablishedIds(indexPath: string): Promise<Set<string>> {
  const existing = await openIndexFile(indexPath).catch(() => undefined);
  return new Set(existing?.articles.map((a) => a.id) ?? []);
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
export async function loadOrBuildIndex(corpusDir: string, indexPath: string, sourcesFile?: string): Promise<LoadResult> {
  // Opened in place (only its small members are read); its table says which files need hashing.
  const reading = openIndexFile(indexPath).catch(() => undefined);
  const [existing, { digest }] = await Promise.all([reading, computeCorpusFingerprint(corpusDir, sourcesFile, reading.then((r) => r?.manifest.files))]);
  if (existing && existing.manifest.corpusDigest === digest) return { data: existing, rebuilt: false };
  const established = new Set(existing?.articles.map((a) => a.id) ?? []);
  let result: BuildResult;
  try {
    result = await buildIndexFromCorpus(corpusDir, { strict: true, sourcesFile, established });
  } catch (error) {
    if (!(error instanceof CorpusBuildError)) throw error;
    if (existing) return { data: existing, rebuilt: false, staleBecause: error };
    result = await buildIndexFromCorpus(corpusDir, { strict: false, sourcesFile, established });
  }
  return { data: IndexReader.open(await writeIndexFile(indexPath, result.data)), rebuilt: true };
}
