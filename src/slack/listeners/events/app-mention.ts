/** `@k8s-bot <question>` in a channel: answered in the message's thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseRequest } from '../../bot.js';
import { apologyFor, mayHaveArrived, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import type { ListenerDeps } from '../deps.js';
import { isHumanMessage } from './is-human-message.js';

export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // In a DM the message.im listener answers.
    if (!isHumanMessage(event) || event.channel.startsWith('D')) {
      deps.logger.debug({ event: 'message_ignored', surface: 'mention', eventId: body.event_id, subtype: event.subtype, bot: Boolean(event.bot_id) }, 'not a question for us');
      return;
    }
    const target = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    const ids = { surface: 'mention' as const, team: event.team ?? body.team_id, channel: event.channel, user: event.user, eventId: body.event_id };
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(event.text);
        log.debug({ question: text }, 'question');
        const channelName = parseRequest(text).kind === 'question' ? await deps.channelNames.lookup(client, event.channel) : undefined;
        const reply = await deps.bot.reply(text, { channelName, ephemeral: false });
        await deps.poster.post(target, withinLimits(reply.message, log), body.event_id, log);
        return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      async (log, error) => {
        // Could not tell whether the answer went out: a second message could be a duplicate.
        if (mayHaveArrived(error)) return;
        const text = apologyFor(error);
        await deps.poster.post(target, { text, blocks: [] }, `${body.event_id}:apology`, log);
      },
    );
  };
}
