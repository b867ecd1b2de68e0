/**
 * `npm run shell [-- --channel sig-node]`: a local chat with the bot, no Slack workspace
 * needed. It goes through the same bot core and Block Kit builders as the Slack app.
 */
import { parseArgs } from 'node:util';
import { loadDigestSettings, loadSearchConfig, readEnv } from '../config.js';
import { readDigestPreview } from '../digest/preview.js';
import { createFileDigestRecord } from '../state/digest-record.js';
import { ANSI_STYLE, PLAIN_STYLE } from '../text-style.js';
import { createBot } from '../slack/bot.js';
import { runShell } from '../slack/shell-adapter.js';
import { openSearcher } from './open-searcher.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = 'Usage: npm run shell [-- --channel NAME]';

runMain(async () => {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { channel: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = readEnv();
  const searchConfig = loadSearchConfig(env);
  const digest = loadDigestSettings(env);
  const searcher = await openSearcher(searchConfig);
  // The command name only shapes the help text; SLACK_COMMAND is optional here.
  const command = env.SLACK_COMMAND?.trim() || '/k8s';
  const bot = createBot({ searcher: () => searcher, command });
  const tty = process.stdout.isTTY === true;
  await runShell({ bot, input: process.stdin, output: process.stdout, style: tty ? ANSI_STYLE : PLAIN_STYLE, command, channelName: values.channel, prompt: tty ? 'you> ' : '', // The local chat previews from this machine's DIGEST_STATE file, as a single-process install keeps it.
    digestPreview: () => readDigestPreview({ corpusDir: searchConfig.corpusDir, sourcesFile: searchConfig.sourcesFile, digest }, createFileDigestRecord(digest.statePath)) });
  return 0;
});
