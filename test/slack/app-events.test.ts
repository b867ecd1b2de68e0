/** End to end over HTTP: mentions, DMs, Slack's retries, request verification and bad input. */
import { describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { allText, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildDirectMessage, buildEventEnvelope, buildMention, buildSlashCommand, CHANNEL, postCommand, postEvent, signature, SIGNING_SECRET } from './helpers/slack-requests.js';
import { messages } from '../../src/i18n/messages.js';
import { eventually } from '../support/eventually.js';

describe('Slack app (HTTP mode): events', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));

  const send = async (event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>) => {
    const res = await postEvent(t.eventsUrl, buildEventEnvelope(event, eventId), { headers });
    expect(res.status).toBe(200);
  };
  const ignoredCount = () => t.logs.filter((l) => l.event === 'message_ignored').length;

  it('answers the url_verification challenge', async () => {
    const res = await postEvent(t.eventsUrl, { token: 'x', challenge: 'challenge-abc123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-abc123');
  });

  describe('app_mention', () => {
    it('answers in the thread of the mentioning message, without the mention in the question', async () => {
      const mention = buildMention({ text: `<@${FAKE_BOT.userId}> サイドカーコンテナってどう定義するの?` });
      await send(mention);
      const call = await t.fake.waitFor('chat.postMessage');
      expect(call.body).toMatchObject({ channel: CHANNEL, thread_ts: mention.ts });
      expect(allText(call.body)).toContain('サイドカーコンテナの定義と使いどころ');
      expect(allText(call.body)).not.toContain(FAKE_BOT.userId);
    });

    it('answers inside an existing thread when mentioned in one', async () => {
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> dockershim 削除 理由`, thread_ts: '1700000000.000042' }));
      const call = await t.fake.waitFor('chat.postMessage');
      expect(call.body.thread_ts).toBe('1700000000.000042');
      expect(allText(call.body)).toContain('dockershim');
    });

    it('looks the channel name up once (cached) and still answers when it cannot', async () => {
      t.fake.addChannel({ id: CHANNEL, name: 'sig-node' });
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` }));
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー 終了の順序` }));
      await t.fake.waitForCount('chat.postMessage', 2);
      expect(t.fake.calls('conversations.info').length).toBeLessThanOrEqual(1);
      t.fake.failNext('conversations.info', { ok: false, error: 'missing_scope' });
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> Podの退避`, channel: 'C0OTHER' }));
      const answered = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0OTHER');
      expect(allText(answered.body)).toContain('PodDisruptionBudget');
    });

    it('ignores other bots and edited messages', async () => {
      const before = ignoredCount();
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, bot_id: 'B0OTHER' }));
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, subtype: 'message_changed' }));
      await eventually('two ignored mentions', () => ignoredCount() >= before + 2, 10_000);
      expect(t.fake.calls('chat.postMessage')).toHaveLength(0);
    });
  });

  describe('message.im', () => {
    it('answers a direct message in the DM', async () => {
      await send(buildDirectMessage({ text: 'PodDisruptionBudget 異常なPod 退避' }));
      const call = await t.fake.waitFor('chat.postMessage');
      expect(call.body.channel).toBe('D0DM');
      expect(call.body.thread_ts).toBeUndefined();
      expect(allText(call.body)).toContain('unhealthyPodEvictionPolicy');
    });

    it('ignores its own messages, other bots, edits and deletions', async () => {
      const before = ignoredCount();
      await send(buildDirectMessage({ text: 'サイドカー', subtype: 'bot_message', bot_id: 'B0OTHER' }));
      await send(buildDirectMessage({ text: 'サイドカー', subtype: 'message_changed' }));
      await send(buildDirectMessage({ text: 'サイドカー', subtype: 'message_deleted' }));
      await eventually('three ignored messages', () => ignoredCount() >= before + 3, 10_000);
      // Its own answer, echoed back by Slack as message.im: dropped before any listener.
      await send(buildDirectMessage({ text: 'サイドカー', user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId }));
      await send(buildDirectMessage({ text: 'dockershim', channel: 'D0SENTINEL' }));
      await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'D0SENTINEL');
      expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
    });
  });

  describe('retries', () => {
    it('answers an event once when Slack resends it with X-Slack-Retry-Num', async () => {
      const mention = buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` });
      await send(mention, 'EvRETRY1');
      await t.fake.waitFor('chat.postMessage');
      await eventually('the answer finished', () => t.logs.some((l) => l.event === 'request' && l.eventId === 'EvRETRY1'), 10_000);
      await send(mention, 'EvRETRY1', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
      await send(mention, 'EvRETRY1', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
      await eventually('two skipped retries', () => t.logs.filter((l) => l.event === 'event_skipped' && l.eventId === 'EvRETRY1').length >= 2, 10_000);
      expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('sends a retry of an event still being answered back with a 503, then skips the next retry once answered', async () => {
      t.fake.failNext('chat.postMessage', { delayMs: 1500 });
      const mention = buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` });
      await send(mention, 'EvSLOW');
      const early = await postEvent(t.eventsUrl, buildEventEnvelope(mention, 'EvSLOW'), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect(early.status).toBe(503);
      await eventually('the answer finished', () => t.logs.some((l) => l.event === 'request' && l.eventId === 'EvSLOW'), 10_000);
      await send(mention, 'EvSLOW', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
      expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('gives the claim back when nothing could be posted, so Slack’s retry is answered', async () => {
      t.fake.failNext('chat.postMessage', { status: 500 }, Infinity);
      const mention = buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0FAILED1' });
      await send(mention, 'EvFAILED');
      await eventually('claim released', () => t.logs.some((l) => l.event === 'claim_released' && l.key === 'event:EvFAILED'), 10_000);
      t.fake.clearFailures();
      await send(mention, 'EvFAILED', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
      await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C0FAILED1');
      expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('answers a retry after a timeout whose first delivery never arrived', async () => {
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` }), 'EvTIMEOUTLOST', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
      await t.fake.waitFor('chat.postMessage');
    });

    it('answers a retry whose first delivery never arrived', async () => {
      await send(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` }), 'EvFIRSTLOST', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
      await t.fake.waitFor('chat.postMessage');
    });
  });

  describe('request verification', () => {
    it('rejects a forged signature with 401 and answers nothing', async () => {
      const res = await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: 'サイドカー' })), { signature: `v0=${'0'.repeat(64)}` });
      expect(res.status).toBe(401);
      const wrongSecret = await postCommand(t.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: t.fake.responseUrl() }), { secret: 'not-the-secret' });
      expect(wrongSecret.status).toBe(401);
      await expectNothingPosted();
    });

    it('rejects a stale timestamp with 401 even when correctly signed', async () => {
      const body = JSON.stringify(buildEventEnvelope(buildMention({ text: 'サイドカー' })));
      const stale = Math.floor(Date.now() / 1000) - 10 * 60;
      const res = await fetch(t.eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(stale), 'x-slack-signature': signature(SIGNING_SECRET, stale, body) },
        body,
      });
      expect(res.status).toBe(401);
      await expectNothingPosted();
    });

    /** A valid request afterwards is answered; by then the rejected ones would have been too. */
    async function expectNothingPosted(): Promise<void> {
      await send(buildDirectMessage({ text: 'dockershim', channel: 'D0SENTINEL' }));
      await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'D0SENTINEL');
      expect(t.fake.calls('chat.postMessage')).toHaveLength(1);
      expect(t.fake.calls('response_url')).toHaveLength(0);
    }
  });

  describe('bad input gets a clear reply', () => {
    const reply = async (text: string): Promise<string> => {
      const channel = `D0BAD${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      await send(buildDirectMessage({ text, channel }));
      return allText((await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === channel)).body);
    };

    it('an empty mention gets the usage', async () => {
      await send(buildMention({ text: `<@${FAKE_BOT.userId}>` }));
      expect(allText((await t.fake.waitFor('chat.postMessage')).body)).toContain(messages('ja').helpHeader('/k8s'));
    });

    it('20,000 characters: answered from the first part, and told so', async () => {
      const text = await reply(`サイドカーコンテナの定義 ${'あ'.repeat(20_000)}`);
      expect(text).toMatch(/最初の 500 文字だけで探しました/);
    });

    it('<!channel> and other special mentions never ping', async () => {
      const text = await reply('<!channel> <!here> <!subteam^S123|@oncall> サイドカー &lt;!channel&gt; &amp; &lt;@U999&gt;');
      expect(text).not.toMatch(/<!channel>|<!here>|<!subteam|<@U999>/);
      expect(text).toContain('&lt;!channel&gt;');
    });

    it('emoji only: says it found nothing', async () => {
      expect(await reply(':tada: 🎉🎉🎉')).toContain(messages('ja').noConfidence(undefined));
    });

    it('control characters are dropped from the question', async () => {
      const text = await reply('サイドカー\u0000\u0007\u001b[31mコンテナ\u202e の定義');
      expect(text).toContain('サイドカーコンテナの定義と使いどころ');
      expect(text).not.toMatch(/[\u0000\u0007\u001b\u202e]/);
    });
  });
});
