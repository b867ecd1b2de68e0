import { describe, expect, it } from 'vitest';
import { analyse, createGlossary, joinFragments, splitIdentifier, tokenize } from '../../src/text/analyse.js';
import { foldKatakana, foldPlural, normalizeText } from '../../src/text/normalize.js';

const terms = (text: string, kind?: string): string[] => analyse(text).filter((t) => !kind || t.kind === kind).map((t) => t.term);

describe('analyse', () => {
  describe('Japanese', () => {
    it('keeps a kanji compound the segmenter cut around a single kanji as a word too', () => {
      expect(terms('保存先を変えたい', 'word')).toContain('保存先');
      expect(terms('Dockerランタイム非推奨', 'word')).toContain('非推奨');
      expect(terms('ランタイムの設定', 'word')).not.toContain('ランタイムの設定');
    });

    it('segments text without spaces into dictionary words', () => {
      const words = terms('サイドカーコンテナってどう定義するの?', 'word');
      expect(words).toContain('コンテナ');
      expect(words).toContain('定義');
    });

    it('drops particles and question words that answers never contain', () => {
      const words = terms('SIG Nodeのチェアって今だれがやってるの？', 'word');
      expect(words).not.toContain('の');
      expect(words).not.toContain('って');
      expect(words).not.toContain('だれ');
      expect(words).toContain('チェア');
    });

    it('drops intensifiers and a question word with its particle, as English drops really and very', () => {
      const words = terms('ブッククラブで一番最初に読んだ本って何で、結局いつ始まったの？', 'word');
      expect(words).not.toContain('一番');
      expect(words).not.toContain('何で');
      expect(words).not.toContain('結局');
      expect(words).toContain('最初');
      expect(words).toContain('ブッククラブ');
    });

    it('keeps a katakana compound whole as well as split into its words', () => {
      const words = terms('クラウドコントローラーマネージャー', 'word');
      expect(words).toEqual(expect.arrayContaining(['クラウド', 'コントローラー', 'マネージャー', 'クラウドコントローラーマネージャー'].map(foldKatakana)));
    });

    it('marks the words of a katakana compound as its parts', () => {
      const whole = foldKatakana('クラウドコントローラーマネージャー');
      const parts = analyse('クラウドコントローラーマネージャー').filter((t) => t.partOf?.whole === whole && t.partOf.share > 0);
      expect(parts.map((t) => t.term)).toEqual(['クラウド', 'コントローラー', 'マネージャー'].map(foldKatakana));
      expect(parts.every((t) => t.partOf!.share === 1 / 3)).toBe(true);
    });

    it('finds a compound the question spells as one word inside a longer one', () => {
      expect(terms('リリースシャドウプログラム', 'word')).toEqual(expect.arrayContaining(terms('リリースシャドウ', 'word')));
    });

    it('joins katakana fragments the dictionary splits off', () => {
      expect(joinFragments(['クラ', 'ウド', 'コントローラー'])).toEqual(['クラウド', 'コントローラー']);
      expect(joinFragments(['リ', 'ストア'])).toEqual(['リストア']);
      expect(joinFragments(['レジスト', 'リ'])).toEqual(['レジストリ']);
    });

    it('folds katakana spelling variants with and without ー', () => {
      expect(foldKatakana('コントローラー')).toBe(foldKatakana('コントローラ'));
      expect(foldKatakana('サーバー')).toBe(foldKatakana('サーバ'));
      expect(foldKatakana('コンテナ')).toBe('コンテナ');
      const a = terms('クラウドコントローラーマネージャー', 'word');
      const b = terms('クラウドコントローラマネージャ', 'word');
      expect(a).toEqual(b);
    });
  });

  describe('English and identifiers', () => {
    it('keeps identifiers whole and also splits them into parts', () => {
      const t = terms('kube-controller-manager KEP-753 restartPolicy');
      expect(t).toEqual(expect.arrayContaining(['kube-controller-manager', 'kube', 'controller', 'manager', 'kep-753', '753', 'restartpolicy', 'restart', 'policy']));
    });

    it('marks the parts of an identifier, each with its share of it', () => {
      const parts = analyse('CrashLoopBackOff').filter((t) => t.partOf);
      expect(parts.map((t) => [t.term, t.partOf])).toEqual(['crash', 'loop', 'back', 'off'].map((p) => [p, { whole: 'crashloopbackoff', share: 0.25 }]));
    });

    it('treats v1.30 and 1.30 as the same release', () => {
      expect(terms('v1.30')).toEqual(expect.arrayContaining(['v1.30', '1.30']));
      expect(terms('1.30')).toEqual(expect.arrayContaining(['v1.30', '1.30']));
      expect(analyse('1.30').find((t) => t.term === '1.30')?.partOf).toEqual({ whole: 'v1.30', share: 1 });
    });

    it('splits camelCase and dotted paths', () => {
      expect(splitIdentifier('spec.unhealthyPodEvictionPolicy')).toEqual(['spec', 'unhealthy', 'pod', 'eviction', 'policy']);
    });

    it('folds plurals and tenses but keeps words like kubernetes', () => {
      expect(foldPlural('containers')).toBe('container');
      expect(foldPlural('policies')).toBe('policy');
      expect(foldPlural('steps')).toBe('step');
      expect(foldPlural('groups')).toBe('group');
      expect(foldPlural('annotation')).toBe(foldPlural('annotating'));
      expect(foldPlural('migrations')).toBe(foldPlural('migrate'));
      expect(foldPlural('checkpointed')).toBe(foldPlural('checkpoint'));
      expect(foldPlural('removed')).toBe(foldPlural('remove'));
      expect(foldPlural('kubernetes')).toBe('kubernetes');
    });

    it('drops English function words', () => {
      expect(terms('how do I apply a seccomp profile from an OCI registry', 'word')).toEqual(['apply', 'seccomp', foldPlural('profile'), 'oci', 'registry']);
      expect(terms('roughly how many restarts has it had over every upgrade itself', 'word')).toEqual([foldPlural('restarts'), foldPlural('upgrade')]);
    });
  });

  describe('normalisation', () => {
    it('folds full-width letters, digits and case (NFKC)', () => {
      expect(normalizeText('ＫＵＢＥＬＥＴ１２３')).toBe('kubelet123');
      expect(terms('ＫＵＢＥＬＥＴ')).toEqual(terms('kubelet'));
    });

    it('folds half-width katakana', () => {
      expect(terms('ｺﾝﾃﾅ', 'word')).toEqual(terms('コンテナ', 'word'));
    });
  });

  describe('glossary concepts', () => {
    it('gives サイドカー and sidecar a shared concept', () => {
      expect(terms('サイドカー', 'concept')).toContain('~sidecar');
      expect(terms('sidecar', 'concept')).toContain('~sidecar');
    });

    it('recognises multi-word and Japanese forms whatever the segmentation', () => {
      expect(terms('cloud controller manager', 'concept')).toContain('~cloud-controller-manager');
      expect(terms('クラウドコントローラーマネージャーが', 'concept')).toContain('~cloud-controller-manager');
      expect(terms('Podの追い出し', 'concept')).toContain('~eviction');
      expect(terms('evict', 'concept')).toContain('~eviction');
      // A question word is dropped as a word but still names what the question asks for.
      expect(terms('なぜ削除されたのか', 'concept')).toContain('~reason');
      expect(terms('削除の理由', 'concept')).toContain('~reason');
      expect(terms('なぜ削除されたのか', 'word')).not.toContain('なぜ');
    });

    it('takes a custom glossary as data', () => {
      const glossary = createGlossary([['gizmo', 'ギズモ']]);
      expect(analyse('ギズモ', glossary).map((t) => t.term)).toContain('~gizmo');
      expect(analyse('サイドカー', glossary).map((t) => t.term)).not.toContain('~sidecar');
    });
  });

  it("reads English contractions as their words, not as fragments (shouldn't is should, not shouldn + t)", () => {
    expect(tokenize("cases where I shouldn't use it")).toEqual(tokenize('cases where I should use it'));
    expect(tokenize('the kubelet’s flags')).toEqual(tokenize('the kubelet flags'));
    expect(tokenize("it won't start")).toEqual(tokenize('it will start'));
  });

  it('returns nothing searchable for emoji, punctuation or whitespace', () => {
    expect(tokenize('🤗🤗🤗 ！？ 　')).toEqual([]);
  });
});
