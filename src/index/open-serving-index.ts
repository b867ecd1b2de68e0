/**
 * The running app's first index. The saved one (the image's own, built with it) is served at
 * once when it matches the corpus; otherwise the index is built in the rebuild worker thread,
 * so the event loop keeps serving /healthz (liveness) while /readyz says 503. A build that
 * fails outright falls back to the saved index, stale but better than nothing.
 */
import type { Logger } from '../logger.js';
import { computeCorpusDigest, readIndexFile } from '../search/index-file.js';
import { IndexReader } from '../search/index-reader.js';
import { Searcher } from '../search/searcher.js';
import { buildInWorker } from './index-reload.js';
import type { RebuildRequest, RebuildResult } from './rebuild-index.js';

export interface OpenServingIndexOptions {
  corpusDir: string;
  indexPath: string;
  /** SOURCES_FILE, when the sources file is not CORPUS_DIR/sources.yml. */
  sourcesFile?: string | undefined;
  logger: Logger;
  /** Default: rebuildIndex in a worker thread. */
  build?: (request: RebuildRequest) => Promise<RebuildResult>;
}

export async function openServingIndex({ corpusDir, indexPath, sourcesFile, logger, build = buildInWorker }: OpenServingIndexOptions): Promise<Searcher> {
  const saved = await readIndexFile(indexPath).catch(() => undefined);
  // Sizes and mtimes against the saved index's file table: only changed files are read.
  const digest = await computeCorpusDigest(corpusDir, sourcesFile, saved?.manifest.files);
  if (saved && saved.manifest.corpusDigest === digest) {
    logger.info({ event: 'index_reused', indexPath, builtAt: saved.manifest.builtAt }, 'the saved index matches the corpus; serving it');
    return new Searcher(saved);
  }
  const why = saved ? 'the saved index is older than the corpus' : 'no saved index';
  logger.info({ event: 'index_building', corpusDir, indexPath, reason: why }, `${why}: building the index in the background (/readyz is 503 until it is done)`);
  const result = await build({ corpusDir, indexPath, sourcesFile }).catch((error: Error): RebuildResult => ({ ok: false, message: error.message, problems: [] }));
  for (const p of result.problems) logger.warn({ event: 'article_skipped', file: p.file, problem: p.message }, `broken article skipped: ${p.file}`);
  if (!result.ok) {
    if (!saved) throw new Error(result.message);
    logger.error({ event: 'index_rebuild_failed', error: result.message }, 'index build failed; serving the saved index, which is older than the corpus');
    return new Searcher(saved);
  }
  if (result.writeError) logger.warn({ event: 'index_not_saved', indexPath, error: result.writeError }, 'index built and serving, but not saved: the next start builds again');
  return new Searcher(IndexReader.open(Buffer.from(result.index.buffer, result.index.byteOffset, result.index.byteLength)));
}

