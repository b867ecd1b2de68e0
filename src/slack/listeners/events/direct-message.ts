/** A direct message to the bot (message.im): answered in the DM, in the thread if it was in one. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerMessage } from './answer-message.js';
import { isHumanMessage } from './is-human-message.js';

interface ImMessage {
  channel: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
}

export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as unknown as ImMessage;
    if (message.channel_type !== 'im' || !isHumanMessage(message)) {
      deps.logger.debug({ event: 'message_ignored', surface: 'dm', eventId: body.event_id, subtype: message.subtype, bot: Boolean(message.bot_id) }, 'not a question for us');
      return;
    }
    await answerMessage(
      deps,
      {
        surface: 'dm',
        eventId: body.event_id,
        team: message.team ?? body.team_id,
        channel: message.channel,
        user: message.user,
        text: message.text ?? '',
        ts: message.ts,
        threadTs: message.thread_ts,
        target: { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) },
        lookUpChannelName: false,
      },
      client,
      context,
    );
  };
}
