/** `@k8s-bot <question>` in a channel: answered in the message's thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseRequest } from '../../bot.js';
import { apologyFor, mayHaveArrived, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import { readEarlierQuestion } from '../../thread-context.js';
import { resolveLanguage } from '../../user-language.js';
import type { Lang } from '../../../i18n/messages.js';
import type { ListenerDeps } from '../deps.js';
import { isHumanMessage } from './is-human-message.js';

export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // In a DM the message.im listener answers.
    if (!isHumanMessage(event) || event.channel.startsWith('D')) {
      deps.logger.debug({ event: 'message_ignored', surface: 'mention', eventId: body.event_id, subtype: event.subtype, bot: Boolean(event.bot_id) }, 'not a question for us');
      return;
    }
    const target = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    const ids = { surface: 'mention' as const, team: event.team ?? body.team_id, channel: event.channel, user: event.user, eventId: body.event_id };
    let lang: Lang = 'ja';
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(event.text);
        log.debug({ question: text }, 'question');
        lang = await resolveLanguage(deps.languages, client, event.user, text);
        const isQuestion = parseRequest(text).kind === 'question';
        const channelName = isQuestion ? await deps.channelNames.lookup(client, event.channel) : undefined;
        // In a thread the bot answered, the earlier question is the context of this one.
        const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
        const followUp = isQuestion && inThread ? await readEarlierQuestion(client, log, { channel: event.channel, threadTs: target.thread_ts, currentTs: event.ts }, context) : undefined;
        const reply = await deps.bot.reply(text, { channelName, ephemeral: false, lang, context: followUp });
        await deps.poster.post(target, withinLimits(reply.message, log), body.event_id, log);
        return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      async (log, error) => {
        // Could not tell whether the answer went out: a second message could be a duplicate.
        if (mayHaveArrived(error)) return;
        const text = apologyFor(error, lang);
        await deps.poster.post(target, { text, blocks: [] }, `${body.event_id}:apology`, log);
      },
    );
  };
}
