import { describe, expect, it } from 'vitest';
import { selectEarlierQuestion } from '../../src/slack/thread-context.js';

const bot = { botId: 'B1', botUserId: 'UBOT' };

describe('thread-context', () => {
  describe('selectEarlierQuestion', () => {
    it('returns the question the bot last answered before the new message, without markup', () => {
      const thread = [
        { ts: '1.0', user: 'U1', text: '<@UBOT> サイドカーの定義は?' },
        { ts: '2.0', bot_id: 'B1', user: 'UBOT', text: 'answer 1' },
        { ts: '3.0', user: 'U2', text: '<@UBOT> PDBの設定は?' },
        { ts: '4.0', bot_id: 'B1', text: 'answer 2' },
        { ts: '5.0', user: 'U1', text: 'ありがとう' },
        { ts: '6.0', user: 'U1', text: '<@UBOT> それはいつから?' },
      ];
      expect(selectEarlierQuestion(thread, '6.0', bot)).toBe('PDBの設定は?');
    });

    it('returns nothing when the bot has not answered in the thread, or only other bots have', () => {
      expect(selectEarlierQuestion([{ ts: '1.0', user: 'U1', text: 'サイドカー' }], '2.0', bot)).toBeUndefined();
      expect(selectEarlierQuestion([{ ts: '1.0', user: 'U1', text: 'サイドカー' }, { ts: '1.5', bot_id: 'BOTHER', text: 'x' }], '2.0', bot)).toBeUndefined();
    });
  });
});
