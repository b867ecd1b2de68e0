/** What every listener needs, built once in createSlackApp. */
import type { Logger } from '../../logger.js';
import type { Bot } from '../bot.js';
import type { SlackMessage } from '../blocks/message.js';
import type { VoteStore } from '../../state/votes.js';
import type { ChannelNames } from '../channel-names.js';
import type { RetryPolicy } from '../web-client.js';

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  channelNames: ChannelNames;
  /** 👍/👎, one per person per answer (shared by replicas with REDIS_URL). */
  votes: VoteStore;
  /** The slash command, e.g. `/k8s`. */
  command: string;
  /** Retries for response_url posts (the WebClient has its own copy). */
  retry: RetryPolicy;
  /** `/k8s digest`: a preview of the next digest (src/digest/preview.ts). */
  digestPreview?: () => Promise<SlackMessage>;
}
