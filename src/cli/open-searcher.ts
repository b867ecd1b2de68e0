/** Shared by the command-line tools: config → index (built if missing or stale) → Searcher. */
import { loadSearchConfig, readEnv, type SearchConfig } from '../config.js';
import { readMissingChannelsWarning } from '../corpus/channels.js';
import { formatProblems } from '../corpus/read-corpus.js';
import { loadOrBuildIndex } from '../search/load-index.js';
import { Searcher } from '../search/searcher.js';

export async function openSearcher(config: SearchConfig = loadSearchConfig(readEnv()), warn: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Searcher> {
  const { data, rebuilt, staleBecause } = await loadOrBuildIndex(config.corpusDir, config.indexPath, config.sourcesFile);
  const channelsWarning = await readMissingChannelsWarning(config.corpusDir);
  if (channelsWarning) warn(channelsWarning);
  if (rebuilt) warn(`Built the index from ${config.corpusDir} (${data.manifest.articleCount} articles, ${data.manifest.passageCount} passages) → ${config.indexPath}`);
  if (data.manifest.skipped.length > 0) {
    warn(`Warning: ${data.manifest.skipped.length} problem(s) in the corpus; these articles are left out until fixed:\n${formatProblems(data.manifest.skipped)}`);
  }
  if (staleBecause) {
    warn(`Warning: the corpus has problems, so the previous index (built ${data.manifest.builtAt}) is used:\n${formatProblems(staleBecause.problems)}`);
  }
  return new Searcher(data);
}
