/** A short excerpt around the passage's best-matching sentence, with the matched terms marked. */
import { splitSentences } from '../corpus/sentences.js';
import type { Span } from '../search/spans.js';
import type { ExcerptSegment } from './types.js';

export interface ExcerptOptions {
  /** Target length in characters; whole sentences are added around the best one up to it. */
  maxChars: number;
}

export function buildExcerpt(text: string, spans: readonly Span[], { maxChars }: ExcerptOptions = { maxChars: 200 }): ExcerptSegment[] {
  const sentences = locateSentences(text);
  if (sentences.length === 0) return [];
  // Score each sentence by the distinct weight of the terms inside it.
  const scores = sentences.map(({ start, end }) => {
    const inside = new Map<string, number>();
    for (const s of spans) if (s.start >= start && s.end <= end) inside.set(s.term, s.weight);
    let total = 0;
    for (const w of inside.values()) total += w;
    return total;
  });
  // In a Japanese passage, a line with no Japanese is almost always code or command output:
  // the prose around it explains it better, so it is chosen only when nothing else matches.
  const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
  if (japanese.test(text)) sentences.forEach((s, i) => {
    if (!japanese.test(text.slice(s.start, s.end))) scores[i]! *= 0.4;
  });
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  let from = best;
  let to = best;
  const length = (): number => sentences[to]!.end - sentences[from]!.start;
  // Grow forward first (context usually follows), then backward, while within the target.
  while (to + 1 < sentences.length && sentences[to + 1]!.end - sentences[from]!.start <= maxChars) to++;
  while (from > 0 && sentences[to]!.end - sentences[from - 1]!.start <= maxChars) from--;
  const start = sentences[from]!.start;
  let end = sentences[to]!.end;
  if (length() > maxChars * 1.5) end = cutAt(text, start + Math.round(maxChars * 1.5));
  const segments = markSpans(text, start, end, spans);
  if (from > 0) segments.unshift({ text: '…', match: false });
  if (end < text.trimEnd().length) segments.push({ text: '…', match: false });
  return mergeSegments(segments);
}

function locateSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const piece of splitSentences(line)) {
      const start = text.indexOf(piece, offset);
      out.push({ start, end: start + piece.trimEnd().length });
      offset = start + piece.length;
    }
    offset = Math.max(offset, text.indexOf('\n', offset) + 1);
  }
  return out.filter((s) => s.start >= 0);
}

/** Cuts an over-long sentence at a character boundary, never inside a surrogate pair. */
function cutAt(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function markSpans(text: string, start: number, end: number, spans: readonly Span[]): ExcerptSegment[] {
  const marks = spans
    .filter((s) => s.start >= start && s.end <= end)
    .map((s) => [s.start, s.end] as const)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of marks) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: ExcerptSegment[] = [];
  let at = start;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < end) out.push({ text: text.slice(at, end), match: false });
  return out.map((seg) => ({ ...seg, text: seg.text.replace(/\s*\n\s*/g, ' ') }));
}

function mergeSegments(segments: ExcerptSegment[]): ExcerptSegment[] {
  const out: ExcerptSegment[] = [];
  for (const seg of segments) {
    if (seg.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.match === seg.match) last.text += seg.text;
    else out.push({ ...seg });
  }
  return out;
}

export function excerptText(segments: readonly ExcerptSegment[]): string {
  return segments.map((s) => s.text).join('');
}
