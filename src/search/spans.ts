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

// A passage is normalised for ranking's proximity and again for its excerpt: kept once done.
const normalized = new LruCache<string, NormalizedText>(1_000);

function normalizeOnce(text: string): NormalizedText {
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalizeWithOrigin(text);
    normalized.set(text, n);
  }
  return n;
}

export function findSpans(text: string, terms: readonly QueryTerm[], weights: ReadonlyMap<string, number>, options: SpanOptions = {}): Span[] {
  const { text: norm, origin: map } = normalizeOnce(text);
  const origin = (i: number): number => (map ? (map[i] ?? map[map.length - 1] ?? 0) : i);
  const folded = options.foldProlonged ? foldProlongedMarks(norm) : undefined;
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
        seen.add(`${term.term}:${at}`);
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
  const total = distinctWeight(spans);
  if (total === 0) return 0;
  let best = 0;
  let from = 0;
  for (let to = 0; to < spans.length; to++) {
    while (spans[to]!.end - spans[from]!.start > window) from++;
    best = Math.max(best, distinctWeight(spans.slice(from, to + 1)));
  }
  return best / total;
}

function distinctWeight(spans: readonly Span[]): number {
  const seen = new Map<string, number>();
  for (const s of spans) seen.set(s.term, s.weight);
  let total = 0;
  for (const w of seen.values()) total += w;
  return total;
}
