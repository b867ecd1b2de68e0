/** End to end over HTTP: the slash command, with signed requests and the fake Slack Web API. */
import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/blocks/answer-blocks.js';
import { allText, buttonValue, useReadyTestApp, type TestApp } from './helpers/test-app.js';
import { buildSlashCommand, postCommand } from './helpers/slack-requests.js';
import { messages } from '../../src/i18n/messages.js';

describe('Slack app (HTTP mode): /k8s', () => {
  let t: TestApp;
  useReadyTestApp((app) => (t = app));

  async function ask(text: string): Promise<Record<string, any>> {
    const responseUrl = t.fake.responseUrl();
    const res = await postCommand(t.eventsUrl, buildSlashCommand({ text, response_url: responseUrl }));
    expect(res.status).toBe(200);
    const call = await t.fake.waitFor('response_url', (c) => c.path.endsWith(new URL(responseUrl).pathname));
    return call.body;
  }

  it('answers a question ephemerally through response_url, with Share in channel and More results', async () => {
    const body = await ask('サイドカーコンテナってどう定義するの?');
    expect(body.response_type).toBe('ephemeral');
    const text = allText(body);
    expect(text).toContain('サイドカーコンテナの定義と使いどころ');
    expect(text).toContain('https://example.com/ja/blog/2024/05/01/sidecar-containers/');
    expect(text).toContain('#sig-node');
    expect(buttonValue(body, ACTION.share)).toBeDefined();
    expect(JSON.parse(buttonValue(body, ACTION.moreResults)!)).toMatchObject({ o: 3 });
  });

  it.each([['help'], [''], ['   ']])('shows usage for %j', async (text) => {
    const body = await ask(text);
    expect(allText(body)).toContain(messages('ja').helpHeader('/k8s'));
    expect(allText(body)).toContain('/k8s latest');
  });

  it('lists the newest articles for latest, newest first', async () => {
    const text = allText(await ask('latest'));
    expect(text).toContain(messages('ja').latestHeader);
    expect(text.indexOf('NetworkPolicy入門')).toBeLessThan(text.indexOf('サイドカーコンテナの定義'));
  });
});
