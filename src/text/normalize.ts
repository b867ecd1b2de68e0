/**
 * Normalisation shared by indexing and querying: Unicode NFKC folds full-width Latin and
 * digits to ASCII and half-width katakana to full-width; lower-casing folds case.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const KATAKANA_WORD = /^[\u30a0-\u30ff]+$/u;

/**
 * Folds katakana spelling variants that Japanese technical writing mixes freely: prolonged
 * sound marks (コントローラー / コントローラ, サーバー / サーバ). All of them go, not only a
 * final one, so a compound folds the same whether or not the dictionary split it
 * (リリースシャドウ = リリース + シャドウ). Only for words of three or more characters.
 */
export function foldKatakana(word: string): string {
  if (word.length >= 3 && word.includes('ー') && KATAKANA_WORD.test(word)) {
    return word.replace(/ー/g, '');
  }
  return word;
}

/**
 * normalizeText, then the prolonged marks after katakana go, as the analyser folds its
 * katakana terms (リリース → リリス): running text to look folded terms and forms up in.
 */
export function normalizeFolded(text: string): string {
  return normalizeText(text).replace(/(?<=\p{Script=Katakana})ー/gu, '');
}

// Words whose final s or ed is not an inflection.
const KEEP = new Set(['kubernetes', 'status', 'always', 'alias', 'canvas', 'bias', 'https', 'species', 'series', 'news', 'focus', 'bonus', 'virus', 'embed', 'speed', 'need', 'feed', 'seed', 'exceed', 'proceed', 'succeed', 'bring', 'string', 'thing', 'spring', 'during', 'ping']);

/**
 * Light English folding so a question and an article need not agree on number or tense:
 * plurals (`containers`, `policies`), `-ed` and `-ing` (`checkpointed`, `checkpointing`), and
 * a final `e` (`remove` / `removed` → `remov`), and `-ation` with its verb (`annotation` /
 * `annotating` → `annotat`). Only plain lower-case words; identifiers
 * with punctuation are kept whole by the analyser before their parts get here.
 */
export function foldPlural(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word) || KEEP.has(word)) return word;
  let w = word;
  if (w.endsWith('ation') && w.length >= 8) return w.slice(0, -3);
  if (w.endsWith('ations') && w.length >= 9) return w.slice(0, -4);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length >= 5) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/** `running` → `runn` → `run` */
function undouble(stem: string): string {
  return /([bdfgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

export interface NormalizedText {
  text: string;
  /** For each code unit of `text`, the index of the original code unit it came from; null when each is its own. */
  origin: number[] | null;
}

/** normalizeText, keeping where each character came from, so matches map back to the original. */
export function normalizeWithOrigin(original: string): NormalizedText {
  // Most passages normalise character for character (Japanese, lower-case ASCII): then every
  // character is its own origin and the slow per-character path is not needed.
  const whole = normalizeText(original);
  if (whole.length === original.length && sameShape(original, whole)) {
    return { text: whole, origin: null };
  }
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of original) {
    const n = normalizeText(ch);
    text += n;
    for (let k = 0; k < n.length; k++) origin.push(i);
    i += ch.length;
  }
  return { text, origin };
}

/** Whether normalisation changed no character into one of another width (surrogates stay put). */
function sameShape(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && ((x >= 0xd800 && x <= 0xdfff) !== (y >= 0xd800 && y <= 0xdfff))) return false;
  }
  return true;
}
