import { describe, expect, it } from 'vitest';
import { MAX_SLACK_TEXT_BYTES, questionFromSlackText, truncateUtf8 } from '../../src/slack/slack-markup.js';

describe('slack-markup', () => {
  describe('questionFromSlackText', () => {
    it.each([
      ['<@U0BOT> サイドカーって?', 'サイドカーって?'],
      ['<@U0BOT|k8s-bot> hi <@U123>', 'hi'],
      ['<#C123|sig-node> の質問', '#sig-node の質問'],
      ['<#C123> の質問', 'の質問'],
      ['<https://kubernetes.io/docs|ドキュメント> を読んだ', 'ドキュメント を読んだ'],
      ['<https://kubernetes.io/docs> を読んだ', 'https://kubernetes.io/docs を読んだ'],
      ['<mailto:a@b.c|a@b.c>', 'a@b.c'],
      ['<!channel> <!here> <!everyone> 質問', '質問'],
      ['<!subteam^S123|@oncall> 質問', '質問'],
      ['<!date^1392734382^{date}|Feb 18, 2014> の変更', 'Feb 18, 2014 の変更'],
      ['&lt;none&gt; &amp; Pod', '<none> & Pod'],
      ['  空白\n\t改行  ', '空白 改行'],
      ['', ''],
    ])('%j → %j', (input, expected) => {
      expect(questionFromSlackText(input)).toBe(expected);
    });

    it('does not turn typed entities into live markup', () => {
      // The user typed "<!channel>" literally; Slack sent it escaped. It stays text (escaped again when echoed).
      expect(questionFromSlackText('&lt;!channel&gt;')).toBe('<!channel>');
    });
  });
});

describe('truncateUtf8', () => {
  it('keeps text within the byte budget without cutting a character', () => {
    expect(truncateUtf8('あいう', 7)).toBe('あい'); // 3 bytes each: the third does not fit whole
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('short', 100)).toBe('short');
  });

  it('cuts a 2 MB text to the limit before any markup is parsed', () => {
    const question = questionFromSlackText(`<@U0BOT> サイドカー ${'<!here> '.repeat(300_000)}`);
    expect(Buffer.byteLength(question)).toBeLessThanOrEqual(MAX_SLACK_TEXT_BYTES);
    expect(question.startsWith('サイドカー')).toBe(true);
  });
});
