/**
 * End to end over HTTP: what /slack/events refuses, and how fast. Every body here is signed with
 * the real signing secret, so only the check under test can refuse it.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { allText, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent, signature, SIGNING_SECRET } from './helpers/slack-requests.js';

describe('Slack app (HTTP mode): request checks', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));
  const now = (): number => Math.floor(Date.now() / 1000);

  async function postRaw(body: string, contentType = 'application/json', timestamp = now()): Promise<{ status: number; ms: number; text: string }> {
    const started = performance.now();
    const res = await fetch(t.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(SIGNING_SECRET, timestamp, body) },
      body,
    });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  }

  it.each([
    ['4 minutes in the future', 200, 4 * 60],
    ['6 minutes in the future', 401, 6 * 60],
    ['a year in the future', 401, 365 * 24 * 3600],
    ['4 minutes old', 200, -4 * 60],
    ['6 minutes old', 401, -6 * 60],
  ])('answers a signed command dated %s with %i', async (_what, expected, offset) => {
    const url = t.fake.responseUrl();
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'help', response_url: url }), { timestamp: now() + offset });
    expect(res.status).toBe(expected);
    if (expected === 200) await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(url).pathname));
    else expect(t.fake.calls('response_url')).toHaveLength(0);
  });

  it('refuses a forged signature with 401 and never answers it', async () => {
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'help', response_url: t.fake.responseUrl() }), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.fake.calls()).toHaveLength(0);
  });

  it.each([
    ['JSON null', 'null'],
    ['an array', '[{"type":"event_callback"}]'],
    ['a number', '42'],
    ['a string', '"event_callback"'],
    ['not JSON', '{"type":'],
    ['a type that is not a string', '{"type":5}'],
    ['an event without its event', '{"type":"event_callback","event_id":"Ev1"}'],
    ['an event whose text is a number', JSON.stringify(buildEventEnvelope({ ...buildMention({ text: 'x' }), text: 42 }))],
    ['an event whose id is an object', JSON.stringify({ ...buildEventEnvelope(buildMention({ text: 'x' })), event_id: { a: 1 } })],
  ])('answers a signed body that is %s with 400 at once', async (_what, body) => {
    const res = await postRaw(body);
    expect(res.status).toBe(400);
    expect(res.ms).toBeLessThan(1000);
    expect(JSON.parse(res.text).error).toEqual(expect.any(String));
  });

  it.each([
    ['a command whose text is repeated (an array)', 'command=%2Fk8s&text=a&text=b&response_url=http%3A%2F%2Fx&user_id=U1&channel_id=C1'],
    ['a command without response_url', 'command=%2Fk8s&text=a&user_id=U1&channel_id=C1'],
    ['a payload that is null', 'payload=null'],
    ['a block action whose actions are not a list', `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: 'x' }))}`],
    ['a form that is neither', 'hello=world'],
  ])('answers a signed form body that is %s with 400 at once', async (_what, body) => {
    const res = await postRaw(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect(res.ms).toBeLessThan(1000);
  });

  it('answers a 2 MB question with the first part searched, and says so', async () => {
    const url = t.fake.responseUrl();
    const text = `サイドカー ${'a'.repeat(2_000_000)}`;
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text, response_url: url }));
    expect(res.status).toBe(200);
    const answer = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(url).pathname));
    expect(allText(answer.body)).toMatch(/only the first 500 were searched/);
  });

  it('acknowledges a mention even with a body Bolt has no listener for', async () => {
    const res = await postEvent(t.eventsUrl, buildEventEnvelope({ type: 'reaction_added', user: 'U1', reaction: 'x' }));
    expect(res.status).toBe(200);
    const mention = await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` })));
    expect(mention.status).toBe(200);
    await t.fake.waitFor('chat.postMessage');
  });
});
