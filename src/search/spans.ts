/** Where a question's terms occur in a passage: for proximity in ranking, and for excerpts. */
import { normalizeWithOrigin } from '../text/normalize.js';
import type { QueryTerm } from './query.js';

export interface Span {
  /** Offsets in the original passage text. */
  start: number;
  end: number;
  term: string;
  weight: number;
}

export function findSpans(text: string, terms: readonly QueryTerm[], weights: ReadonlyMap<string, number>): Span[] {
  const { text: norm, origin: map } = normalizeWithOrigin(text);
  const origin = (i: number): number => (map ? (map[i] ?? map[map.length - 1] ?? 0) : i);
  const spans: Span[] = [];
  for (const term of terms) {
    const weight = weights.get(term.term) ?? 0;
    for (const form of term.forms) {
      if (form === '') continue;
      for (let at = norm.indexOf(form); at !== -1; at = norm.indexOf(form, at + form.length)) {
        let end = at + form.length;
        // Katakana words were indexed with a trailing ー folded away; include it in the match.
        while (norm[end] === 'ー') end++;
        spans.push({ start: origin(at), end: origin(end - 1) + 1, term: term.term, weight });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
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
