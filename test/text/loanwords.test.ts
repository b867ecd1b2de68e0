import { describe, expect, it } from 'vitest';
import { vowelsAgree } from '../../src/text/loanword-vowels.js';
import { englishKeys, englishSpellings, katakanaKey, katakanaSpelling, LoanwordIndex, soundsAlike } from '../../src/text/loanwords.js';
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

  describe('soundsAlike', () => {
    // Loanwords whose consonant keys are three sounds long, where the vowels must agree too;
    // from Kubernetes writing in general, spelt as the index folds them (servic, ストア for ストアー).
    const SHORT: [string, string][] = [
      ['schedul', 'スケジュール'], ['servic', 'サービス'], ['resourc', 'リソース'], ['dump', 'ダンプ'], ['label', 'ラベル'],
      ['policy', 'ポリシー'], ['stack', 'スタック'], ['sidecar', 'サイドカー'], ['event', 'イベント'], ['bind', 'バインド'],
      ['task', 'タスク'], ['disk', 'ディスク'], ['class', 'クラス'], ['block', 'ブロック'], ['blog', 'ブログ'],
      ['list', 'リスト'], ['test', 'テスト'], ['host', 'ホスト'], ['cloud', 'クラウド'], ['count', 'カウント'],
      ['stat', 'ステート'], ['spac', 'スペース'], ['spot', 'スポット'], ['support', 'サポート'], ['releas', 'リリース'],
      ['gateway', 'ゲートウェイ'], ['domain', 'ドメイン'], ['daemon', 'デーモン'], ['drain', 'ドレイン'], ['step', 'ステップ'],
      ['setup', 'セットアップ'], ['entry', 'エントリー'], ['system', 'システム'], ['machin', 'マシン'], ['canary', 'カナリー'],
    ];

    it.each(SHORT)('takes %s and %s for one word', (english, katakana) => {
      expect(soundsAlike(foldKatakana(katakana), english)).toBe(true);
    });

    it.each(PAIRS)('reads the vowels of %s as %s writes them', (english, katakana) => {
      const kana = katakanaSpelling(foldKatakana(katakana))!;
      expect(englishSpellings(english).some((e) => e.key === kana.key && vowelsAgree(kana.vowels, e.gaps))).toBe(true);
    });

    it('keeps apart words whose three consonant sounds collide but whose vowels differ', () => {
      // resize / resource (RSS), sticker / stack / sidecar / stick (STK), bind / event (BNT), approach / policy (PRS).
      expect(soundsAlike('リサイズ', 'resourc')).toBe(false);
      for (const english of ['stick', 'stack']) expect(soundsAlike('ステッカ', english)).toBe(false);
      for (const english of ['stick', 'sidecar']) expect(soundsAlike('スタック', english)).toBe(false);
      for (const english of ['stick', 'stack']) expect(soundsAlike('サイドカ', english)).toBe(false);
      expect(soundsAlike('イベント', 'bind')).toBe(false);
      expect(soundsAlike('バインド', 'event')).toBe(false);
      expect(soundsAlike('アプロチ', 'policy')).toBe(false);
      expect(soundsAlike('ポリシ', 'process')).toBe(false);
      expect(soundsAlike('タスク', 'disk')).toBe(false);
      expect(soundsAlike('クラウド', 'creat')).toBe(false);
      expect(soundsAlike('アダプタ', 'output')).toBe(false);
    });

    it('reads silent letters and katakana\'s own vowels as such', () => {
      // silent final e (scale), silent r (start), katakana's u and o after a consonant English writes bare (build), a compound's silent e (timeout).
      expect(soundsAlike('スケル', 'scal')).toBe(true);
      expect(soundsAlike('スタト', 'start')).toBe(true);
      expect(soundsAlike('ビルド', 'build')).toBe(true);
      expect(soundsAlike('タイムアウト', 'timeout')).toBe(true);
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

    it('finds no word whose vowels differ, in either direction (stick, リサイズ)', () => {
      const corpus = new LoanwordIndex(['サイドカ', 'スタック', 'ステッカ', 'stack', 'sidecar', 'resourc', 'リソス']);
      expect(corpus.katakanaFor('stick')).toEqual([]);
      expect(corpus.katakanaFor('stack')).toEqual(['スタック']);
      expect(corpus.katakanaFor('sidecar')).toEqual(['サイドカ']);
      expect(corpus.englishFor('リサイズ')).toEqual([]);
      expect(corpus.englishFor('リソス')).toEqual(['resourc']);
      expect(corpus.englishFor('ステッカ')).toEqual([]);
    });

    it('does not guess from keys of fewer than three sounds', () => {
      expect(index.englishFor('ノド')).toEqual([]);
    });
  });
});
