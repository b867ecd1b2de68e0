/**
 * "Share in channel": posts the same answer page publicly (chat.postMessage), then removes the
 * ephemeral copy. When the bot is not in the channel, the action's response_url can still post
 * in_channel; when that fails too, the user is told how to invite the bot.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { NOTICES } from '../../blocks/help-blocks.js';
import { respondWithRetry, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import { slackErrorCode } from '../../web-client.js';
import type { ListenerDeps } from '../deps.js';
import { readClick } from './action-context.js';

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

export function shareAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    await handleRequest(
      deps.logger,
      click.ids,
      async (log) => {
        if (!click.ref || !click.channel) {
          await respondWithRetry(respond, { response_type: 'ephemeral', replace_original: false, text: NOTICES.expired }, deps.retry);
          return { kind: 'expired' };
        }
        log.debug({ question: click.ref.q, offset: click.ref.o }, 'question');
        const channelName = await deps.channelNames.lookup(client, click.channel);
        const reply = deps.bot.page(click.ref, { channelName, ephemeral: false, sharedBy: click.user });
        const message = withinLimits(reply.message, log);
        let via = 'chat.postMessage';
        try {
          await client.chat.postMessage({ channel: click.channel, unfurl_links: false, unfurl_media: false, ...message });
        } catch (error) {
          if (!NOT_A_MEMBER.has(slackErrorCode(error))) throw error;
          log.info({ event: 'share_fallback', error: slackErrorCode(error) }, 'bot not in channel; sharing through response_url');
          via = 'response_url';
          await respondWithRetry(respond, { response_type: 'in_channel', replace_original: false, ...message }, deps.retry);
        }
        // The public copy is out; the private one would only be a duplicate.
        if (click.ephemeral) await respond({ delete_original: true }).catch((e: unknown) => log.warn({ error: slackErrorCode(e) }, 'could not remove the ephemeral answer'));
        return { kind: `share_via_${via}`, answered: reply.answered, resultCount: reply.resultCount };
      },
      () => respondWithRetry(respond, { response_type: 'ephemeral', replace_original: false, text: NOTICES.cannotShare }, deps.retry),
    );
  };
}
