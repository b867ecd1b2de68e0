/**
 * The bot core in a pool of worker threads (piscina), so answering never blocks the HTTP
 * server's event loop: the main thread verifies, acknowledges and hands a plain-data task
 * over; a worker searches, renders the Block Kit reply and hands plain data back.
 *
 *   const pool = createBotPool({ command: '/k8s', threads: 2 });
 *   const searcher = pool.serve(loadedSearcher); // the main thread's copy, over the shared bytes
 *   const reply = await pool.reply('サイドカー', { ephemeral: true });
 *   await pool.destroy();
 */
import { Piscina } from 'piscina';
import type { AnswerRef } from '../blocks/button-value.js';
import { buildNoticeMessage, NOTICES } from '../blocks/help-blocks.js';
import { IndexReader } from '../../search/index-reader.js';
import { Searcher } from '../../search/searcher.js';
import type { BotReply, ReplyOptions } from '../bot.js';
import type { BotCall, BotTask, BotTaskResult, SharedIndex } from './bot-task.js';

/** The bot as the Slack listeners use it: the same calls as `Bot`, answered asynchronously. */
export interface AsyncBot {
  reply(text: string, options: ReplyOptions): Promise<BotReply>;
  page(ref: AnswerRef, options: ReplyOptions): Promise<BotReply>;
}

export interface BotPool extends AsyncBot {
  /**
   * Serves `searcher`'s index from now on, in every worker: its bytes are copied once into
   * shared memory, and the returned Searcher (for the main thread) reads that same copy.
   */
  serve(searcher: Searcher): Searcher;
  readonly threads: number;
  /** The generation of the index being served, and the last generation each worker thread answered from. */
  stats(): { generation: number; answeredBy: Map<number, number> };
  destroy(): Promise<void>;
}

export interface BotPoolOptions {
  command: string;
  k?: number;
  /** Worker threads. Default 2. */
  threads?: number;
}

/** Compiled (dist/…/bot-pool.js): the compiled worker; from sources: the tsx bootstrap. */
export function botWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(moduleUrl.endsWith('.ts') ? './bot-worker-tsx.mjs' : './bot-worker.js', moduleUrl);
}

export function createBotPool(options: BotPoolOptions): BotPool {
  const threads = Math.max(1, Math.floor(options.threads ?? 2));
  // Fixed size and no idle timeout: a worker keeps its opened index between questions.
  const pool = new Piscina<BotTask, BotTaskResult>({ filename: botWorkerUrl().href, minThreads: threads, maxThreads: threads, idleTimeout: 2 ** 31 - 1 });
  let index: SharedIndex | undefined;
  let generation = 0;
  const unavailable: BotReply = { message: buildNoticeMessage(NOTICES.starting), kind: 'unavailable', resultCount: 0 };

  const answeredBy = new Map<number, number>();

  const run = async (call: BotCall): Promise<BotReply> => {
    if (!index) return unavailable;
    const result = await pool.run({ index, command: options.command, k: options.k, call });
    answeredBy.set(result.threadId, result.generation);
    return result.reply;
  };

  return {
    threads,
    stats: () => ({ generation, answeredBy: new Map(answeredBy) }),
    serve(searcher) {
      const source = searcher.index.bytes;
      const bytes = new SharedArrayBuffer(source.byteLength);
      source.copy(Buffer.from(bytes));
      index = { generation: ++generation, bytes };
      return new Searcher(IndexReader.open(Buffer.from(bytes)));
    },
    reply: (text, replyOptions) => run({ op: 'reply', text, options: replyOptions }),
    page: (ref, replyOptions) => run({ op: 'page', ref, options: replyOptions }),
    destroy: () => pool.destroy(),
  };
}
