/**
 * The record of what the digest has announced (`DIGEST_STATE`, default data/digest-state.json).
 * One entry per article id, with one delivery per destination channel: a crash between two
 * posts leaves exactly the missing deliveries due. Written whole, to a temporary file renamed
 * into place, so a kill at any moment leaves either the old record or the new one.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../write-file-atomic.js';

export const DIGEST_STATE_VERSION = 1;

/** One destination of one article: posted when `ts` (the Slack message's timestamp) is set. */
export interface Delivery {
  /** The channel's name, for reports. */
  name: string;
  ts: string | null;
}

export interface ArticleRecord {
  /**
   * - `baseline`: in the corpus when the record began (or taken as known when it was rebuilt); never announced.
   * - `new`: found new; announced in the channels of `deliveries`.
   * - `recovered`: found in a digest message's metadata when a lost record was rebuilt.
   */
  origin: 'baseline' | 'new' | 'recovered';
  /** When the article was recorded (ISO 8601); for `new`, when its deliveries were planned. */
  recordedAt: string;
  /** Channel id → delivery. Empty for baseline articles. */
  deliveries: Record<string, Delivery>;
}

export interface DigestState {
  version: typeof DIGEST_STATE_VERSION;
  /** When this record began: the baseline run, or the rebuild from channel history. */
  startedAt: string;
  articles: Record<string, ArticleRecord>;
  /**
   * Sources the record has seen (`corpus`, a feed's URL, a Hugo section's URL): a source seen
   * for the first time becomes baseline. Absent in records written before sources: `corpus` only.
   */
  sources?: string[];
}

const stateSchema = z.object({
  version: z.literal(DIGEST_STATE_VERSION),
  startedAt: z.string(),
  articles: z.record(
    z.string(),
    z.object({
      origin: z.enum(['baseline', 'new', 'recovered']),
      recordedAt: z.string(),
      deliveries: z.record(z.string(), z.object({ name: z.string(), ts: z.string().nullable() })),
    }),
  ),
  sources: z.array(z.string()).optional(),
});

export class DigestStateError extends Error {}

export function parseDigestState(text: string, source: string): DigestState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DigestStateError(`Digest: "${source}" is not valid JSON. Move it aside to rebuild the record from the digest channel's history.`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DigestStateError(`Digest: "${source}" is not a digest record (${issue?.path.join('.') || 'root'}: ${issue?.message}). Move it aside to rebuild it from the digest channel's history.`);
  }
  return parsed.data;
}

/** The record, or undefined when there is none yet (first run, or the file was lost). */
export async function readDigestState(path: string): Promise<DigestState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseDigestState(text, path);
}

export async function writeDigestState(path: string, state: DigestState): Promise<void> {
  // On disk before the rename: a power cut leaves the old record, never an empty file.
  await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}
