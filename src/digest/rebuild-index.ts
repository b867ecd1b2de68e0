/**
 * The background rebuild (run in a worker thread by index-reload.ts): a lenient build — broken
 * articles are skipped and reported — then the index file written atomically, so the next
 * start loads it instead of building again.
 */
import type { CorpusProblem } from '../corpus/article.js';
import type { IndexData } from '../search/index-data.js';
import { writeIndexFile } from '../search/index-file.js';
import { buildIndexFromCorpus, CorpusBuildError } from '../search/load-index.js';

export interface RebuildRequest {
  corpusDir: string;
  indexPath: string;
}

export type RebuildResult =
  | { ok: true; data: IndexData; problems: CorpusProblem[]; writeError?: string }
  | { ok: false; message: string; problems: CorpusProblem[] };

export async function rebuildIndex({ corpusDir, indexPath }: RebuildRequest): Promise<RebuildResult> {
  let built;
  try {
    built = await buildIndexFromCorpus(corpusDir, { strict: false });
  } catch (error) {
    return { ok: false, message: (error as Error).message, problems: error instanceof CorpusBuildError ? error.problems : [] };
  }
  // Serving the new index matters more than saving it: a failed write is reported, not fatal.
  const writeError = await writeIndexFile(indexPath, built.data).then(() => undefined, (e: Error) => e.message);
  return { ok: true, data: built.data, problems: built.problems, ...(writeError ? { writeError } : {}) };
}
