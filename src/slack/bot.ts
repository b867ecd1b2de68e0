/**
 * The bot's core, ignorant of transport (Hubot's split): text in, a Block Kit reply out. The
 * Slack listeners and the local shell both call it, so they answer exactly alike.
 */
import { answer, latestArticles } from '../answer/answer.js';
import type { Searcher } from '../search/searcher.js';
import { buildAnswerMessage } from './blocks/answer-blocks.js';
import type { AnswerRef } from './blocks/button-value.js';
import { buildHelpMessage, buildLatestMessage, buildNoticeMessage, NOTICES } from './blocks/help-blocks.js';
import type { SlackMessage } from './blocks/message.js';

export type BotRequest = { kind: 'help' } | { kind: 'latest' } | { kind: 'question'; question: string };

const HELP_WORDS = new Set(['help', '-h', '--help', '?', 'ヘルプ', '使い方']);
const LATEST_WORDS = new Set(['latest', 'new', 'news', '最新', '新着']);

/** What the user asked for; empty text asks for help. */
export function parseRequest(text: string): BotRequest {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase();
  if (trimmed === '' || HELP_WORDS.has(word)) return { kind: 'help' };
  if (LATEST_WORDS.has(word)) return { kind: 'latest' };
  return { kind: 'question', question: trimmed };
}

export interface BotReply {
  message: SlackMessage;
  kind: BotRequest['kind'] | 'unavailable';
  /** For questions: whether the articles answered it. */
  answered?: boolean;
  resultCount: number;
}

export interface ReplyOptions {
  /** Name of the workspace channel asked in (ranks a mirrored SIG higher). */
  channelName?: string;
  /** Only the asker sees the reply (slash command): offers "Share in channel". */
  ephemeral: boolean;
  /** Who shared the answer publicly. */
  sharedBy?: string;
}

export interface Bot {
  /** The reply to a command's, mention's or DM's text. */
  reply(text: string, options: ReplyOptions): BotReply;
  /** The answer page a button refers to (More results, Share). */
  page(ref: AnswerRef, options: ReplyOptions): BotReply;
}

export interface BotOptions {
  /** The searcher, or undefined while the index is still loading. */
  searcher: () => Searcher | undefined;
  /** The slash command's name, for the help text. */
  command: string;
  /** Results per page. */
  k?: number;
  latestCount?: number;
}

export function createBot(options: BotOptions): Bot {
  const unavailable: BotReply = { message: buildNoticeMessage(NOTICES.starting), kind: 'unavailable', resultCount: 0 };

  function answerPage(question: string, offset: number, replyOptions: ReplyOptions): BotReply {
    const searcher = options.searcher();
    if (!searcher) return unavailable;
    const result = answer(searcher, question, { k: options.k, offset, channelName: replyOptions.channelName });
    return {
      message: buildAnswerMessage(result, { ephemeral: replyOptions.ephemeral, sharedBy: replyOptions.sharedBy }),
      kind: 'question',
      answered: result.answered,
      resultCount: result.results.length,
    };
  }

  return {
    reply(text, replyOptions) {
      const request = parseRequest(text);
      if (request.kind === 'help') return { message: buildHelpMessage(options.command), kind: 'help', resultCount: 0 };
      if (request.kind === 'latest') {
        const searcher = options.searcher();
        if (!searcher) return unavailable;
        const articles = latestArticles(searcher, options.latestCount ?? 5);
        return { message: buildLatestMessage(articles), kind: 'latest', resultCount: articles.length };
      }
      return answerPage(request.question, 0, replyOptions);
    },
    page(ref, replyOptions) {
      return answerPage(ref.q, ref.o, replyOptions);
    },
  };
}
