/**
 * `npm run ask -- "質問"`: answers in the terminal, with no Slack at all.
 *   --json          one JSON object instead of text
 *   --k N           results per answer (default 3)
 *   --batch FILE    one question per line (FILE or - for stdin), one JSON object per line out
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { answer, DEFAULT_K, MAX_K } from '../answer/answer.js';
import type { Searcher } from '../search/searcher.js';
import { toAnswerJson } from './answer-json.js';
import { openSearcher } from './open-searcher.js';
import { ANSI_STYLE, PLAIN_STYLE } from '../text-style.js';
import { renderAnswerText } from './render-text.js';
import { runMain, UsageError } from './run-main.js';

const USAGE = `Usage: npm run ask -- [--json] [--k N] "質問"
       npm run --silent ask -- --batch FILE|-   (one question per line; JSON lines out)`;

export function parseAskArgs(argv: string[]): { json: boolean; k: number; batch?: string; question: string; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        k: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const k = values.k === undefined ? DEFAULT_K : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new UsageError(`--k must be a whole number from 1 to ${MAX_K}, got "${values.k}"\n${USAGE}`);
  const question = positionals.join(' ');
  if (values.batch === undefined && !values.help && question.trim() === '') throw new UsageError(`No question given.\n${USAGE}`);
  if (values.batch !== undefined && question !== '') throw new UsageError(`--batch reads questions from a file; do not also give one.\n${USAGE}`);
  return { json: values.json, k, batch: values.batch, question, help: values.help };
}

async function runBatch(searcher: Searcher, source: string, k: number): Promise<void> {
  const input = source === '-' ? process.stdin : createReadStream(source);
  const opened = new Promise<void>((resolve, reject) => {
    if (source === '-') resolve();
    input.once('open', () => resolve());
    input.once('error', (e: NodeJS.ErrnoException) => reject(new UsageError(`--batch: cannot read "${source}": ${e.code ?? e.message}`)));
  });
  await opened;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(toAnswerJson(answer(searcher, line, { k })))}\n`);
  }
}

runMain(async () => {
  const args = parseAskArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const searcher = await openSearcher();
  if (args.batch !== undefined) {
    await runBatch(searcher, args.batch, args.k);
    return 0;
  }
  const result = answer(searcher, args.question, { k: args.k });
  if (args.json) process.stdout.write(`${JSON.stringify(toAnswerJson(result))}\n`);
  else process.stdout.write(`${renderAnswerText(result, process.stdout.isTTY ? ANSI_STYLE : PLAIN_STYLE)}\n`);
  return 0;
});
