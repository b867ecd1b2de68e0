/** Where a question's terms occur in a passage: for proximity in ranking, and for excerpts. */
import { normalizeWithOrigin, type NormalizedText } from '../text/normalize.js';
import { LruCache } from './lru-cache.js';
import type { QueryTerm } from './query.js';

export interface Span {
  /** Offsets in the original passage text. */
  start: number;
  end: number;
  term: string;
  weight: number;
}

export interface SpanOptions {
  /**
   * Also find katakana words whose ー the analyser folded away inside the word (リリス for
   * リリース): excerpts need every occurrence. Off for ranking, whose figures were measured without.
   */
  foldProlonged?: boolean;
}

interface Prepared extends NormalizedText {
  /** The text with ー folded away (foldProlongedMarks), made when an excerpt first needs it. */
  folded?: { text: string; origin: number[] };
}

// A passage is normalised for ranking's proximity and again for its excerpt: kept once done.
const prepared = new LruCache<string, Prepared>(1_000);

function prepare(text: string): Prepared {
  let n = prepared.get(text);
  if (n === undefined) {
    n = normalizeWithOrigin(text);
    prepared.set(text, n);
  }
  return n;
}

export function findSpans(text: string, terms: readonly QueryTerm[], weights: ReadonlyMap<string, number>, options: SpanOptions = {}): Span[] {
  const ready = prepare(text);
  const { text: norm, origin: map } = ready;
  const origin = (i: number): number => (map ? (map[i] ?? map[map.length - 1] ?? 0) : i);
  const folded = options.foldProlonged ? (ready.folded ??= foldProlongedMarks(norm)) : undefined;
  const spans: Span[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const weight = weights.get(term.term) ?? 0;
    for (const form of term.forms) {
      if (form === '') continue;
      for (let at = norm.indexOf(form); at !== -1; at = norm.indexOf(form, at + form.length)) {
        let end = at + form.length;
        // Katakana words were indexed with a trailing ー folded away; include it in the match.
        while (norm[end] === 'ー') end++;
        if (folded) seen.add(`${term.term}:${at}`);
        spans.push({ start: origin(at), end: origin(end - 1) + 1, term: term.term, weight });
      }
      if (!folded || form.includes('ー')) continue;
      for (let at = folded.text.indexOf(form); at !== -1; at = folded.text.indexOf(form, at + form.length)) {
        const start = folded.origin[at]!;
        if (seen.has(`${term.term}:${start}`)) continue;
        let end = folded.origin[at + form.length - 1]! + 1;
        while (norm[end] === 'ー') end++;
        spans.push({ start: origin(start), end: origin(end - 1) + 1, term: term.term, weight });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The text with ー after a katakana letter removed, and where each remaining character came from. */
function foldProlongedMarks(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === 'ー' && i > 0 && /\p{Script=Katakana}/u.test(text[i - 1]!)) continue;
    out += text[i];
    origin.push(i);
  }
  return { text: out, origin };
}

/**
 * How close together the matched terms are: the largest share of their total weight that
 * fits in one window of `window` characters (1 when they all sit in one phrase).
 */
export function proximity(spans: readonly Span[], window = 80): number {
  if (spans.length === 0) return 0;
  // previous[i]: the last span before i of the same term; a window from `from` counts span i
  // only where that one lies outside it, so each term counts once, in order of first sight.
  const previous = new Int32Array(spans.length);
  const lastOf = new Map<string, number>();
  spans.forEach((span, i) => {
    previous[i] = lastOf.get(span.term) ?? -1;
    lastOf.set(span.term, i);
  });
  const total = distinctWeight(spans, previous, 0, spans.length - 1);
  if (total === 0) return 0;
  let best = 0;
  let from = 0;
  for (let to = 0; to < spans.length; to++) {
    while (spans[to]!.end - spans[from]!.start > window) from++;
    best = Math.max(best, distinctWeight(spans, previous, from, to));
  }
  return best / total;
}

/** The summed weight of the distinct terms of spans[from..to] (findSpans gives a term one weight). */
function distinctWeight(spans: readonly Span[], previous: Int32Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) if (previous[i]! < from) total += spans[i]!.weight;
  return total;
}
