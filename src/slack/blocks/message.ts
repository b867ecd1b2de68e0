/** The message shape every builder returns: Block Kit blocks plus the plain fallback text. */
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type Button = types.Button;
export type ContextElement = types.ContextBlock['elements'][number];

export interface SlackMessage {
  /** Fallback for notifications, screen readers and clients without blocks (mrkdwn, escaped). */
  text: string;
  blocks: Block[];
}

/**
 * Every mrkdwn text object is `verbatim`: Slack then renders only explicit markup (our escaped
 * `<url|label>` links, `<@U…>` of the sharer) and never turns plain `@here`, channel names or
 * URLs from untrusted text into pings or links.
 */
export const mrkdwn = (text: string): { type: 'mrkdwn'; text: string; verbatim: true } => ({ type: 'mrkdwn', text, verbatim: true });
export const plainText = (text: string): { type: 'plain_text'; text: string; emoji: true } => ({ type: 'plain_text', text, emoji: true });
