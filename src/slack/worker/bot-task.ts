/**
 * What crosses between the HTTP process's main thread and an answer worker: plain data only.
 * A task names the index generation it must be answered from and carries that index's bytes
 * (a SharedArrayBuffer: shared between threads, never copied), so a worker that last served an
 * older index reopens the new one before answering: after a reload every worker serves it.
 */
import type { AnswerRef } from '../blocks/button-value.js';
import type { BotReply, ReplyOptions } from '../bot.js';

export interface SharedIndex {
  /** Increases with every index the app serves. */
  generation: number;
  bytes: SharedArrayBuffer;
}

export type BotCall = { op: 'reply'; text: string; options: ReplyOptions } | { op: 'page'; ref: AnswerRef; options: ReplyOptions };

export interface BotTask {
  index: SharedIndex;
  /** The slash command's name (help text) and results per page. */
  command: string;
  k: number | undefined;
  call: BotCall;
}

export interface BotTaskResult {
  reply: BotReply;
  /** Which index generation and thread answered (for the pool's stats). */
  generation: number;
  threadId: number;
}
