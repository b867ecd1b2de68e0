/**
 * The answer worker (a piscina task): owns a Searcher opened over the shared index bytes and
 * runs the bot core (answer + Block Kit rendering) for one request at a time.
 */
import { threadId } from 'node:worker_threads';
import { IndexReader } from '../../search/index-reader.js';
import { Searcher } from '../../search/searcher.js';
import { createBot, type Bot } from '../bot.js';
import type { BotTask, BotTaskResult } from './bot-task.js';

let serving: { generation: number; command: string; k: number | undefined; bot: Bot } | undefined;

function botFor(task: BotTask): Bot {
  if (serving?.generation !== task.index.generation || serving.command !== task.command || serving.k !== task.k) {
    const searcher = new Searcher(IndexReader.open(Buffer.from(task.index.bytes)));
    serving = { generation: task.index.generation, command: task.command, k: task.k, bot: createBot({ searcher: () => searcher, command: task.command, k: task.k }) };
  }
  return serving.bot;
}

export default function runBotTask(task: BotTask): BotTaskResult {
  const bot = botFor(task);
  const reply = task.call.op === 'reply' ? bot.reply(task.call.text, task.call.options) : bot.page(task.call.ref, task.call.options);
  return { reply, generation: task.index.generation, threadId };
}
