import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks/answer-blocks.js';
import type { ListenerDeps } from '../deps.js';
import { feedback } from './feedback.js';
import { moreResults } from './more-results.js';
import { shareAnswer } from './share-answer.js';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.moreResults, moreResults(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.share, shareAnswer(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.feedbackUp, feedback(deps));
  app.action<BlockAction<ButtonAction>>(ACTION.feedbackDown, feedback(deps));
}
