/**
 * Bench child: `build:index` as the command runs it (strict, sources file included), in a
 * fresh process, printing its time and the process's peak memory (max RSS) as JSON.
 */
import { loadSearchConfig, readEnv } from '../config.js';
import { writeIndexFile } from '../search/index-file.js';
import { buildIndexFromCorpus } from '../search/load-index.js';

const config = loadSearchConfig(readEnv());
const started = performance.now();
const { data, sources } = await buildIndexFromCorpus(config.corpusDir, { strict: true, sourcesFile: config.sourcesFile });
await writeIndexFile(config.indexPath, data);
const buildMs = performance.now() - started;
const hugoProblems = sources.hugo.reduce((n, t) => n + t.problems.length, 0);
process.stdout.write(
  `${JSON.stringify({ buildMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, articles: data.manifest.articleCount, passages: data.manifest.passageCount, hugoProblems })}\n`,
);
