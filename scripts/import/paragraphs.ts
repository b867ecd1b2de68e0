/**
 * Splitting of paragraphs that the scrape ran together. Only whitespace between sentences is
 * ever dropped: every returned paragraph is an exact substring of the input.
 */

/** Paragraphs longer than this (in UTF-16 code units) are split. */
export const LONG_PARAGRAPH = 400;
/** Aim for paragraphs of about this length... */
const TARGET = 220;
/** ...and never more sentences than this in one. */
const MAX_SENTENCES = 4;
/** A trailing paragraph shorter than this is merged into the previous one. */
const MIN_TAIL = 80;

const TERMINAL = /[。!?！？]/;
// A terminal mark followed by one of these is inside a parenthesis or quote, or part of "?!", "!、" etc.
const NOT_AFTER = /[)）」』】〕"”’'、，,.。!?！？…]/;
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * Start offsets of the sentences of `text` (the first is always 0). A sentence ends at `。`, or
 * at `!`/`?` (ASCII or full-width) followed by more text; ASCII `!`/`?` only count when followed by
 * whitespace or a CJK character, so things like `Yahoo!Japan` or `?query` stay whole.
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!TERMINAL.test(ch)) continue;
    const next = text[i + 1];
    if (next === undefined || NOT_AFTER.test(next)) continue;
    if ((ch === '!' || ch === '?') && !/\s/.test(next) && !CJK.test(next)) continue;
    let j = i + 1;
    while (j < text.length && /\s/.test(text[j] as string)) j++;
    if (j < text.length) starts.push(j);
    i = j - 1;
  }
  return starts;
}

/**
 * Splits a long paragraph into paragraphs of about 2–4 sentences; short paragraphs and single
 * long sentences are returned unchanged.
 */
export function splitLongParagraph(text: string): string[] {
  if (text.length <= LONG_PARAGRAPH) return [text];
  const starts = sentenceStarts(text);
  if (starts.length < 2) return [text];
  const sentences = starts.map((s, i) => ({ start: s, end: i + 1 < starts.length ? (starts[i + 1] as number) : text.length }));

  // Greedy grouping: close a group once it is long enough (with 2+ sentences) or has MAX_SENTENCES.
  const groups: { start: number; end: number; count: number }[] = [];
  let cur: { start: number; end: number; count: number } | undefined;
  for (const s of sentences) {
    cur = cur ? { ...cur, end: s.end, count: cur.count + 1 } : { start: s.start, end: s.end, count: 1 };
    const len = cur.end - cur.start;
    if (cur.count >= MAX_SENTENCES || (len >= TARGET && cur.count >= 2) || len >= TARGET * 1.5) {
      groups.push(cur);
      cur = undefined;
    }
  }
  if (cur) {
    const last = groups[groups.length - 1];
    if (last && cur.end - cur.start < MIN_TAIL) groups[groups.length - 1] = { ...last, end: cur.end, count: last.count + cur.count };
    else groups.push(cur);
  }
  return groups.map((g) => text.slice(g.start, g.end).trimEnd());
}
