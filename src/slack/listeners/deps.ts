/** What every listener needs, built once in createSlackApp. */
import type { Logger } from '../../logger.js';
import type { SlackMessage } from '../blocks/message.js';
import type { ChannelNames } from '../channel-names.js';
import type { ResponseDelivery } from '../deliver.js';
import type { AnswerPoster } from '../post-answer.js';
import type { AsyncBot } from '../worker/bot-pool.js';

export interface ListenerDeps extends ResponseDelivery {
  /** The bot core (in worker threads in the app; in-process in the shell and unit tests). */
  bot: AsyncBot;
  /** chat.postMessage exactly once per request (looks before retrying an ambiguous failure). */
  poster: AnswerPoster;
  logger: Logger;
  channelNames: ChannelNames;
  /** The slash command, e.g. `/k8s`. */
  command: string;
  /** `/k8s digest`: a preview of the next digest (src/digest/preview.ts). */
  digestPreview?: () => Promise<SlackMessage>;
}
