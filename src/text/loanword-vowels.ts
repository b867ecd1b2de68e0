/**
 * The vowels of a loanword, to tell apart words whose consonant sound keys collide (リサイズ
 * and resource are both RSS; stick, スタック and ステッカー all STK). Katakana writes a vowel
 * after every consonant, so each gap around a word's consonant sounds holds the katakana
 * vowels there (リサイズ: -, i, ai, u) and the English letters there (resource: -, e, our, e).
 * The gaps agree when the katakana vowels are one way katakana renders those letters, by the
 * regularities of English spelling:
 * - a vowel letter has its short reading in a closed syllable (stack: a → ア) and its long one
 *   too in an open syllable, before one consonant and a vowel (state: a → エ(イ), side: i → アイ);
 *   vowel pairs have theirs (ee → イー, ou → ア / ウ / オ / アウ …), and two vowels side by side
 *   may be read one by one (client クライアント);
 * - a silent r leaves アー, or ア after the vowel (server サーバー, store ストア, fire ファイア);
 * - where English writes no vowel (a consonant cluster, a final consonant, a silent e), katakana
 *   adds its own: u, o after t and d (ト, ド), i after ch, sh and soft g (ッチ, ッジ);
 * - long vowels are folded away on both sides (ー, ou → o, ei → e), as the analyser folds them.
 */

export type Vowels = string;

/** What English writes in one gap around its consonant sounds, and what is around it. */
export interface EnglishGap {
  /** Vowel letters and the silent letters among them (an r, h, w or gh), as written. */
  letters: string;
  /** The sound class before the gap ('' at the word's start) and the letters that spell it (ch, x, l …). */
  after: string;
  before: string;
  /** The consonant letters after the gap, up to the next vowel ('' at the word's end). */
  following: string;
  /** Whether the gap ends the word with a silent e (store, cache). */
  silentE: boolean;
  /** Whether its vowel is in an open syllable: one consonant (or a digraph, or one with l or r) and a vowel follow. */
  open: boolean;
  /** Whether no vowel comes before it (the word's first syllable), or after it (the last). */
  first: boolean;
  last: boolean;
  /** The consonant letters before the gap, back to the previous vowel. */
  preceding: string;
  /** The previous gap's letters, where a lone consonant separates it from this one. */
  previous?: string;
}

/** Folds what katakana writes both ways: long vowels (ー is gone already; ou, ei) and doubled vowels. */
export function foldVowels(v: string): Vowels {
  let out = v;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/([aeiou])\1+/g, '$1').replace(/ou/g, 'o').replace(/ei/g, 'e');
  }
  return out;
}

// Vowel pairs read as one sound, from how katakana writes common English words.
const PAIRS: Record<string, string[]> = {
  ai: ['e', 'ai'], // drain ドレイン, container コンテナ
  ay: ['e', 'ai'], // gateway ゲートウェイ
  au: ['o', 'au'], // default デフォルト, audit オーディット
  aw: ['o', 'au'],
  ae: ['e', 'ae', 'i'], // daemon デーモン
  ea: ['i', 'e', 'ia', 'ea', 'ie'], // stream ストリーム, health ヘルス, real リアル, idea アイデア
  ee: ['i'],
  ei: ['e', 'ai', 'i'],
  ey: ['e', 'i', 'ai'], // key キー
  eu: ['u', 'eu'],
  ew: ['u'], // new ニュー, review レビュー
  iew: ['u'], // view ビュー
  ie: ['ai', 'i', 'e', 'ie', 'ia', 'ae', 'aia', 'aie'], // client クライアント, field フィールド, science サイエンス, experience エクスペリエンス, society ソサエティ
  oa: ['o', 'oa'],
  oe: ['o', 'u', 'e', 'oe'],
  oi: ['oi'],
  oy: ['oi'],
  oo: ['u', 'o'],
  ou: ['a', 'u', 'o', 'au'], // double ダブル, route ルート, source ソース, mount マウント
  ow: ['o', 'au'], // flow フロー, download ダウンロード
  ue: ['u', 'ue'],
  ui: ['i', 'ai', 'u', 'ui'], // build ビルド, guide ガイド, suite スイート
  ua: ['ua', 'a', 'uo', 'o'], // dual デュアル, quality クオリティ, equal イコール
  uo: ['uo', 'o'], // quota クォータ
  uy: ['ai'],
  io: ['io', 'aio'], // radio ラジオ, priority プライオリティ
  ia: ['ia', 'aia'], // media メディア, trial トライアル
  iu: ['iu', 'ia', 'u'], // premium プレミアム
  eo: ['eo', 'io', 'i', 'e'], // video ビデオ, geo ジオ, people ピープル, leopard レパード
  igh: ['ai'],
  eigh: ['e', 'ai'],
  ough: ['o', 'a', 'u', 'au'],
  augh: ['o'],
};

