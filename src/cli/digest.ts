/**
 * `npm run digest`: one digest run, then exit (for cron or a Kubernetes CronJob).
 *   --dry-run           print what would be posted; post nothing, write no record (no Slack
 *                       settings needed: without SLACK_BOT_TOKEN it asks Slack nothing)
 *   --since YYYY-MM-DD  when there is no record yet: announce the articles dated from that day
 *                       instead of taking the whole corpus as the baseline
 * The report goes to stdout, logs (JSON) to stderr; the exit code is 1 when anything failed.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadDigestConfig, readEnv } from '../config.js';
import { formatDigestReport } from '../digest/format-report.js';
import { isDigestRunOk, runDigest } from '../digest/run-digest.js';
import { createDigestSlack } from '../digest/slack.js';
import { createLogger } from '../logger.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = 'Usage: npm run digest [-- --dry-run] [-- --since YYYY-MM-DD]';

function parseDigestArgs(argv: string[]): { dryRun: boolean; since?: string; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean', default: false }, since: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const since = values.since;
  if (since !== undefined && !isDate(since)) throw new UsageError(`--since must be a date written YYYY-MM-DD, got "${since}"\n${USAGE}`);
  return { dryRun: values['dry-run'], since, help: values.help };
}

function isDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

runMain(async () => {
  const args = parseDigestArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadDigestConfig(readEnv(), { dryRun: args.dryRun });
  const log = createLogger(config.logLevel, pino.destination(2));
  // A dry run without a bot token previews offline, from the record and the corpus alone.
  const slack = config.botToken ? createDigestSlack(config.botToken, { apiUrl: config.apiUrl, logger: log }) : undefined;
  const report = await runDigest({
    corpusDir: config.corpusDir,
    sourcesFile: config.sourcesFile,
    statePath: config.digest.statePath,
    channel: config.digest.channel,
    slack,
    log,
    dryRun: args.dryRun,
    since: args.since,
  });
  process.stdout.write(`${formatDigestReport(report)}\n`);
  return isDigestRunOk(report) ? 0 : 1;
});
