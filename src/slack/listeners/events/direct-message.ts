/** A direct message to the bot (message.im): answered in the DM, in the thread if it was in one. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { apologyFor, mayHaveArrived, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { questionFromSlackText } from '../../slack-markup.js';
import type { ListenerDeps } from '../deps.js';
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
  return async ({ event, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as unknown as ImMessage;
    if (message.channel_type !== 'im' || !isHumanMessage(message)) {
      deps.logger.debug({ event: 'message_ignored', surface: 'dm', eventId: body.event_id, subtype: message.subtype, bot: Boolean(message.bot_id) }, 'not a question for us');
      return;
    }
    const target = { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
    const ids = { surface: 'dm' as const, team: message.team ?? body.team_id, channel: message.channel, user: message.user, eventId: body.event_id };
    await handleRequest(
      deps.logger,
      ids,
      async (log) => {
        const text = questionFromSlackText(message.text ?? '');
        log.debug({ question: text }, 'question');
        const reply = await deps.bot.reply(text, { ephemeral: false });
        await deps.poster.post(target, withinLimits(reply.message, log), body.event_id, log);
        return { kind: reply.kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      async (log, error) => {
        if (mayHaveArrived(error)) return;
        await deps.poster.post(target, { text: apologyFor(error), blocks: [] }, `${body.event_id}:apology`, log);
      },
    );
  };
}
