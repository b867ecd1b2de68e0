/**
 * What an HTTP request to /slack/events must be before anything acts on it: dated within five
 * minutes of our clock in either direction (Bolt only bounds the past), signed with the signing
 * secret, and a body of the shape Slack sends. Pure: the receiver turns a problem into a 401/400.
 *
 *   checkTimestamp('1700000000', nowSec)             // → undefined or the problem
 *   parseSlackBody(raw, 'application/json')          // → { ok: true, body } | { ok: false, problem }
 */
import { verifySlackRequest } from '@slack/bolt';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/** Slack's own rule: a request more than five minutes away from our clock is refused. */
export const MAX_CLOCK_SKEW_SEC = 5 * 60;

export function checkTimestamp(header: string | undefined, nowSec: number, maxSkewSec = MAX_CLOCK_SKEW_SEC): string | undefined {
  if (header === undefined || !/^\d{1,12}$/.test(header)) return 'missing or malformed x-slack-request-timestamp';
  const skew = Number(header) - nowSec;
  if (skew > maxSkewSec) return `request dated ${skew} s in the future (more than ${maxSkewSec} s)`;
  if (-skew > maxSkewSec) return `stale request (${-skew} s old, more than ${maxSkewSec} s)`;
  return undefined;
}

/** The signature check itself (HMAC-SHA256 of `v0:timestamp:body`, compared in constant time). */
export function checkSignature(secret: string, timestamp: string, rawBody: string, signature: string | undefined, nowMs: number): string | undefined {
  if (!signature) return 'missing x-slack-signature';
  try {
    verifySlackRequest({ signingSecret: secret, body: rawBody, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) }, nowMilliseconds: nowMs });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const text = z.string();
const optionalText = z.string().optional();

const eventCallback = z.object({
  type: z.literal('event_callback'),
  event_id: text,
  team_id: optionalText,
  event: z.looseObject({ type: text, text: optionalText, channel: optionalText, user: optionalText, ts: optionalText, thread_ts: optionalText }),
});
const urlVerification = z.object({ type: z.literal('url_verification'), challenge: text });
const otherEnvelope = z.looseObject({ type: text });

const slashCommand = z.looseObject({ command: text, text: z.string().default(''), response_url: text, user_id: text, channel_id: text, team_id: optionalText, trigger_id: optionalText });
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: text }),
  actions: z.array(z.looseObject({ action_id: text, value: optionalText })),
  response_url: optionalText,
});
const otherInteraction = z.looseObject({ type: text });

export type SlackBody = Record<string, unknown> & { type?: string };
export type ParsedBody = { ok: true; body: SlackBody; kind: 'event' | 'url_verification' | 'command' | 'interaction' | 'ssl_check' } | { ok: false; problem: string };

/**
 * The body as Bolt expects it (form fields, `payload=` JSON for interactivity, JSON for events),
 * or the problem: not JSON, not an object (null, arrays, scalars), or fields of the wrong type.
 */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedBody {
  const form = contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded';
  if (form) {
    const fields = parseQuery(raw) as Record<string, unknown>;
    if (fields.ssl_check === '1') return { ok: true, body: { ssl_check: '1' }, kind: 'ssl_check' };
    if ('payload' in fields) {
      if (typeof fields.payload !== 'string') return { ok: false, problem: 'payload must be one JSON field' };
      const payload = parseJsonObject(fields.payload);
      if (!payload.ok) return payload;
      return checkShape(payload.value.type === 'block_actions' ? blockActions : otherInteraction, payload.value, 'interaction');
    }
    if ('command' in fields) return checkShape(slashCommand, fields, 'command');
    return { ok: false, problem: 'a form body must be a slash command or carry a payload' };
  }
  const json = parseJsonObject(raw);
  if (!json.ok) return json;
  if (json.value.type === 'url_verification') return checkShape(urlVerification, json.value, 'url_verification');
  if (json.value.type === 'event_callback') return checkShape(eventCallback, json.value, 'event');
  return checkShape(otherEnvelope, json.value, 'event');
}

function parseJsonObject(raw: string): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'body is not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: `body must be a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function checkShape(schema: z.ZodType, value: Record<string, unknown>, kind: Exclude<ParsedBody & { ok: true }, never>['kind']): ParsedBody {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, body: { ...value, ...(result.data as object) }, kind };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
}