/** Katakana's own vowel after a consonant English writes without one. */
function epentheticAfter(gap: EnglishGap): string[] {
  if (gap.after === 'T') return ['', 'o']; // ト, ド
  if (gap.after === 'S') return /^(ch|sh|g|j)$/.test(gap.before) ? ['', 'u', 'i'] : ['', 'u']; // ス, ッシュ, ッチ, ッジ
  if (gap.after === 'K' && gap.before === 'x') return ['', 'u', 'i']; // ックス, proxy プロキシ
  if (gap.after === '' || gap.after === 'N' || gap.after === 'W' || gap.after === 'Y') return [''];
  return ['', 'u'];
}

// Readings by what decides them, shared by the gaps of many words; and by gap, for a word met again.
const memo = new Map<string, ReadonlySet<Vowels>>();
const byGap = new WeakMap<EnglishGap, ReadonlySet<Vowels>>();
const MEMO_LIMIT = 50_000;

/** The katakana vowels one English gap may be written with, folded. */
export function gapReadings(gap: EnglishGap): ReadonlySet<Vowels> {
  let found = byGap.get(gap);
  if (found) return found;
  const id = [gap.letters, gap.after, gap.before, gap.following, gap.preceding, +gap.silentE, +gap.open, +gap.first, +gap.last, gap.previous ?? '-'].join('|');
  found = memo.get(id);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(id, (found = buildReadings(gap)));
  }
  byGap.set(gap, found);
  return found;
}

function buildReadings(gap: EnglishGap): ReadonlySet<Vowels> {
  const epenthetic = epentheticAfter(gap);
  let letters = gap.silentE ? gap.letters.slice(0, -1) : gap.letters;
  // A silent h goes (ohm, John); a silent gh only where it is not part of a known spelling (light, though).
  letters = letters.replace(/(?<!g)h/g, '');
  if (letters.includes('gh') && !/^(igh|eigh|ough|augh)$/.test(letters)) letters = letters.replace(/gh/g, '');
  let readings: string[] = [];
  if (letters.endsWith('r')) {
    // A silent r: katakana writes アー for it (server サーバー, start スタート), or ア after the
    // vowel (store ストア, fire ファイア, clear クリア); after o the vowel alone (port ポート, source ソース).
    const base = letters.slice(0, -1);
    const before = base === '' ? [] : readingsOf(base, { ...gap, open: gap.silentE });
    // The vowel before r may be lost in the アー too (interior インテリア).
    const reduced = base.length >= 2 ? readingsOf(base.slice(0, -1), { ...gap, open: true }) : [];
    readings = ['a', ...[...before, ...reduced].map((v) => `${v}a`), ...(base.includes('o') ? before : [])];
  } else if (letters !== '') readings = readingsOf(letters, gap);
  const out = new Set<Vowels>();
  if (letters === '' || isSilentVowel(letters, gap)) for (const e of epenthetic) out.add(e);
  if (isSilentE(letters, gap)) {
    // The silent e of a compound's first part (sidecar サイドカー, timeout タイムアウト, idletimeout アイドル…).
    for (const e of epenthetic) out.add(e);
    for (const r of letters.length > 1 ? readingsOf(letters.slice(1), gap) : []) for (const e of epenthetic) out.add(foldVowels(e + r));
  }
  for (const r of readings) {
    out.add(foldVowels(r));
    // Katakana's own vowel, then the vowel a word's next part begins with (plugin プラグイン, login ログイン).
    for (const e of epenthetic) if (e !== '') out.add(foldVowels(e + r));
  }
  return out;
}

/**
 * A vowel katakana does not write: a syllabic n (seven セブン, reason リーズン, hyphen ハイフン),
 * the u of a final -gue (dialogue ダイアログ).
 */
