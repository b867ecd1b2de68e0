/** What the action listeners read from a button click's payload. */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import { decodeAnswerRef, type AnswerRef } from '../../blocks/button-value.js';
import type { RequestIds } from '../../handle-request.js';

export interface ClickedButton {
  ref: AnswerRef | undefined;
  channel: string | undefined;
  user: string;
  /** The button sat in an ephemeral message (a slash command's answer). */
  ephemeral: boolean;
  /** Where to reply publicly: the message's thread in a channel; a DM stays flat unless threaded. */
  threadTs: string | undefined;
  ids: RequestIds;
}

export function readClick(body: BlockAction<ButtonAction>, action: ButtonAction): ClickedButton {
  const channel = body.channel?.id ?? (body.container?.channel_id as string | undefined);
  const messageTs = body.message?.ts ?? (body.container?.message_ts as string | undefined);
  const parentTs = (body.message?.thread_ts as string | undefined) ?? (body.container?.thread_ts as string | undefined);
  const isDm = channel?.startsWith('D') ?? false;
  return {
    ref: decodeAnswerRef(action.value),
    channel,
    user: body.user.id,
    ephemeral: body.container?.is_ephemeral === true,
    threadTs: parentTs ?? (isDm ? undefined : messageTs),
    ids: { surface: 'action', action: action.action_id, team: body.team?.id ?? body.user.team_id, channel, user: body.user.id },
  };
}
