/**
 * "More results": the next page of the same question. In an ephemeral answer it replaces the
 * page; under a public answer it is posted in the same thread.
 */
import { NOTICES } from '../../blocks/help-blocks.js';
import { sendResponse } from '../../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { answerButtonListener } from './answer-click.js';

export function moreResults(deps: ListenerDeps) {
  return answerButtonListener(deps, {
    replyOptions: (click) => ({ ephemeral: click.ephemeral }),
    apology: NOTICES.apology,
    async deliver({ body }, { click, message, log }) {
      if (click.ephemeral) await sendResponse(body.response_url, { response_type: 'ephemeral', replace_original: true, ...message }, deps);
      else await deps.poster.post({ channel: click.channel, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) }, message, body.trigger_id, log);
      return 'more_results';
    },
  });
}
