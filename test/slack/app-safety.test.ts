/**
 * End to end over HTTP: hostile text in questions reaches the fake Slack inert, and the app
 * acknowledges and answers while auth.test is failing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { allText, startTestApp, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent } from './helpers/slack-requests.js';
import { eventually } from '../support/eventually.js';

/** As Slack delivers it: special mentions and links are already markup in event and command text. */
const HOSTILE = 'サイドカー @here <!channel> <!here> <!subteam^S0TEAM|@sre> https://evil.example/a <https://evil.example/b> www.evil.example @everyone';

function expectInert(body: Record<string, any>): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn') expect(o.verbatim, JSON.stringify(o)).toBe(true);
    Object.values(o).forEach(visit);
  };
  visit(body.blocks);
  const text = allText(body);
  expect(text).not.toMatch(/<!|<@(?!U0ASKER)|<https?:\/\/evil/);
  expect(text).not.toMatch(/@(here|channel|everyone)\b/);
  expect(text).not.toMatch(/https?:\/\/evil|www\.evil/);
  // The question is still echoed, readable once the invisible joiners are removed.
  expect(text.replace(/\u2060/g, '')).toContain('https://evil.example/a');
}

describe('Slack app (HTTP mode): nothing pings or links', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));

  it('keeps @here, <!channel> and URLs in a slash command inert in the answer', async () => {
    const url = t.fake.responseUrl();
    await postCommand(t.eventsUrl, buildSlashCommand({ text: HOSTILE, response_url: url }));
    expectInert((await t.fake.waitFor('response_url')).body);
  });

  it('keeps them inert in a public thread answer to a mention', async () => {
    await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> ${HOSTILE}` })));
    expectInert((await t.fake.waitFor('chat.postMessage')).body);
  });

  it('keeps them inert in the "no confident answer" reply', async () => {
    await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> Karpenter https://evil.example/a @here` })));
    const body = (await t.fake.waitFor('chat.postMessage')).body;
    // The reply names what no article mentions, and the hostile parts stay text.
    expect(allText(body)).toContain('No article mentions Karpenter');
    expectInert(body);
  });
});

describe('Slack app (HTTP mode): bot identity', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('acknowledges and answers while auth.test fails, and is ready only once it succeeds', async () => {
    t = await startTestApp({ identityRetryMs: 100, beforeStart: (fake) => fake.failNext('auth.test', { status: 500 }, 1000) });
    await t.slack.searcherReady;
    await eventually('auth.test failing', () => t!.fake.calls('auth.test', { includeFailed: true }).length >= 2, 10_000);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(503);

    const started = performance.now();
    const command = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl() }));
    const mention = await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> dockershim` })));
    expect([command.status, mention.status]).toEqual([200, 200]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(allText((await t.fake.waitFor('response_url')).body)).toContain('サイドカーコンテナ');
    expect(allText((await t.fake.waitFor('chat.postMessage')).body)).toContain('dockershim');

    t.fake.clearFailures('auth.test');
    await eventually('identity known', () => t!.slack.isReady(), 10_000);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
    expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
    expect(t.fake.calls('response_url')).toHaveLength(1);
    // Cached: no auth.test per request.
    const calls = t.fake.calls('auth.test', { includeFailed: true }).length;
    await postCommand(t.eventsUrl, buildSlashCommand({ text: 'help', response_url: t.fake.responseUrl() }));
    await t.fake.waitForCount('response_url', 2);
    expect(t.fake.calls('auth.test', { includeFailed: true })).toHaveLength(calls);
  });
});
