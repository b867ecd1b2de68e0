/** `@k8s-bot <question>` in a channel: answered in the message's thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerMessage } from './answer-message.js';
import { isHumanMessage } from './is-human-message.js';

export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // In a DM the message.im listener answers.
    if (!isHumanMessage(event) || event.channel.startsWith('D')) {
      deps.logger.debug({ event: 'message_ignored', surface: 'mention', eventId: body.event_id, subtype: event.subtype, bot: Boolean(event.bot_id) }, 'not a question for us');
      return;
    }
    await answerMessage(
      deps,
      {
        surface: 'mention',
        eventId: body.event_id,
        team: event.team ?? body.team_id,
        channel: event.channel,
        user: event.user,
        text: event.text,
        ts: event.ts,
        threadTs: event.thread_ts,
        target: { channel: event.channel, thread_ts: event.thread_ts ?? event.ts },
        lookUpChannelName: true,
      },
      client,
      context,
    );
  };
}
