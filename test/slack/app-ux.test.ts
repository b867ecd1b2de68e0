/**
 * End to end over signed HTTP against the fake Web API: the asker's language, code as code,
 * follow-ups in threads, the message shortcut and App Home.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.js';
import { ACTION } from '../../src/slack/blocks/answer-blocks.js';
import { FAKE_BOT } from '../support/fake-slack-api.js';
import { allText, buttonValue, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildDirectMessage, buildEventEnvelope, buildMention, buildSlashCommand, CHANNEL, postAction, postCommand, postEvent, TEAM, USER } from './helpers/slack-requests.js';

const ja = messages('ja');
const en = messages('en');

describe('Slack app (HTTP mode): language, code, follow-ups, shortcut, App Home', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));

  async function command(text: string, user = USER): Promise<Record<string, any>> {
    const responseUrl = t.fake.responseUrl();
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text, response_url: responseUrl, user_id: user }));
    expect(res.status).toBe(200);
    return (await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(responseUrl).pathname))).body;
  }
  const buttonLabels = (body: Record<string, any>): string[] => body.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.text.text) : []));

  describe('the asker\'s language', () => {
    it('answers a Japanese question with Japanese UI: the question label, buttons, one channel line', async () => {
      const body = await command('サイドカーコンテナってどう定義するの?');
      const text = allText(body);
      expect(text).toContain(`*${ja.questionLabel}*`);
      expect(buttonLabels(body)).toEqual(expect.arrayContaining([ja.share]));
      expect(text).toContain(ja.discussedIn('<https://kubernetes.slack.com/messages/sig-node|#sig-node>'));
      // Named once for the answer, not under every result of the same channel.
      expect(text.split('#sig-node>').length - 1).toBe(1);
      expect(text).not.toContain('Share in channel');
    });

    it('answers an English question with English UI, and keeps English on More results', async () => {
      const body = await command('how do I define a sidecar container with restartPolicy Always');
      const text = allText(body);
      expect(text).toContain(`*${en.questionLabel}*`);
      expect(buttonLabels(body)).toContain(en.share);
      expect(text).not.toContain(ja.share);
      expect(JSON.parse(buttonValue(body, ACTION.share)!)).toMatchObject({ l: 'en' });
    });

    it('uses the Slack locale (users.info include_locale) when the text does not say: English help for an en-US user', async () => {
      t.fake.setUserLocale('U0ENGLISH', 'en-US');
      const body = await command('help', 'U0ENGLISH');
      expect(allText(body)).toContain(en.helpHeader('/k8s'));
      const lookup = await t.fake.waitFor('users.info');
      expect(lookup.body).toMatchObject({ user: 'U0ENGLISH', include_locale: 'true' });
      // Japanese by default: a user without an English locale gets Japanese help.
      expect(allText(await command('help', 'U0OTHER'))).toContain(ja.helpHeader('/k8s'));
    });
  });

  it('shows a passage\'s code as a code block with its line breaks, after the sentence that introduces it', async () => {
    const body = await command('サイドカーのマニフェストの例を見せて');
    const section = body.blocks.find((b: any) => b.type === 'section' && b.text.text.includes('```')).text.text as string;
    expect(section.replace(/[\u200B*]/g, '')).toContain('次のマニフェストは、ログを集めるサイドカーコンテナを持つPodを定義します:');
    expect(section).toMatch(/```\napiVersion: v1\nkind: Pod\nmetadata:\n {2}name: web\n/);
    expect(section).toContain('    - name: log-shipper\n      image: fluent-bit:3.0\n      restartPolicy: Always');
  });

  describe('follow-ups in a thread', () => {
    const parentTs = '1710000900.000001';
    const earlier = 'PodDisruptionBudgetで異常なPodを退避させる設定はある?';
    const followUp = 'それはどのバージョンから使える?';

    it('answers a mention in a thread the bot answered with the thread\'s earlier question as context', async () => {
      // Alone, the follow-up finds another article first.
      await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> ${followUp}` })));
      const alone = allText((await t.fake.waitFor('chat.postMessage')).body);
      expect(alone.indexOf('PodDisruptionBudget') === -1 || alone.indexOf('dockershim') < alone.indexOf('PodDisruptionBudget')).toBe(true);
      t.fake.reset();

      t.fake.setHistory(CHANNEL, [
        { type: 'message', ts: '1710000900.000002', thread_ts: parentTs, bot_id: FAKE_BOT.botId, user: FAKE_BOT.userId, text: 'answer' },
        { type: 'message', ts: parentTs, user: USER, text: `<@${FAKE_BOT.userId}> ${earlier}` },
      ]);
      await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> ${followUp}`, ts: '1710000900.000003', thread_ts: parentTs })));
      const call = await t.fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === parentTs);
      const text = allText(call.body);
      expect(text).toContain('PodDisruptionBudgetの異常なPodの退避ポリシー');
      expect(text).toContain('v1.26');
      expect(text).toContain(ja.followUpOf(earlier));
      const replies = t.fake.calls('conversations.replies');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toMatchObject({ channel: CHANNEL, ts: parentTs });
      // More results remembers the context.
      expect(JSON.parse(buttonValue(call.body, ACTION.feedbackUp)!)).toMatchObject({ q: followUp, c: earlier });
    });

    it('does the same for a reply in a thread of a DM', async () => {
      t.fake.setHistory('D0DM', [
        { type: 'message', ts: parentTs, user: USER, text: earlier },
        { type: 'message', ts: '1710000900.000002', thread_ts: parentTs, bot_id: FAKE_BOT.botId, user: FAKE_BOT.userId, text: 'answer' },
      ]);
      await postEvent(t.eventsUrl, buildEventEnvelope(buildDirectMessage({ text: followUp, thread_ts: parentTs, ts: '1710000900.000009' })));
      const call = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'D0DM');
      expect(call.body.thread_ts).toBe(parentTs);
      expect(allText(call.body)).toContain('PodDisruptionBudgetの異常なPodの退避ポリシー');
      expect(t.fake.calls('conversations.replies')[0]!.body).toMatchObject({ channel: 'D0DM', ts: parentTs });
    });

    it('treats a thread the bot has not answered in as a new question', async () => {
      t.fake.setHistory(CHANNEL, [{ type: 'message', ts: parentTs, user: USER, text: earlier }]);
      await postEvent(t.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> ${followUp}`, ts: '1710000900.000004', thread_ts: parentTs })));
      const text = allText((await t.fake.waitFor('chat.postMessage')).body);
      expect(text).not.toContain(ja.followUpOf(earlier));
    });
  });

  describe('the message shortcut', () => {
    const shortcut = (text: string, responseUrl: string) => ({
      type: 'message_action',
      callback_id: 'ask_k8s_bot',
      trigger_id: 'trigger-shortcut',
      action_ts: '1710001000.000001',
      team: { id: TEAM, domain: 'test' },
      user: { id: USER, username: 'asker', team_id: TEAM },
      channel: { id: CHANNEL, name: 'sig-node' },
      message: { type: 'message', ts: '1710001000.000000', user: 'U0OTHER', text },
      message_ts: '1710001000.000000',
      response_url: responseUrl,
      token: 'legacy-verification-token',
    });

    it('answers about the selected message, only to the person who used it, with Share in channel', async () => {
      const responseUrl = t.fake.responseUrl();
      const res = await postAction(t.eventsUrl, shortcut('ノードのドレインが異常なPodのせいで止まるんだけど、どうすれば?', responseUrl));
      expect(res.status).toBe(200);
      const reply = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(responseUrl).pathname));
      expect(reply.body.response_type).toBe('ephemeral');
      expect(allText(reply.body)).toContain('PodDisruptionBudgetの異常なPodの退避ポリシー');
      expect(buttonValue(reply.body, ACTION.share)).toBeDefined();
      // Nothing public was posted.
      expect(t.fake.calls('chat.postMessage')).toEqual([]);
    });

    it('ignores a forged shortcut request', async () => {
      const responseUrl = t.fake.responseUrl();
      const res = await postAction(t.eventsUrl, shortcut('サイドカーコンテナの定義', responseUrl), { secret: 'not-the-signing-secret' });
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 100));
      expect(t.fake.calls('response_url')).toEqual([]);
    });

    it('asks about a message that says "help" rather than showing help, and explains an empty one', async () => {
      const helpUrl = t.fake.responseUrl();
      await postAction(t.eventsUrl, shortcut('help', helpUrl));
      const help = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(helpUrl).pathname));
      expect(allText(help.body)).not.toContain(ja.helpHeader('/k8s'));
      const emptyUrl = t.fake.responseUrl();
      await postAction(t.eventsUrl, shortcut('<@U0OTHER>', emptyUrl));
      const empty = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(emptyUrl).pathname));
      expect(empty.body.text).toBe(ja.shortcutEmpty);
    });
  });

  describe('App Home', () => {
    const opened = (tab: string, user = USER) => ({ type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: '1710002000.000001' });

    it('publishes how to ask, the newest articles and the community channels when the Home tab opens', async () => {
      await postEvent(t.eventsUrl, buildEventEnvelope(opened('home')));
      const call = await t.fake.waitFor('views.publish');
      expect(call.body.user_id).toBe(USER);
      expect(call.body.view.type).toBe('home');
      const text = allText({ blocks: call.body.view.blocks });
      expect(text).toContain(ja.homeTitle);
      expect(text).toContain('/k8s <質問>');
      expect(text).toContain(ja.homeLatest);
      // Newest first.
      expect(text.indexOf('NetworkPolicy入門')).toBeLessThan(text.indexOf('サイドカーコンテナの定義と使いどころ'));
      expect(text).toContain(ja.homeChannels);
      expect(text).toContain('<https://kubernetes.slack.com/messages/sig-apps|#sig-apps>');
    });

    it('draws nothing for the Messages tab, and English for an English-locale user', async () => {
      await postEvent(t.eventsUrl, buildEventEnvelope(opened('messages')));
      t.fake.setUserLocale('U0HOMEEN', 'en-GB');
      await postEvent(t.eventsUrl, buildEventEnvelope(opened('home', 'U0HOMEEN')));
      const call = await t.fake.waitFor('views.publish');
      expect(t.fake.calls('views.publish')).toHaveLength(1);
      expect(call.body.user_id).toBe('U0HOMEEN');
      expect(allText({ blocks: call.body.view.blocks })).toContain(en.homeTitle);
    });
  });
});
