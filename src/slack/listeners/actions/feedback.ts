/** 👍/👎 under an answer: one structured `feedback` log line, and a thank-you only the clicker sees. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../../blocks/answer-blocks.js';
import { NOTICES } from '../../blocks/help-blocks.js';
import { sendResponse } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import type { ListenerDeps } from '../deps.js';
import { readClick } from './action-context.js';

export function feedback(deps: ListenerDeps) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readClick(body, action);
    await handleRequest(deps.logger, click.ids, async (log) => {
      const vote = action.action_id === ACTION.feedbackUp ? 'up' : 'down';
      // Article ids and the page, not the question: question text is for debug level only.
      log.info({ event: 'feedback', vote, offset: click.ref?.o, articles: click.ref?.a ?? [] }, `feedback ${vote}`);
      if (click.ref) log.debug({ question: click.ref.q }, 'feedback question');
      await sendResponse(body.response_url, { response_type: 'ephemeral', replace_original: false, text: NOTICES.thanks }, deps);
      return { kind: 'feedback' };
    });
  };
}
