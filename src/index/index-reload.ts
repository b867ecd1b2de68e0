/**
 * Corpus changes without a restart: when the corpus differs from the serving index, a new
 * index is built in a worker thread (questions keep being answered meanwhile) and swapped in
 * with one assignment. Broken articles are skipped and logged by file name; a build that fails
 * outright (no valid article, a broken channels.yml) leaves the serving index as it is.
 *
 *   const holder = new IndexHolder(searcher);
 *   const reloader = startCorpusReloader({ corpusDir, indexPath, logger, current: holder.current, replace: holder.replace });
 *   … holder.current() answers; reloader.stop() on shutdown
 */
import { Worker } from 'node:worker_threads';
import type { CorpusProblem } from '../corpus/article.js';
import type { Logger } from '../logger.js';
import { computeCorpusDigest } from '../search/index-file.js';
import { IndexReader } from '../search/index-reader.js';
import { Searcher } from '../search/searcher.js';
import { errorInfo } from '../logger.js';
import type { RebuildRequest, RebuildResult } from './rebuild-index.js';
import { watchCorpus, type WatchOptions } from './watch-corpus.js';

/** Holds the searcher being served; a swap is one assignment, so a question sees the old index or the new one. */
export class IndexHolder {
  constructor(private searcher?: Searcher) {}
  readonly current = (): Searcher | undefined => this.searcher;
  readonly replace = (next: Searcher): void => {
    this.searcher = next;
  };
}

export interface ReloadOutcome {
  status: 'unchanged' | 'swapped' | 'failed';
  /** Broken articles skipped by this build. */
  problems: CorpusProblem[];
  articleCount?: number;
  error?: string;
}

export interface CorpusReloaderOptions {
  corpusDir: string;
  indexPath: string;
  /** SOURCES_FILE, when the sources file is not CORPUS_DIR/sources.yml. */
  sourcesFile?: string | undefined;
  logger: Logger;
  current: () => Searcher | undefined;
  replace: (searcher: Searcher) => void;
  /** Default: rebuildIndex in a worker thread. */
  build?: (request: RebuildRequest) => Promise<RebuildResult>;
}

export interface CorpusReloader {
  /** Rebuilds if the corpus changed. At most one build runs and one waits; never rejects. */
  reload(): Promise<ReloadOutcome>;
}

export function createCorpusReloader(options: CorpusReloaderOptions): CorpusReloader {
  const { corpusDir, indexPath, sourcesFile, logger, build = buildInWorker } = options;
  let lastFailed: string | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<ReloadOutcome> | undefined;

  async function once(): Promise<ReloadOutcome> {
    const serving = options.current();
    // Until the first index is loaded there is nothing to replace (and the load would race us).
    if (!serving) return { status: 'unchanged', problems: [] };
    let digest: string;
    try {
      digest = await computeCorpusDigest(corpusDir, sourcesFile, serving.index.manifest.files);
    } catch (error) {
      logger.error({ event: 'corpus_unreadable', failure: errorInfo(error) }, 'cannot read the corpus; still serving the current index');
      return { status: 'failed', problems: [], error: (error as Error).message };
    }
    if (digest === serving.index.manifest.corpusDigest || digest === lastFailed) return { status: 'unchanged', problems: [] };
    logger.info({ event: 'index_rebuilding', corpusDir }, 'corpus changed; rebuilding the index in the background');
    const result = await build({ corpusDir, indexPath, sourcesFile }).catch((error: Error): RebuildResult => ({ ok: false, message: error.message, problems: [] }));
    for (const p of result.problems) logger.warn({ event: 'article_skipped', file: p.file, problem: p.message }, `broken article skipped: ${p.file}`);
    if (!result.ok) {
      lastFailed = digest;
      logger.error({ event: 'index_rebuild_failed', error: result.message }, 'index rebuild failed; still serving the current index');
      return { status: 'failed', problems: result.problems, error: result.message };
    }
    if (result.writeError) logger.warn({ event: 'index_not_saved', indexPath, error: result.writeError }, 'new index serving but not saved');
    options.replace(new Searcher(IndexReader.open(Buffer.from(result.index.buffer, result.index.byteOffset, result.index.byteLength))));
    const { articleCount, passageCount } = result.manifest;
    const hugoSkipped = (result.manifest.sources?.hugo ?? []).reduce((n, t) => n + t.problems.length, 0);
    logger.info({ event: 'index_reloaded', articles: articleCount, passages: passageCount, skipped: result.problems.length, hugoPagesSkipped: hugoSkipped }, 'index rebuilt and swapped in');
    return { status: 'swapped', problems: result.problems, articleCount };
  }

  return {
    reload() {
      if (queued) return queued;
      const next = tail.then(() => {
        queued = undefined;
        return once();
      });
      queued = next;
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

/** A reloader driven by file-system events on the corpus, with polling as the fallback. */
export function startCorpusReloader(options: CorpusReloaderOptions & Omit<WatchOptions, 'onChange' | 'corpusDir' | 'logger'>): CorpusReloader & { stop: () => void } {
  const reloader = createCorpusReloader(options);
  const stop = watchCorpus({ ...options, onChange: () => void reloader.reload() });
  return { reload: reloader.reload, stop };
}

/** rebuildIndex in a worker thread: the CPU-heavy build never blocks the event loop. */
export function buildInWorker(request: RebuildRequest): Promise<RebuildResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rebuild-index-worker.mjs', import.meta.url), { workerData: request });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`index build worker exited with code ${code} before answering`)));
  });
}
