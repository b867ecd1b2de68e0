/** Builds an in-memory index from a fixture corpus directory, for tests that need a Searcher. */
import { fileURLToPath } from 'node:url';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { Searcher } from '../../src/search/searcher.js';

export const RANKING_CORPUS = fileURLToPath(new URL('../fixtures/ranking-corpus', import.meta.url));

export async function buildFixtureSearcher(dir = RANKING_CORPUS): Promise<Searcher> {
  const { data } = await buildIndexFromCorpus(dir, { strict: true });
  return new Searcher(data);
}
