/**
 * The one place that assembles a sync from config: the HTTP client with its limits and the
 * state store. The state is a JSON file beside the synced articles, REDIS_URL or not: it
 * describes that copy of feeds/ (in Kubernetes each replica syncs its own copy), and validators
 * shared through Redis would make a replica with a fresh copy get 304 for items it never wrote.
 * A shared store implementing SyncStateStore belongs here only with a shared feeds/ volume.
 */
import { join } from 'node:path';
import type { SyncSettings } from '../config.js';
import { readSourcesFile } from '../sources/sources-file.js';
import { createFetcher, DEFAULT_FETCH_LIMITS } from './fetch-url.js';
import { FEEDS_DIR, runSync, type SyncReport } from './run-sync.js';
import { createFileSyncStateStore, syncStatePath, type SyncStateStore } from './sync-state.js';

const BOT_NAME = 'k8s-ja-bot/0.1';

/** Names the bot, and where a site owner can read who runs it (SYNC_BOT_URL). */
export function formatUserAgent(botUrl: string | undefined): string {
  return `${BOT_NAME} (Kubernetes Q&A Slack bot; feed reader${botUrl ? `; +${botUrl}` : ''})`;
}

export function selectSyncStateStore(corpusDir: string): SyncStateStore {
  return createFileSyncStateStore(syncStatePath(join(corpusDir, FEEDS_DIR)));
}

export interface SyncRun {
  report: SyncReport;
  stateLocation: string;
  /** No sources file, or one without feeds. */
  noFeeds: boolean;
  /** The sources file read; undefined when there is none. */
  sourcesPath: string | undefined;
}

export async function syncFromConfig(config: { corpusDir: string; sourcesFile?: string | undefined; sync: SyncSettings }): Promise<SyncRun> {
  const sources = await readSourcesFile(config.corpusDir, config.sourcesFile);
  const store = selectSyncStateStore(config.corpusDir);
  const feeds = sources?.feeds ?? [];
  // Nothing to do: no feeds/ folder or state file appears in a corpus that has no feeds.
  if (feeds.length === 0) return { report: { feeds: [], added: [], skipped: [], known: 0, warnings: [] }, stateLocation: store.location, noFeeds: true, sourcesPath: sources?.path };
  const fetcher = createFetcher({ ...DEFAULT_FETCH_LIMITS, userAgent: formatUserAgent(config.sync.botUrl), timeoutMs: config.sync.timeoutMs });
  try {
    const report = await runSync({ corpusDir: config.corpusDir, feeds, hugo: sources?.hugo ?? [], fetcher, store });
    return { report, stateLocation: store.location, noFeeds: feeds.length === 0, sourcesPath: sources?.path };
  } finally {
    await fetcher.close();
  }
}
