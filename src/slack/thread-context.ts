/**
 * A follow-up's context: when the bot has answered in a thread, a new question there
 * ("<@bot> それはどのバージョンから?") is searched with the thread's earlier question. The
 * thread is read with conversations.replies (channels:history, groups:history, im:history,
 * mpim:history); when that fails the question is answered on its own.
 */
import type { Logger } from '../logger.js';
import { isHumanMessage } from './listeners/events/is-human-message.js';
import { questionFromSlackText } from './slack-markup.js';
import { slackErrorCode, type WebClient } from './web-client.js';

export interface ThreadMessage {
  ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  subtype?: string;
}

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * Pure: the question the bot last answered in the thread before `currentTs` (the latest
 * person's message before the bot's latest reply), or undefined when the bot has not answered.
 */
export function selectEarlierQuestion(messages: readonly ThreadMessage[], currentTs: string, bot: BotIdentity): string | undefined {
  const before = [...messages].filter((m) => m.ts !== undefined && Number(m.ts) < Number(currentTs)).sort((a, b) => Number(a.ts) - Number(b.ts));
  const isOurs = (m: ThreadMessage): boolean => (bot.botId !== undefined && m.bot_id === bot.botId) || (bot.botUserId !== undefined && m.user === bot.botUserId);
  let reply = -1;
  for (let i = before.length - 1; i >= 0; i--) if (isOurs(before[i]!)) {
    reply = i;
    break;
  }
  for (let i = reply - 1; i >= 0; i--) {
    const m = before[i]!;
    if (!isHumanMessage(m)) continue;
    const question = questionFromSlackText(m.text ?? '');
    if (question !== '') return question;
  }
  return undefined;
}

export async function readEarlierQuestion(client: WebClient, logger: Logger, where: { channel: string; threadTs: string; currentTs: string }, bot: BotIdentity): Promise<string | undefined> {
  try {
    const replies = await client.conversations.replies({ channel: where.channel, ts: where.threadTs, limit: 100 });
    return selectEarlierQuestion((replies.messages ?? []) as ThreadMessage[], where.currentTs, bot);
  } catch (error) {
    logger.warn({ event: 'thread_unavailable', channel: where.channel, error: slackErrorCode(error) }, 'conversations.replies failed; answering without the thread');
    return undefined;
  }
}
