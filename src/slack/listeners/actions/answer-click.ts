/**
 * The steps every answer button shares (More results, Share in channel): acknowledge, read
 * the click, rebuild the answer page it refers to, then let the button deliver it. An
 * expired or unreadable button gets a notice; a failure gets the button's apology.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../logger.js';
import type { AnswerRef } from '../../blocks/button-value.js';
import { NOTICES } from '../../blocks/help-blocks.js';
import type { SlackMessage } from '../../blocks/message.js';
import type { BotReply, ReplyOptions } from '../../bot.js';
import { apologyFor, sendResponse, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import type { ListenerDeps } from '../deps.js';
import { readClick, type ClickedButton } from './action-context.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface AnswerClick {
  click: ClickedButton & { ref: AnswerRef; channel: string };
  reply: BotReply;
  /** The reply's message, checked against Block Kit limits. */
  message: SlackMessage;
  log: Logger;
}

export interface AnswerButton {
  /** How the page is rendered for this button (channelName is looked up here). */
  replyOptions: (click: ClickedButton) => Omit<ReplyOptions, 'channelName'>;
  /** Posts the page; returns how, for the request log. */
  deliver: (args: ButtonArgs, answer: AnswerClick) => Promise<string>;
  /** Shown to the user when delivering fails. */
  apology: string;
}

export function answerButtonListener(deps: ListenerDeps, button: AnswerButton) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, body, action, client } = args;
    await ack();
    const click = readClick(body, action);
    await handleRequest(
      deps.logger,
      click.ids,
      async (log) => {
        if (!click.ref || !click.channel) {
          await sendResponse(body.response_url, { response_type: 'ephemeral', replace_original: false, text: NOTICES.expired }, deps);
          return { kind: 'expired' };
        }
        log.debug({ question: click.ref.q, offset: click.ref.o }, 'question');
        const channelName = await deps.channelNames.lookup(client, click.channel);
        const reply = await deps.bot.page(click.ref, { channelName, ...button.replyOptions(click) });
        const message = withinLimits(reply.message, log);
        const kind = await button.deliver(args, { click: { ...click, ref: click.ref, channel: click.channel }, reply, message, log });
        return { kind, answered: reply.answered, resultCount: reply.resultCount };
      },
      (_log, error) => sendResponse(body.response_url, { response_type: 'ephemeral', replace_original: false, text: apologyFor(error, button.apology) }, deps),
    );
  };
}
