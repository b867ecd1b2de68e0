/**
 * Normalisation shared by indexing and querying: Unicode NFKC folds full-width Latin and
 * digits to ASCII and half-width katakana to full-width; lower-casing folds case.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const KATAKANA_WORD = /^[\u30a0-\u30ff]+$/u;

/**
 * Folds katakana spelling variants that Japanese technical writing mixes freely:
 * a trailing prolonged sound mark (コントローラー / コントローラ, サーバー / サーバ).
 * Only for words of four or more characters, where dropping it never changes the word.
 */
export function foldKatakana(word: string): string {
  if (word.length >= 4 && word.endsWith('ー') && KATAKANA_WORD.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Folds English plurals (`containers` → `container`, `policies` → `policy`) so that a
 * question and an article need not agree on number. Deliberately light: no stemmer
 * guesses at verb forms of Kubernetes identifiers.
 */
export function foldPlural(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ps)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export interface NormalizedText {
  text: string;
  /** For each code unit of `text`, the index of the original code unit it came from. */
  origin: number[];
}

/** normalizeText, keeping where each character came from, so matches map back to the original. */
export function normalizeWithOrigin(original: string): NormalizedText {
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
