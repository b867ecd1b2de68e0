import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOfLocale, selectLanguage } from '../../src/i18n/language.js';
import { messages } from '../../src/i18n/messages.js';

describe('i18n/language', () => {
  describe('detectLanguage', () => {
    it('takes kana or kanji as Japanese, mixed questions included', () => {
      expect(detectLanguage('サイドカーコンテナってどう定義するの?')).toBe('ja');
      expect(detectLanguage('GKE とか EKS の worker node って default の container runtime は何?')).toBe('ja');
      expect(detectLanguage('dockershim 削除 理由')).toBe('ja');
    });

    it('takes a sentence of Latin words as English', () => {
      expect(detectLanguage('how do I apply a seccomp profile from an OCI registry')).toBe('en');
    });

    it('says nothing for a command word, a name or nothing', () => {
      for (const text of ['', 'help', 'latest', 'KEP-753', '🎉']) expect(detectLanguage(text)).toBeUndefined();
    });
  });

  describe('selectLanguage', () => {
    it('prefers the question, then the locale, then Japanese', () => {
      expect(selectLanguage('help', 'en-US')).toBe('en');
      expect(selectLanguage('サイドカーとは', 'en-US')).toBe('ja');
      expect(selectLanguage('what is a sidecar container', 'ja-JP')).toBe('en');
      expect(selectLanguage('help', 'fr-FR')).toBe('ja');
      expect(selectLanguage('help')).toBe('ja');
      expect(languageOfLocale('en-GB')).toBe('en');
    });
  });

  describe('messages', () => {
    it('has every string in both languages, worded differently', () => {
      const jaKeys = Object.keys(messages('ja')).sort();
      expect(Object.keys(messages('en')).sort()).toEqual(jaKeys);
      expect(messages('ja').noAnswer).not.toBe(messages('en').noAnswer);
      expect(messages('ja').notice({ kind: 'truncated', length: 5000, max: 500 })).toContain('5000');
      expect(messages('en').notice({ kind: 'unknownNames', names: ['Karpenter'] })).toBe('No article mentions Karpenter.');
    });
  });
});
