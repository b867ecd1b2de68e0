/**
 * What `npm run sync` remembers between runs: each feed's validators (ETag, Last-Modified)
 * and each page it fetched. Behind a small store interface: a JSON file beside the synced
 * articles (CORPUS_DIR/feeds/.sync-state.json) by default; a Redis store can implement the
 * same two methods. The corpus itself stays the authority on what was written: a lost or
 * broken state costs refetching feeds, never a duplicate article.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../write-file-atomic.js';

export const SYNC_STATE_VERSION = 1;

export interface FeedRecord {
  etag?: string;
  lastModified?: string;
  /** When the feed was last read successfully (ISO 8601). */
  checkedAt: string;
}

export interface PageRecord {
  fetchedAt: string;
  /** The article file written, relative to CORPUS_DIR. */
  file?: string;
  /** Why the page was not written; such pages are not fetched again either. */
  skipped?: string;
}

export interface SyncState {
  version: typeof SYNC_STATE_VERSION;
  /** Feed URL → validators. */
  feeds: Record<string, FeedRecord>;
  /** Page URL key (the corpus's urlKey) → what came of fetching it. */
  pages: Record<string, PageRecord>;
}

export interface SyncStateStore {
  /** Where the state lives, for reports. */
  readonly location: string;
  readSyncState(): Promise<SyncState>;
  writeSyncState(state: SyncState): Promise<void>;
}

const schema = z.object({
  version: z.literal(SYNC_STATE_VERSION),
  feeds: z.record(z.string(), z.object({ etag: z.string().optional(), lastModified: z.string().optional(), checkedAt: z.string() })),
  pages: z.record(z.string(), z.object({ fetchedAt: z.string(), file: z.string().optional(), skipped: z.string().optional() })),
});

export function emptySyncState(): SyncState {
  return { version: SYNC_STATE_VERSION, feeds: {}, pages: {} };
}

export class SyncStateError extends Error {}

export function parseSyncState(text: string, source: string): SyncState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncStateError(`Sync: state "${source}" is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncStateError(`Sync: state "${source}" is not a sync state (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

export const SYNC_STATE_FILE = '.sync-state.json';

export function syncStatePath(feedsDir: string): string {
  return join(feedsDir, SYNC_STATE_FILE);
}

export function createFileSyncStateStore(path: string): SyncStateStore {
  return {
    location: path,
    async readSyncState() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySyncState();
        throw error;
      }
      return parseSyncState(text, path);
    },
    writeSyncState: (state) => writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`),
  };
}
