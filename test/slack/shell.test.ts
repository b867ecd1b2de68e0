/** The local shell, driven through its streams: the same bot core and Block Kit as Slack, printed as text. */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../src/search/searcher.js';
import { createBot } from '../../src/slack/bot.js';
import { runShell } from '../../src/slack/shell-adapter.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';
import { SMALL_CORPUS } from './helpers/test-app.js';
import { messages } from '../../src/i18n/messages.js';

let searcher: Searcher;
beforeAll(async () => {
  searcher = await buildFixtureSearcher(SMALL_CORPUS);
});

async function chat(lines: string[], channelName?: string, digestPreview?: () => Promise<import('../../src/slack/blocks/message.js').SlackMessage>): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = runShell({ bot: createBot({ searcher: () => searcher, command: '/k8s' }), input, output, channelName, prompt: '> ', digestPreview });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('shell-adapter', () => {
  describe('runShell', () => {
    it('answers a question as readable text: title, url, excerpt, channel, buttons', async () => {
      const out = await chat(['サイドカーコンテナってどう定義するの?']);
      expect(out).toContain('1. サイドカーコンテナの定義と使いどころ (https://example.com/ja/blog/2024/05/01/sidecar-containers/)');
      expect(out).toContain('restartPolicy');
      expect(out).toContain('#sig-node (https://kubernetes.slack.com/messages/sig-node)');
      expect(out).toContain(`[${messages('ja').moreResults}]`);
      expect(out).not.toMatch(/[\u200B]|&lt;|&amp;|<https?:/);
    });

    it('shows the next page for "more", as the More results button does', async () => {
      const out = await chat(['サイドカーコンテナってどう定義するの?', 'more']);
      expect(out).toContain('4. ');
    });

    it('understands help, latest and a leading slash command, and stops at quit', async () => {
      const out = await chat(['/k8s help', 'latest', 'quit', 'dockershim 削除']);
      expect(out).toContain(messages('ja').helpHeader('/k8s'));
      expect(out).toContain(messages('ja').latestHeader);
      expect(out).not.toContain('Q: dockershim');
    });

    it('understands /latest, /help and /digest as in Slack, and searches none of them', async () => {
      const preview = async () => ({ text: 'PREVIEW', blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'next digest preview' } }] });
      const out = await chat(['/latest', '/help', '/digest', '/k8s digest'], undefined, preview);
      expect(out).toContain(messages('ja').latestHeader);
      expect(out).toContain(messages('ja').helpHeader('/k8s'));
      expect(out.split('next digest preview').length - 1).toBe(2);
      expect(out).not.toContain(messages('ja').questionLabel);
    });

    it('shows code indented with its line breaks', async () => {
      const out = await chat(['サイドカーのマニフェストの例を見せて']);
      expect(out).toMatch(/\n +apiVersion: v1\n +kind: Pod\n +metadata:\n +  name: web/);
    });

    it('answers /followup with the last question as context, as a thread mention would be', async () => {
      const out = await chat(['PodDisruptionBudgetで異常なPodを退避させる設定はある?', '/followup それはどのバージョンから使える?']);
      const followUp = out.slice(out.lastIndexOf('それはどのバージョンから使える?'));
      expect(out).toContain(messages('ja').followUpOf('PodDisruptionBudgetで異常なPodを退避させる設定はある?'));
      expect(followUp).toContain('PodDisruptionBudgetの異常なPodの退避ポリシー');
    });

    it('gives a clear reply to empty, garbled and markup-laden input', async () => {
      const out = await chat(['', '🎉🎉', '<!channel> dockershim 削除']);
      expect(out).toContain(messages('ja').helpHeader('/k8s'));
      expect(out).toContain(messages('ja').noConfidence(undefined));
      expect(out).toContain('dockershim削除に関するFAQ');
      expect(out).not.toContain('<!channel>');
    });

    it('asks as if in a channel after /channel', async () => {
      const out = await chat(['/channel sig-network', 'デフォルト拒否']);
      expect(out).toContain('(asking as if in #sig-network)');
      expect(out).toContain('NetworkPolicy入門 & よくある落とし穴');
    });
  });
});
