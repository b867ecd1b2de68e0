/**
 * Calls `onChange` when the corpus directory may have changed: on file-system events
 * (debounced, as an editor or git writes several files) and on a timer, because fs.watch
 * misses changes on some mounted volumes and when git-sync swaps the directory's symlink.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logger.js';
import { errorInfo } from '../logger.js';

export interface WatchOptions {
  corpusDir: string;
  onChange: () => void;
  logger: Logger;
  /** Quiet time after the last event before onChange. Default 500 ms. */
  debounceMs?: number;
  /** Polling interval, the fallback. Default 60 s. */
  pollMs?: number;
}

/** Starts watching; returns a function that stops it. */
export function watchCorpus({ corpusDir, onChange, logger, debounceMs = 500, pollMs = 60_000 }: WatchOptions): () => void {
  let debounce: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const changed = (): void => {
    clearTimeout(debounce);
    debounce = setTimeout(onChange, debounceMs);
    debounce.unref();
  };
  try {
    watcher = watch(corpusDir, { persistent: false }, changed);
    watcher.on('error', (error) => {
      logger.warn({ event: 'corpus_watch_failed', failure: errorInfo(error) }, 'watching the corpus failed; polling only');
      watcher?.close();
    });
  } catch (error) {
    logger.warn({ event: 'corpus_watch_unavailable', failure: errorInfo(error) }, 'cannot watch the corpus; polling only');
  }
  const poll = setInterval(onChange, pollMs);
  poll.unref();
  return () => {
    watcher?.close();
    clearTimeout(debounce);
    clearInterval(poll);
  };
}
