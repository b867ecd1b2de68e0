/**
 * 👍/👎 under an answer: the vote is recorded (one per person per answer: a second click replaces
 * the first), one structured `feedback` log line with the answer's tally, and a thank-you only the
 * clicker sees. A vote store that cannot be reached only loses the tally, never the thank-you.
 */
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../../blocks/answer-blocks.js';
import { messages } from '../../../i18n/messages.js';
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
      const answer = click.ref ? buildAnswerId(click.ref.q, click.ref.o) : undefined;
      const tally = answer ? await deps.votes.record(answer, click.user, vote).catch((error: unknown) => void log.warn({ event: 'vote_not_recorded', error: String(error) }, 'vote store unavailable')) : undefined;
      // Article ids and the page, not the question: question text is for debug level only.
      log.info({ event: 'feedback', vote, answer, tally, offset: click.ref?.o, articles: click.ref?.a ?? [] }, `feedback ${vote}`);
      if (click.ref) log.debug({ question: click.ref.q }, 'feedback question');
      await sendResponse(body.response_url, { response_type: 'ephemeral', replace_original: false, text: messages(click.ref?.l ?? 'ja').thanks }, deps);
      return { kind: 'feedback' };
    });
  };
}

/** Which answer a vote is about: the question as searched and the page (a hash, so no question text is stored). */
export function buildAnswerId(question: string, offset: number): string {
  return createHash('sha256').update(JSON.stringify([question, offset])).digest('hex').slice(0, 32);
}
