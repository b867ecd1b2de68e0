/**
 * "Share in channel": posts the same answer page publicly (chat.postMessage), then removes the
 * ephemeral copy. When the bot is not in the channel, the action's response_url can still post
 * in_channel; when that fails too, the user is told how to invite the bot.
 */
import { NOTICES } from '../../blocks/help-blocks.js';
import { sendResponse } from '../../deliver.js';
import { slackErrorCode } from '../../web-client.js';
import type { ListenerDeps } from '../deps.js';
import { answerButtonListener } from './answer-click.js';

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

export function shareAnswer(deps: ListenerDeps) {
  return answerButtonListener(deps, {
    replyOptions: (click) => ({ ephemeral: false, sharedBy: click.user }),
    apology: NOTICES.cannotShare,
    async deliver({ body }, { click, message, log }) {
      let via = 'chat.postMessage';
      try {
        await deps.poster.post({ channel: click.channel }, message, body.trigger_id, log);
      } catch (error) {
        if (!NOT_A_MEMBER.has(slackErrorCode(error))) throw error;
        log.info({ event: 'share_fallback', error: slackErrorCode(error) }, 'bot not in channel; sharing through response_url');
        via = 'response_url';
        await sendResponse(body.response_url, { response_type: 'in_channel', replace_original: false, ...message }, deps);
      }
      // The public copy is out; the private one would only be a duplicate.
      if (click.ephemeral) await sendResponse(body.response_url, { delete_original: true }, deps).catch((e: unknown) => log.warn({ error: slackErrorCode(e) }, 'could not remove the ephemeral answer'));
      return `share_via_${via}`;
    },
  });
}
