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

export const mrkdwn = (text: string): { type: 'mrkdwn'; text: string } => ({ type: 'mrkdwn', text });
export const plainText = (text: string): { type: 'plain_text'; text: string; emoji: true } => ({ type: 'plain_text', text, emoji: true });
