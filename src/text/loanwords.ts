/**
 * Katakana loanwords meet their English words (ワークフロー ⇄ workflow, クラスター ⇄ cluster)
 * through a coarse sound key rather than a glossary line each: both spellings reduce to the
 * sequence of their consonant sounds, with the distinctions Japanese does not make folded
 * (l/r, f/h, b/v, s/z/sh/ch/j) and the letters English writes but katakana drops (a final e,
 * an r or w after a vowel) left out. Equal keys of three or more sounds are taken as the
 * same word; shorter keys say too little to be trusted.
 */

/** Sound classes, one letter each. */
type SoundClass = 'K' | 'S' | 'T' | 'N' | 'H' | 'B' | 'P' | 'M' | 'Y' | 'R' | 'W';

export const MIN_KEY_LENGTH = 3;

const KATAKANA_CLASS: Record<string, SoundClass> = {};
const rows: [string, SoundClass][] = [
  ['カキクケコガギグゲゴ', 'K'],
  ['サシスセソザジズゼゾチツヂヅ', 'S'],
  ['タテトダデド', 'T'],
  ['ナニヌネノン', 'N'],
  ['ハヒフヘホ', 'H'],
  ['バビブベボヴ', 'B'],
  ['パピプペポ', 'P'],
  ['マミムメモ', 'M'],
  ['ヤユヨ', 'Y'],
  ['ラリルレロ', 'R'],
  ['ワ', 'W'],
];
for (const [chars, cls] of rows) for (const ch of chars) KATAKANA_CLASS[ch] = cls;

const SMALL_VOWEL = /[ァィゥェォ]/;
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/u;

/** The sound key of a katakana word (クラスター → KRST), or '' when it is not all katakana. */
export function katakanaKey(word: string): string {
  if (!KATAKANA_WORD.test(word)) return '';
  let key = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // ウィ, ウェ, ウォ (window, web, watch) are w-sounds; ウ alone is a vowel.
    if ((ch === 'ウ' || ch === 'ヴ') && SMALL_VOWEL.test(chars[i + 1] ?? '')) {
      key += ch === 'ウ' ? 'W' : 'B';
      continue;
    }
    key += KATAKANA_CLASS[ch] ?? '';
  }
  return key;
}

const VOWEL = /[aeiou]/;

/**
 * The sound keys of an English word (cluster → KRST); more than one where the spelling is
 * ambiguous (a g before e or i is hard in plugin, soft in logic). Empty for non-words.
 */
