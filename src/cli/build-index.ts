/**
 * `npm run build:index`: corpus → index file. Any broken article fails the build with every
 * problem listed, and the existing index stays as it was.
 */
import { loadSearchConfig, readEnv } from '../config.js';
import { writeIndexFile } from '../search/index-file.js';
import { buildIndexFromCorpus, readEstablishedIds } from '../search/load-index.js';
import { formatSourcesReport } from '../sources/read-articles.js';
import { runMain } from './run-main.js';

runMain(async () => {
  const config = loadSearchConfig(readEnv());
  const started = performance.now();
  const established = await readEstablishedIds(config.indexPath);
  const { data, sources } = await buildIndexFromCorpus(config.corpusDir, { strict: true, sourcesFile: config.sourcesFile, established });
  await writeIndexFile(config.indexPath, data);
  const ms = Math.round(performance.now() - started);
  const report = formatSourcesReport(sources);
  if (report) process.stdout.write(`${report}\n`);
  process.stdout.write(`Indexed ${data.manifest.articleCount} articles as ${data.manifest.passageCount} passages in ${ms} ms → ${config.indexPath}\n`);
  return 0;
});
