/**
 * "More results": the next page of the same question. In an ephemeral answer it replaces the
 * page; under a public answer it is posted in the same thread.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { NOTICES } from '../../blocks/help-blocks.js';
import { respondWithRetry, withinLimits } from '../../deliver.js';
import { handleRequest } from '../../handle-request.js';
import type { ListenerDeps } from '../deps.js';
import { readClick } from './action-context.js';

export function moreResults(deps: ListenerDeps) {
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
        const reply = deps.bot.page(click.ref, { channelName, ephemeral: click.ephemeral });
        const message = withinLimits(reply.message, log);
        if (click.ephemeral) await respondWithRetry(respond, { response_type: 'ephemeral', replace_original: true, ...message }, deps.retry);
        else await client.chat.postMessage({ channel: click.channel, thread_ts: click.threadTs, unfurl_links: false, unfurl_media: false, ...message });
        return { kind: 'more_results', answered: reply.answered, resultCount: reply.resultCount };
      },
      () => respondWithRetry(respond, { response_type: 'ephemeral', replace_original: false, text: NOTICES.apology }, deps.retry),
    );
  };
}
