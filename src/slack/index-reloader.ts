/**
 * Notices corpus changes while the app runs (a new article dropped in, git-sync): every
 * `intervalMs` the corpus digest is compared with the serving index's; on a change the index
 * is rebuilt in the background and swapped in. A broken corpus never replaces the working
 * index (loadOrBuildIndex keeps it); each distinct corpus state is tried once.
 */
import type { Logger } from '../logger.js';
import { formatProblems } from '../corpus/read-corpus.js';
import { computeCorpusDigest } from '../search/index-file.js';
import { loadOrBuildIndex } from '../search/load-index.js';
import { Searcher } from '../search/searcher.js';

export interface IndexReloaderOptions {
  corpusDir: string;
  indexPath: string;
  logger: Logger;
  current: () => Searcher | undefined;
  replace: (searcher: Searcher) => void;
  /** Default 60 s. */
  intervalMs?: number;
}

/** Starts polling; returns a function that stops it. */
export function startIndexReloader(options: IndexReloaderOptions): () => void {
  let lastTried: string | undefined;
  let running = false;
  const check = async (): Promise<void> => {
    const serving = options.current();
    if (!serving || running) return;
    running = true;
    try {
      const digest = await computeCorpusDigest(options.corpusDir);
      if (digest === serving.data.manifest.corpusDigest || digest === lastTried) return;
      lastTried = digest;
      const { data, staleBecause } = await loadOrBuildIndex(options.corpusDir, options.indexPath);
      if (staleBecause) {
        options.logger.warn({ event: 'corpus_problems', problems: formatProblems(staleBecause.problems) }, 'corpus changed but has problems; still serving the previous index');
        return;
      }
      options.replace(new Searcher(data));
      options.logger.info({ event: 'index_reloaded', articles: data.manifest.articleCount, passages: data.manifest.passageCount }, 'corpus changed; index rebuilt');
    } catch (error) {
      options.logger.error({ event: 'index_reload_failed', err: { message: (error as Error).message } }, 'could not rebuild the index; still serving the previous one');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