export function englishKeys(word: string): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return [];
  let keys = [''];
  const add = (...sounds: string[]): void => {
    keys = sounds.length === 1 ? keys.map((k) => k + sounds[0]) : keys.flatMap((k) => sounds.map((s) => k + s));
  };
  // A final e is silent (store ストア, feature フィーチャー).
  const silentE = (i: number): boolean => i === w.length - 1 && w[i] === 'e' && w.length > 3;
  const isVowel = (i: number): boolean => i >= 0 && i < w.length && !silentE(i) && (VOWEL.test(w[i]!) || (w[i] === 'y' && i > 0));
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (c === w[i - 1] && !VOWEL.test(c)) continue; // doubled letters: one sound
    if (isVowel(i) || silentE(i)) continue;
    let after = i + 1; // the letter after this consonant and its doubles
    while (w[after] === c) after++;
    const next = w[after] ?? '';
    const rest = w.slice(i);
    if (rest.startsWith('tion') || rest.startsWith('sion')) {
      add('SN');
      i += 3;
    } else if (rest.startsWith('sch')) {
      add('SK'); // schedule スケジュール
      i += 2;
    } else if (/^(ch|sh|th)/.test(rest)) {
      add('S');
      i++;
    } else if (rest.startsWith('ph')) {
      add('H');
      i++;
    } else if (rest.startsWith('ck')) {
      add('K');
      i++;
    } else if (rest.startsWith('gh')) {
      i++;
    } else if (i === 0 && (rest.startsWith('kn') || rest.startsWith('wr'))) {
      // silent first letter
    } else if ((c === 't' || c === 'd') && /^u[^aeiou][aeiouy]/.test(w.slice(after))) {
      add('S'); // feature フィーチャー, module モジュール
    } else if (c === 'c') add(/[eiy]/.test(next) ? 'S' : 'K');
    else if (c === 'g') {
      if (next === 'y' || (/[ei]/.test(next) && after >= w.length - 1)) add('S');
      else if (/[ei]/.test(next) && i > 0) add('K', 'S');
      else add('K');
    } else if (c === 'k' || c === 'q') add('K');
    else if (c === 'x') add('KS');
    else if (c === 's' || c === 'z' || c === 'j') add('S');
    else if (c === 't' || c === 'd') add('T');
    else if (c === 'n') add('N');
    else if (c === 'm') add(/[pb]/.test(next) ? 'N' : 'M'); // ダンプ: katakana writes ン before p and b
    else if (c === 'f') add('H');
    else if (c === 'h') {
      // An h after a vowel or before a consonant is silent (ohm, John).
      if (!isVowel(i - 1) && isVowel(after)) add('H');
    } else if (c === 'b' || c === 'v') add('B');
    else if (c === 'p') add('P');
    else if (c === 'l') add('R');
    else if (c === 'r') {
      // Non-rhotic: an r after a vowel and not before one is not sounded (server サーバー).
      if (!(isVowel(i - 1) && !isVowel(after))) add('R');
    } else if (c === 'w') {
      if (!isVowel(i - 1) || isVowel(after)) add('W'); // ow, ew, aw end a vowel; gateway's w does not
    } else if (c === 'y') add('Y');
  }
  return [...new Set(keys)];
}

/**
 * The corpus's katakana and English words by sound key, so a question's English word finds
 * the articles' katakana spelling and the other way round.
 */
export class LoanwordIndex {
  private katakanaByKey: Map<string, string[]> | undefined;
  private englishByKey: Map<string, string[]> | undefined;

  /**
   * @param vocabulary index terms: katakana words as the analyser folds them, English words folded (servic for service).
   * Each direction is indexed on its first use: most questions need only one.
   */
  constructor(private readonly vocabulary: ReadonlySet<string> | readonly string[] | (() => Iterable<string>)) {}

  private terms(): Iterable<string> {
    return typeof this.vocabulary === 'function' ? this.vocabulary() : this.vocabulary;
  }

  /** Katakana words of the corpus that sound like the English word (workflow → ワークフロー as folded). */
  katakanaFor(englishWord: string): string[] {
    const byKey = (this.katakanaByKey ??= this.indexKatakana());
    const found = new Set<string>();
    for (const key of soundKeysOfIndexed(englishWord)) if (key.length >= MIN_KEY_LENGTH) for (const t of byKey.get(key) ?? []) found.add(t);
    return [...found];
  }

  /** English words of the corpus (as indexed) that sound like the katakana word. */
  englishFor(katakanaWord: string): string[] {
    const key = katakanaKey(katakanaWord);
    return key.length >= MIN_KEY_LENGTH ? ((this.englishByKey ??= this.indexEnglish()).get(key) ?? []) : [];
  }

  private indexKatakana(): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    for (const term of this.terms()) {
      const kana = katakanaKey(term);
      if (kana.length >= MIN_KEY_LENGTH) push(byKey, kana, term);
    }
    return byKey;
  }

  private indexEnglish(): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    for (const term of this.terms()) {
      if (!/^[a-z]{4,}$/.test(term)) continue;
      for (const key of soundKeysOfIndexed(term)) if (key.length >= MIN_KEY_LENGTH) push(byKey, key, term);
    }
    return byKey;
  }
}

/** The analyser folds a final e away (service → servic, storage → storag): keys of the word as written too. */
function soundKeysOfIndexed(word: string): string[] {
  return [...new Set([...englishKeys(word), ...(/[^aeiouy]$/.test(word) ? englishKeys(`${word}e`) : [])])];
}

function push(map: Map<string, string[]>, key: string, term: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [term]);
  else if (!list.includes(term)) list.push(term);
}
