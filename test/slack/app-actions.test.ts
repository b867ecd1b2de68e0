/** End to end over HTTP: the Share in channel, More results and feedback buttons. */
import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/blocks/answer-blocks.js';
import { encodeAnswerRef } from '../../src/slack/blocks/button-value.js';
import { allText, buttonValue, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildBlockAction, buildSlashCommand, CHANNEL, postAction, postCommand, USER } from './helpers/slack-requests.js';
import { messages } from '../../src/i18n/messages.js';
import { eventually } from '../support/eventually.js';

const QUESTION = 'サイドカーコンテナってどう定義するの?';

describe('Slack app (HTTP mode): buttons', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));

  /** Asks with /k8s and returns the ephemeral answer as posted to response_url. */
  async function ephemeralAnswer(text = QUESTION): Promise<Record<string, any>> {
    const responseUrl = t.fake.responseUrl();
    await postCommand(t.eventsUrl, buildSlashCommand({ text, response_url: responseUrl }));
    return (await t.fake.waitFor('response_url', (c) => responseUrl.endsWith(c.path))).body;
  }

  async function click(fields: Parameters<typeof buildBlockAction>[0]): Promise<void> {
    const res = await postAction(t.eventsUrl, buildBlockAction(fields));
    expect(res.status).toBe(200);
  }

  describe('Share in channel', () => {
    it('posts the same answer publicly in the channel and removes the ephemeral copy', async () => {
      const answer = await ephemeralAnswer();
      const responseUrl = t.fake.responseUrl('share');
      await click({ action_id: ACTION.share, value: buttonValue(answer, ACTION.share)!, response_url: responseUrl, ephemeral: true });
      const post = await t.fake.waitFor('chat.postMessage');
      expect(post.body.channel).toBe(CHANNEL);
      expect(post.body.thread_ts).toBeUndefined();
      const shared = allText(post.body);
      for (const block of answer.blocks.filter((b: any) => b.type === 'section')) expect(shared).toContain(block.text.text);
      expect(shared).toContain(messages('ja').sharedBy(`<@${USER}>`));
      expect(buttonValue(post.body, ACTION.share)).toBeUndefined();
      await t.fake.waitFor('response_url', (c) => c.path === '/response/share' && c.body.delete_original === true);
    });

    it('shares through response_url when the bot is not in the channel', async () => {
      t.fake.failNext('chat.postMessage', { ok: false, error: 'not_in_channel' });
      await click({ action_id: ACTION.share, value: encodeAnswerRef({ q: QUESTION, o: 0 }), response_url: t.fake.responseUrl('share2'), ephemeral: true });
      const shared = await t.fake.waitFor('response_url', (c) => c.body.response_type === 'in_channel');
      expect(allText(shared.body)).toContain('サイドカーコンテナの定義と使いどころ');
    });
  });

  describe('More results', () => {
    it('replaces an ephemeral answer with the next page', async () => {
      const answer = await ephemeralAnswer();
      await click({ action_id: ACTION.moreResults, value: buttonValue(answer, ACTION.moreResults)!, response_url: t.fake.responseUrl('more'), ephemeral: true });
      const page = await t.fake.waitFor('response_url', (c) => c.path === '/response/more');
      expect(page.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
      expect(allText(page.body)).toMatch(/\|4\. /);
      expect(allText(page.body)).not.toMatch(/\|1\. /);
    });

    it('posts the next page in the thread of a public answer', async () => {
      await click({ action_id: ACTION.moreResults, value: encodeAnswerRef({ q: QUESTION, o: 3 }), response_url: t.fake.responseUrl(), message_ts: '1710000300.000001' });
      const post = await t.fake.waitFor('chat.postMessage');
      expect(post.body).toMatchObject({ channel: CHANNEL, thread_ts: '1710000300.000001' });
      expect(allText(post.body)).toMatch(/\|4\. /);
    });

    it('says the button expired when its value is not ours', async () => {
      await click({ action_id: ACTION.moreResults, value: 'garbage{', response_url: t.fake.responseUrl('expired'), ephemeral: true });
      const reply = await t.fake.waitFor('response_url', (c) => c.path === '/response/expired');
      expect(reply.body.text).toBe(messages('ja').expired);
    });
  });

  describe('feedback', () => {
    it.each([
      [ACTION.feedbackUp, 'up'],
      [ACTION.feedbackDown, 'down'],
    ])('%s logs a feedback event with the articles shown and thanks the user', async (actionId, vote) => {
      const answer = await ephemeralAnswer();
      await click({ action_id: actionId, value: buttonValue(answer, actionId)!, response_url: t.fake.responseUrl(`fb-${vote}`), ephemeral: true });
      const thanks = await t.fake.waitFor('response_url', (c) => c.path === `/response/fb-${vote}`);
      expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      const line = await eventually('feedback log', () => t.logs.find((l) => l.event === 'feedback' && l.vote === vote), 10_000);
      expect(line).toMatchObject({ level: 'info', surface: 'action', channel: CHANNEL, user: USER, offset: 0 });
      expect(line.articles).toContain('sidecar-containers');
      expect(JSON.stringify(line)).not.toContain(QUESTION);
    });
  });
});
