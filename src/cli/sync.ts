/**
 * `npm run sync`: pulls the feeds of the sources file into CORPUS_DIR/feeds/, then exits (for
 * cron or the Kubernetes CronJob, before `npm run digest`). The report goes to stdout; the exit
 * code is 1 when a feed could not be read (a skipped item or page does not change it).
 */
import { loadSyncConfig, readEnv } from '../config.js';
import { SourcesFileError, sourcesFilePath } from '../sources/sources-file.js';
import { formatSyncReport } from '../sync/format-sync-report.js';
import { isSyncRunOk } from '../sync/run-sync.js';
import { syncFromConfig } from '../sync/create-sync.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = 'Usage: npm run sync   (feeds are listed under `feeds:` in CORPUS_DIR/sources.yml or SOURCES_FILE)';

runMain(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length > 0) throw new UsageError(`Unknown argument${args.length > 1 ? 's' : ''}: ${args.join(' ')}\n${USAGE}`);
  const config = loadSyncConfig(readEnv());
  let run;
  try {
    run = await syncFromConfig(config);
  } catch (error) {
    // A broken sources file: its own message names the file and the problems.
    if (error instanceof SourcesFileError) {
      process.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  if (run.noFeeds) {
    const path = sourcesFilePath(config.corpusDir, config.sourcesFile);
    process.stdout.write(run.sourcesPath ? `No feeds to sync: ${path} lists none (add a \`feeds:\` list with \`- url: …\`).\n` : `No feeds to sync: there is no sources file ${path} (see "Pointing the bot at the docs and at feeds" in README.md).\n`);
    return 0;
  }
  process.stdout.write(`${formatSyncReport(run.report, run.stateLocation)}\n`);
  return isSyncRunOk(run.report) ? 0 : 1;
});
