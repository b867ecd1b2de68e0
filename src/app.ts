/**
 * `npm start`: config → logger → Slack app → start; the index loads in the background.
 * SIGTERM/SIGINT: finish the answers in flight within SHUTDOWN_DRAIN_MS and exit 0; exit 1 when
 * some had to be dropped (logged as a warning), so the orchestrator's record shows it.
 */
import { ConfigError, loadSlackConfig, readEnv, type SlackConfig } from './config.js';
import { readMissingChannelsWarning } from './corpus/channels.js';
import { startCorpusReloader } from './index/index-reload.js';
import { openServingIndex } from './index/open-serving-index.js';
import { startAppDigest } from './digest/schedule.js';
import { startAppSync } from './sync/schedule.js';
import { createLogger } from './logger.js';
import { createSlackApp } from './slack/create-app.js';
import { errorInfo } from './logger.js';

function readConfig(): SlackConfig {
  try {
    return loadSlackConfig(readEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The message lists every problem and how to try the bot without Slack; a stack would only hide it.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ event: 'unhandled_rejection', failure: errorInfo(reason) }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ event: 'uncaught_exception', failure: errorInfo(error) }, 'uncaught exception; exiting');
    process.exit(1);
  });

  const channelsWarning = await readMissingChannelsWarning(config.corpusDir);
  if (channelsWarning) logger.warn({ event: 'channels_missing', corpusDir: config.corpusDir }, channelsWarning);
  const stopDigest = startAppDigest(config, logger);
  let reloadNow = (): void => undefined;
  const stopSync = startAppSync({ ...config, logger, onAdded: () => reloadNow() });
  const slack = createSlackApp({
    config,
    logger,
    loadSearcher: () => openServingIndex({ corpusDir: config.corpusDir, indexPath: config.indexPath, sourcesFile: config.sourcesFile, logger }),
  });
  await slack.start();
  let stopReloader = (): void => undefined;
  slack.searcherReady.then(
    () => {
      const reloader = startCorpusReloader({ corpusDir: config.corpusDir, indexPath: config.indexPath, sourcesFile: config.sourcesFile, logger, current: slack.currentSearcher, replace: slack.replaceSearcher });
      stopReloader = reloader.stop;
      reloadNow = () => void reloader.reload();
    },
    (error: unknown) => {
      // Nothing to answer with: exit so the orchestrator restarts us and shows the reason.
      logger.fatal({ event: 'index_unavailable', failure: errorInfo(error) }, 'could not load or build the index');
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ event: 'forced_exit', signal }, 'second signal; exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'signal', signal }, 'shutting down');
    stopReloader();
    stopDigest();
    stopSync();
    slack.stop().then(
      ({ dropped }) => process.exit(dropped > 0 ? 1 : 0),
      (error: unknown) => {
        logger.error({ event: 'stop_failed', failure: errorInfo(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the Slack app: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