function isSilentVowel(letters: string, gap: EnglishGap): boolean {
  if (/^[eo]$/.test(letters) && gap.following === 'n' && gap.last && /^[SBH]$/.test(gap.after)) return true;
  return letters === 'u' && gap.silentE && gap.before === 'g';
}

/** An e inside a word after a vowel and one consonant (side-car, gate-way, source-code), or after a consonant and l (idle-time). */
function isSilentE(letters: string, gap: EnglishGap): boolean {
  if (!letters.startsWith('e') || gap.following === '' || gap.previous === undefined) return false;
  return /[aiouy]/.test(gap.previous) || (gap.before === 'l' && gap.previous === '');
}

function readingsOf(letters: string, gap: EnglishGap): string[] {
  const found = new Set<string>(split(letters, gap));
  // After an s-sound, an i or e before another vowel is the sound's own (special スペシャル, region リージョン, session セッション).
  if (gap.after === 'S' && /^[ie][aeiou]/.test(letters)) for (const v of split(letters.slice(1), gap)) found.add(v);
  // The u of gu and qu before a vowel may go (guest ゲスト, sequence シーケンス).
  if (/^[gq]$/.test(gap.before) && /^u[aeiouy]/.test(letters)) for (const v of split(letters.slice(1), gap)) found.add(v);
  return [...found];
}

/** Readings of a run of vowel letters: as one pair or letter where known, or part by part. */
function split(letters: string, gap: EnglishGap): string[] {
  if (letters.length === 1) return single(letters, gap);
  const out = new Set<string>(PAIRS[letters] ?? []);
  if (letters.length <= 4) {
    for (let k = 1; k < letters.length; k++) {
      const head = letters.slice(0, k);
      if (k > 1 && !PAIRS[head]) continue;
      // A vowel before another vowel ends an open syllable (client: cli-ent).
      const heads = k === 1 ? single(head, { ...gap, open: true, following: '' }) : PAIRS[head]!;
      for (const h of heads) for (const t of split(letters.slice(k), { ...gap, after: '', first: false })) out.add(h + t);
    }
  }
  return [...out];
}

function single(letter: string, gap: EnglishGap): string[] {
  const { open, following } = gap;
  const next = following[0] ?? '';
  switch (letter) {
    case 'a': {
      const out = open ? ['a', 'e'] : ['a']; // stack スタック; state ステート, label ラベル
      if (gap.after === 'W' || /^l[^aeiouy]/.test(following)) out.push('o'); // water ウォーター, install インストール, talk トーク
      if (next === 'r') out.push('ea'); // parent ペアレント
      return out;
    }
    case 'e': {
      const out = open || gap.first ? ['e', 'i'] : ['e']; // event イベント, secret シークレット, restore リストア
      if (next === 'r') out.push('a'); // interest インタレスト, reference リファレンス
      return out;
    }
    case 'i':
      return open || /^(nd|ld)/.test(following) ? ['i', 'ai'] : ['i']; // list リスト; side サイド, find ファインド
    case 'y':
      // system システム, proxy プロキシ; type タイプ; a final -fy, -ply, -try: modify モディファイ, apply アプライ
      if (gap.following === '' && gap.letters.endsWith('y')) return gap.before === 'f' || /(pl|tr|dr)$/.test(gap.preceding) ? ['i', 'ai'] : ['i'];
      return open ? ['i', 'ai'] : ['i'];
    case 'o': {
      const out = ['o'];
      if (/^([mnvrw]|th)/.test(following)) out.push('a'); // company カンパニー, cover カバー, monitoring モニタリング, other アザー, power パワー
      if (next === 'v') out.push('u'); // remove リムーブ
      return out;
    }
    case 'u':
      // cluster クラスター, dump ダンプ; module モジュール, rule ルール; pull プル, push プッシュ
      return open || /^[pbf]$/.test(gap.before) ? ['a', 'u'] : ['a'];
    default:
      return [];
  }
}

/** Whether a katakana word's vowels, gap by gap, are a way of writing the English word's. */
export function vowelsAgree(kana: readonly Vowels[], english: readonly EnglishGap[]): boolean {
  if (kana.length !== english.length) return false;
  for (let i = 0; i < kana.length; i++) if (!gapReadings(english[i]!).has(kana[i]!)) return false;
  return true;
}
