/** The flow a channel mention and a direct message share: read the question, answer it in place, apologise once on failure. */
import type { WebClient } from '@slack/web-api';
import { parseRequest } from '../../bot.js';
import { apologyFor, mayHaveArrived, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import { readEarlierQuestion } from '../../thread-context.js';
import { resolveLanguage } from '../../user-language.js';
import type { Lang } from '../../../i18n/messages.js';
import type { ListenerDeps } from '../deps.js';

export interface ConversationMessage {
  surface: 'mention' | 'dm';
  eventId: string;
  team: string | undefined;
  channel: string;
  user: string | undefined;
  text: string;
  ts: string;
  threadTs: string | undefined;
  /** Where the answer goes: a mention always answers in a thread, a DM only when asked in one. */
  target: { channel: string; thread_ts?: string };
  /** A channel's name points the answer to the SIG channels beside it; a DM has none. */
  lookUpChannelName: boolean;
}

/** `bot` tells the bot's own messages in a thread apart (Bolt's context carries its ids). */
export async function answerMessage(deps: ListenerDeps, message: ConversationMessage, client: WebClient, bot: Parameters<typeof readEarlierQuestion>[3]): Promise<void> {
  const { surface, team, channel, user, eventId, target } = message;
  let lang: Lang = 'ja';
  await handleRequest(
    deps.logger,
    { surface, team, channel, user, eventId },
    async (log) => {
      const text = questionFromSlackText(message.text);
      log.debug({ question: text }, 'question');
      lang = await resolveLanguage(deps.languages, client, user, text);
      const isQuestion = parseRequest(text).kind === 'question';
      const channelName = isQuestion && message.lookUpChannelName ? await deps.channelNames.lookup(client, channel) : undefined;
      // In a thread the bot answered, the earlier question is the context of this one.
      const inThread = message.threadTs !== undefined && message.threadTs !== message.ts;
      const followUp = isQuestion && inThread ? await readEarlierQuestion(client, log, { channel, threadTs: message.threadTs!, currentTs: message.ts }, bot) : undefined;
      const reply = await deps.bot.reply(text, { channelName, ephemeral: false, lang, context: followUp });
      await deps.poster.post(target, withinLimits(reply.message, log), eventId, log);
      return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
    },
    async (log, error) => {
      // Could not tell whether the answer went out: a second message could be a duplicate.
      if (mayHaveArrived(error)) return;
      await deps.poster.post(target, { text: apologyFor(error, lang), blocks: [] }, `${eventId}:apology`, log);
    },
  );
}
