import { describe, expect, it } from 'vitest';
import { buildAnswerMessage } from '../../../src/slack/blocks/answer-blocks.js';
import { mrkdwnToText, renderMessageAsText } from '../../../src/slack/blocks/blocks-to-text.js';
import { buildHelpMessage } from '../../../src/slack/blocks/help-blocks.js';
import { buildAnswer } from './build-answer.js';

const brackets = { bold: (s: string) => `[${s}]`, dim: (s: string) => s };

describe('blocks-to-text', () => {
  describe('mrkdwnToText', () => {
    it('shows links as label (url), bold through the style, entities decoded', () => {
      expect(mrkdwnToText('*<https://x.test/?a=1&amp;b=2|Title>* \u200B*Pod*\u200B &lt;none&gt; a∗b', brackets)).toBe('[Title (https://x.test/?a=1&b=2)] [Pod] <none> a*b');
    });
  });

  describe('renderMessageAsText', () => {
    it('renders an answer readably: title, url, excerpt, channel and buttons', () => {
      const text = renderMessageAsText(buildAnswerMessage(buildAnswer({ hasMore: true }), { ephemeral: true, lang: 'en' }), brackets);
      expect(text).toContain('[1. サイドカーコンテナの定義と使いどころ (https://example.com/ja/blog/sidecars/)]');
      expect(text).toContain('[サイドカーコンテナ]は、初期化コンテナにrestartPolicy: Alwaysを指定して[定義]します。');
      expect(text).toContain('#sig-node (https://kubernetes.slack.com/messages/sig-node)');
      expect(text).toContain('[More results] [Share in channel] [👍] [👎]');
      expect(text).not.toMatch(/[\u200B<>]/);
    });

    it('renders headers', () => {
      expect(renderMessageAsText(buildHelpMessage('/k8s', 'en'), brackets).split('\n')[0]).toBe('[How to use /k8s]');
    });
  });
});
