/**
 * The bot's core, ignorant of transport (Hubot's split): text in, a Block Kit reply out. The
 * Slack listeners and the local shell both call it, so they answer exactly alike.
 */
import { answer, latestArticles } from '../answer/answer.js';
import { selectLanguage } from '../i18n/language.js';
import { messages, type Lang } from '../i18n/messages.js';
import type { Searcher } from '../search/searcher.js';
import { buildAnswerMessage } from './blocks/answer-blocks.js';
import type { AnswerRef } from './blocks/button-value.js';
import { buildHelpMessage, buildHomeView, buildLatestMessage, buildNoticeMessage } from './blocks/help-blocks.js';
import type { Block, SlackMessage } from './blocks/message.js';

export type BotRequest = { kind: 'help' } | { kind: 'latest' } | { kind: 'digest' } | { kind: 'question'; question: string };

const HELP_WORDS = new Set(['help', '-h', '--help', '?', 'ヘルプ', '使い方']);
const LATEST_WORDS = new Set(['latest', 'new', 'news', '最新', '新着']);
const DIGEST_WORDS = new Set(['digest', 'ダイジェスト']);

/** What the user asked for; empty text asks for help. */
export function parseRequest(text: string): BotRequest {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase();
  if (trimmed === '' || HELP_WORDS.has(word)) return { kind: 'help' };
  if (LATEST_WORDS.has(word)) return { kind: 'latest' };
  if (DIGEST_WORDS.has(word)) return { kind: 'digest' };
  return { kind: 'question', question: trimmed };
}

export interface BotReply {
  message: SlackMessage;
  kind: BotRequest['kind'] | 'unavailable';
  /** For questions: whether the articles answered it. */
  answered?: boolean;
  resultCount: number;
  lang: Lang;
}

export interface ReplyOptions {
  /** Name of the workspace channel asked in (ranks a mirrored SIG higher). */
  channelName?: string;
  /** Only the asker sees the reply (slash command, shortcut): offers "Share in channel". */
  ephemeral: boolean;
  /** Who shared the answer publicly. */
  sharedBy?: string;
  /** The language to answer in; default: the question's, else Japanese (listeners add the user's locale). */
  lang?: Lang;
  /** A follow-up's earlier question in the thread: searched too, weighing less. */
  context?: string;
  /** The text is a question whatever it says (the message shortcut: a message saying "help"). */
  asQuestion?: boolean;
}

export interface Bot {
  /** The reply to a command's, mention's or DM's text. */
  reply(text: string, options: ReplyOptions): BotReply;
  /** The answer page a button refers to (More results, Share). */
  page(ref: AnswerRef, options: ReplyOptions): BotReply;
  /** The App Home view. */
  home(lang: Lang): { type: 'home'; blocks: Block[] };
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
  const unavailable = (lang: Lang): BotReply => ({ message: buildNoticeMessage(messages(lang).starting), kind: 'unavailable', resultCount: 0, lang });

  function answerPage(question: string, offset: number, replyOptions: ReplyOptions, lang: Lang): BotReply {
    const searcher = options.searcher();
    if (!searcher) return unavailable(lang);
    const result = answer(searcher, question, { k: options.k, offset, channelName: replyOptions.channelName, context: replyOptions.context });
    return {
      message: buildAnswerMessage(result, { ephemeral: replyOptions.ephemeral, sharedBy: replyOptions.sharedBy, lang }),
      kind: 'question',
      answered: result.answered,
      resultCount: result.results.length,
      lang,
    };
  }

  return {
    reply(text, replyOptions) {
      const lang = replyOptions.lang ?? selectLanguage(text);
      const request = replyOptions.asQuestion ? { kind: 'question' as const, question: text.trim() } : parseRequest(text);
      if (request.kind === 'help') return { message: buildHelpMessage(options.command, lang), kind: 'help', resultCount: 0, lang };
      if (request.kind === 'latest') {
        const searcher = options.searcher();
        if (!searcher) return unavailable(lang);
        const articles = latestArticles(searcher, options.latestCount ?? 5);
        return { message: buildLatestMessage(articles, lang), kind: 'latest', resultCount: articles.length, lang };
      }
      // The digest preview reads files: the listener (or shell) answers it, not the core.
      const question = request.kind === 'digest' ? text.trim() : request.question;
      return answerPage(question, 0, replyOptions, lang);
    },
    page(ref, replyOptions) {
      const lang = ref.l ?? replyOptions.lang ?? 'ja';
      return answerPage(ref.q, ref.o, { ...replyOptions, context: ref.c }, lang);
    },
    home(lang) {
      const searcher = options.searcher();
      return buildHomeView({ command: options.command, articles: searcher ? latestArticles(searcher, 5) : [], channels: searcher ? searcher.index.channels : { workspaceUrl: '', fallback: '', channels: [] }, lang });
    },
  };
}
