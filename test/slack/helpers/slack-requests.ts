/**
 * Requests as Slack sends them: signed with the signing secret (v0:timestamp:body, HMAC-SHA256),
 * commands and interactivity form-encoded (`payload=` JSON for actions), events as JSON.
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45f';
export const TEAM = 'T0001';
export const CHANNEL = 'C0SIGNODE';
export const USER = 'U0ASKER';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
  headers?: Record<string, string>;
}

async function send(url: string, body: string, contentType: string, options: SendOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

export function postEvent(url: string, envelope: object, options: SendOptions = {}): Promise<Response> {
  return send(url, JSON.stringify(envelope), 'application/json', options);
}

export function postCommand(url: string, command: Record<string, string>, options: SendOptions = {}): Promise<Response> {
  return send(url, new URLSearchParams(command).toString(), 'application/x-www-form-urlencoded', options);
}

export function postAction(url: string, payload: object, options: SendOptions = {}): Promise<Response> {
  return send(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}

let counter = 0;
const unique = (): number => ++counter;

export function buildSlashCommand(fields: { text: string; response_url: string; command?: string; channel_id?: string; user_id?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'test',
    channel_id: fields.channel_id ?? CHANNEL,
    channel_name: 'sig-node',
    user_id: fields.user_id ?? USER,
    user_name: 'asker',
    command: fields.command ?? '/k8s',
    text: fields.text,
    api_app_id: 'A0APP',
    response_url: fields.response_url,
    trigger_id: `trigger-${unique()}`,
  };
}

export function buildEventEnvelope(event: Record<string, unknown>, eventId = `Ev${unique()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT0001', is_bot: true }],
    event,
  };
}

export function buildMention(fields: { text: string; ts?: string; thread_ts?: string; channel?: string; user?: string; bot_id?: string; subtype?: string }): Record<string, unknown> {
  return { type: 'app_mention', user: USER, channel: CHANNEL, event_ts: fields.ts ?? `1710000000.${String(unique()).padStart(6, '0')}`, ts: `1710000000.${String(unique()).padStart(6, '0')}`, team: TEAM, ...fields };
}

export function buildDirectMessage(fields: { text: string; channel?: string; user?: string; bot_id?: string; subtype?: string; thread_ts?: string; ts?: string }): Record<string, unknown> {
  const ts = `1710000100.${String(unique()).padStart(6, '0')}`;
  return { type: 'message', channel_type: 'im', channel: 'D0DM', user: USER, ts, event_ts: ts, team: TEAM, ...fields };
}

export interface ButtonClick {
  action_id: string;
  value: string;
  response_url: string;
  /** An ephemeral message (a slash command's answer) or a public one. */
  ephemeral?: boolean;
  channel?: string;
  message_ts?: string;
  thread_ts?: string;
  user?: string;
}

export function buildBlockAction(click: ButtonClick): Record<string, unknown> {
  const channel = click.channel ?? CHANNEL;
  const messageTs = click.message_ts ?? `1710000200.${String(unique()).padStart(6, '0')}`;
  const container = { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: click.ephemeral ?? false, ...(click.thread_ts ? { thread_ts: click.thread_ts } : {}) };
  return {
    type: 'block_actions',
    user: { id: click.user ?? USER, username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container,
    trigger_id: `trigger-${unique()}`,
    team: { id: TEAM, domain: 'test' },
    channel: { id: channel, name: 'sig-node' },
    ...(click.ephemeral ? {} : { message: { type: 'message', ts: messageTs, bot_id: 'BBOT0001', text: 'answer', ...(click.thread_ts ? { thread_ts: click.thread_ts } : {}) } }),
    response_url: click.response_url,
    actions: [{ type: 'button', action_id: click.action_id, block_id: 'answer_actions', value: click.value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}` }],
  };
}
