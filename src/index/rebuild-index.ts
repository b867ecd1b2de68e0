/**
 * The background rebuild (run in a worker thread by index-reload.ts): a lenient build — broken
 * articles are skipped and reported — then the index file written atomically, so the next
 * start loads it instead of building again.
 */
import type { CorpusProblem } from '../corpus/article.js';
import type { IndexManifest } from '../search/index-data.js';
import { writeIndexBytes } from '../search/index-file.js';
import { encodeIndex } from '../search/index-layout.js';
import { buildIndexFromCorpus, CorpusBuildError, readEstablishedIds } from '../search/load-index.js';

export interface RebuildRequest {
  corpusDir: string;
  indexPath: string;
  sourcesFile?: string | undefined;
}

export type RebuildResult =
  /** `index`: the index laid out as the file is (IndexReader.open reads it); it crosses from the worker without a copy. */
  | { ok: true; index: Uint8Array; manifest: IndexManifest; problems: CorpusProblem[]; writeError?: string }
  | { ok: false; message: string; problems: CorpusProblem[] };

export async function rebuildIndex({ corpusDir, indexPath, sourcesFile }: RebuildRequest): Promise<RebuildResult> {
  let built;
  try {
    const established = await readEstablishedIds(indexPath);
    built = await buildIndexFromCorpus(corpusDir, { strict: false, sourcesFile, established });
  } catch (error) {
    return { ok: false, message: (error as Error).message, problems: error instanceof CorpusBuildError ? error.problems : [] };
  }
  // Serving the new index matters more than saving it: a failed write is reported, not fatal.
  const index = encodeIndex(built.data);
  const writeError = await writeIndexBytes(indexPath, index).then(() => undefined, (e: Error) => e.message);
  return { ok: true, index, manifest: built.data.manifest, problems: built.problems, ...(writeError ? { writeError } : {}) };
}
