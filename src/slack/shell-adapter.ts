/**
 * The Hubot-style shell adapter: each input line becomes a message to the same bot core the
 * Slack listeners use, and the Block Kit reply is printed as text. Streams are parameters so
 * a test can drive it.
 *
 *   type a question        → the answer (as a DM to the bot would get it)
 *   help | latest | digest → the same as `/k8s help`, `/k8s latest`, `/k8s digest`; also as
 *                            `/help`, `/latest`, `/digest` (a leading `/k8s` is fine)
 *   /followup QUESTION     → a follow-up, as a mention in the thread of the last answer would be
 *   more                   → clicks "More results" on the last answer
 *   /channel sig-node      → ask as if in #sig-node (its SIG ranks higher); `/channel` alone resets
 *   quit | exit | Ctrl-D   → leave
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ACTION } from './blocks/answer-blocks.js';
import { renderMessageAsText } from './blocks/blocks-to-text.js';
import { PLAIN_STYLE, type TextStyle } from '../text-style.js';
import { decodeAnswerRef } from './blocks/button-value.js';
import type { SlackMessage } from './blocks/message.js';
import { parseRequest, type Bot } from './bot.js';
import { questionFromSlackText } from './slack-markup.js';

export interface ShellOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  style?: TextStyle;
  /** Slash command name, stripped from the start of a line. */
  command?: string;
  /** Pretend to be in this workspace channel. */
  channelName?: string;
  prompt?: string;
  /** `/digest`: the preview of the next digest, as `/k8s digest` shows it. */
  digestPreview?: () => Promise<SlackMessage>;
}

const BANNER = 'Local chat with the k8s bot. Ask a question, or: /help, /latest, /digest, /followup QUESTION, more (next page), /channel NAME, quit.';

/** Runs until the input ends or the user quits. */
export async function runShell(options: ShellOptions): Promise<void> {
  const { bot, output } = options;
  const style = options.style ?? PLAIN_STYLE;
  const command = options.command ?? '/k8s';
  const prompt = options.prompt ?? 'you> ';
  let channelName = options.channelName;
  let last: SlackMessage | undefined;
  /** The last question answered, the context of a /followup. */
  let lastQuestion: string | undefined;
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  const show = (message: SlackMessage): void => {
    last = message;
    write(`bot> ${renderMessageAsText(message, style).replace(/\n/g, '\n     ')}\n`);
  };

  write(BANNER);
  output.write(prompt);
  const lines = createInterface({ input: options.input, crlfDelay: Infinity, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit' || line === '/quit') break;
    if (line.startsWith('/channel')) {
      channelName = line.slice('/channel'.length).trim().replace(/^#/, '') || undefined;
      write(channelName ? `(asking as if in #${channelName})` : '(no channel)');
    } else if (line === 'more' || line === '/more') {
      const ref = last && findButtonValue(last, ACTION.moreResults);
      if (ref) show(bot.page(ref, { channelName, ephemeral: false }).message);
      else write('(no more results to show)');
    } else if (line === '/followup' || line.startsWith('/followup ')) {
      const text = questionFromSlackText(line.slice('/followup'.length));
      if (text === '') write('(usage: /followup QUESTION)');
      else {
        show(bot.reply(text, { channelName, ephemeral: false, context: lastQuestion }).message);
        lastQuestion = text;
      }
    } else {
      const withoutCommand = line.startsWith(`${command} `) || line === command ? line.slice(command.length) : line;
      // `/latest`, `/digest`, `/help`: the slash command's words, as in Slack.
      const text = questionFromSlackText(/^\/(latest|digest|help)$/i.test(withoutCommand.trim()) ? withoutCommand.trim().slice(1) : withoutCommand);
      if (parseRequest(text).kind === 'digest' && options.digestPreview) show(await options.digestPreview());
      else {
        show(bot.reply(text, { channelName, ephemeral: false }).message);
        if (parseRequest(text).kind === 'question') lastQuestion = text;
      }
    }
    output.write(prompt);
  }
  lines.close();
  write('');
}

function findButtonValue(message: SlackMessage, actionId: string) {
  for (const block of message.blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type === 'button' && element.action_id === actionId) return decodeAnswerRef(element.value);
    }
  }
  return undefined;
}
