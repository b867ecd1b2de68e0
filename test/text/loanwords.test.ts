import { describe, expect, it } from 'vitest';
import { englishKeys, katakanaKey, LoanwordIndex } from '../../src/text/loanwords.js';
import { foldKatakana } from '../../src/text/normalize.js';

// Loanwords from Kubernetes writing in general (not from the question sets): each pair must
// reduce to one sound key, or an English question would miss the katakana passage.
const PAIRS: [string, string][] = [
  ['workflow', 'ワークフロー'], ['cluster', 'クラスター'], ['container', 'コンテナ'], ['server', 'サーバー'],
  ['service', 'サービス'], ['controller', 'コントローラー'], ['feature', 'フィーチャー'], ['window', 'ウィンドウ'],
  ['cache', 'キャッシュ'], ['scheduler', 'スケジューラー'], ['plugin', 'プラグイン'], ['gateway', 'ゲートウェイ'],
  ['topology', 'トポロジー'], ['network', 'ネットワーク'], ['eviction', 'エビクション'], ['module', 'モジュール'],
  ['dump', 'ダンプ'], ['error', 'エラー'], ['store', 'ストア'], ['authentication', 'オーセンティケーション'],
];

describe('text/loanwords', () => {
  describe('englishKeys and katakanaKey', () => {
    it.each(PAIRS)('gives %s and %s the same sound key', (english, katakana) => {
      expect(englishKeys(english)).toContain(katakanaKey(foldKatakana(katakana)));
    });

    it('keeps different words apart', () => {
      expect(englishKeys('pod')).not.toContain(katakanaKey('ノード'));
      expect(englishKeys('volume')).not.toContain(katakanaKey('ポリシ'));
    });

    it('has no key for words of other scripts', () => {
      expect(katakanaKey('設定')).toBe('');
      expect(englishKeys('kube-proxy')).toEqual([]);
    });
  });

  describe('LoanwordIndex', () => {
    const index = new LoanwordIndex(['ワクフロ', 'クラスタ', 'servic', 'node', '設定']);

    it('finds the corpus katakana spelling of an English word', () => {
      expect(index.katakanaFor('workflows'.replace(/s$/, ''))).toEqual(['ワクフロ']);
      expect(index.katakanaFor('cluster')).toEqual(['クラスタ']);
    });

    it('finds the indexed English word of a katakana word, though the index folded its final e', () => {
      expect(index.englishFor('サビス')).toEqual(['servic']);
    });

    it('does not guess from keys of fewer than three sounds', () => {
      expect(index.englishFor('ノド')).toEqual([]);
    });
  });
});
