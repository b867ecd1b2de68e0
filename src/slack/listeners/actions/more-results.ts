/**
 * "More results": the next page of the same question. In an ephemeral answer it replaces the
 * page; under a public answer it is posted in the same thread.
 */
import { messages } from '../../../i18n/messages.js';
import { respondWithRetry } from '../../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { answerButtonListener } from './answer-click.js';

export function moreResults(deps: ListenerDeps) {
  return answerButtonListener(deps, {
    replyOptions: (click) => ({ ephemeral: click.ephemeral }),
    apology: (lang) => messages(lang).apology,
    async deliver({ respond, client }, { click, message }) {
      if (click.ephemeral) await respondWithRetry(respond, { response_type: 'ephemeral', replace_original: true, ...message }, deps.retry);
      else await client.chat.postMessage({ channel: click.channel, thread_ts: click.threadTs, unfurl_links: false, unfurl_media: false, ...message });
      return 'more_results';
    },
  });
}
