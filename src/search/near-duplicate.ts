/** Near-duplicate passages (the same text scraped twice, a quote repeated) are shown once. */
import { normalizeText } from '../text/normalize.js';

// Passage texts are shared objects' strings; their shingles are kept once computed.
const cache = new Map<string, Float64Array>();
const CACHE_LIMIT = 10_000;

function shingles(text: string): Float64Array {
  const cached = cache.get(text);
  if (cached) return cached;
  const out = computeShingles(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/**
 * The text's distinct character trigrams, each as one number (its three UTF-16 code units,
 * 16 bits apiece, fit exactly in a double), sorted: two sets intersect by one merge, with no
 * string hashing.
 */
function computeShingles(text: string): Float64Array {
  const s = normalizeText(text).replace(/\s+/g, '');
  const codes: number[] = [];
  for (let i = 0; i + 3 <= s.length; i++) codes.push(s.charCodeAt(i) * 2 ** 32 + s.charCodeAt(i + 1) * 2 ** 16 + s.charCodeAt(i + 2));
  const sorted = Float64Array.from(codes).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

/** Jaccard similarity of character trigrams above the threshold. */
export function isNearDuplicate(a: string, b: string, threshold = 0.8): boolean {
  if (a === b) return true;
  const lengthRatio = Math.min(a.length, b.length) / Math.max(a.length, b.length, 1);
  if (lengthRatio < threshold) return false;
  const sa = shingles(a);
  const sb = shingles(b);
  // The Jaccard similarity is at most the smaller set's share of the larger.
  if (Math.min(sa.length, sb.length) < threshold * Math.max(sa.length, sb.length)) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < sa.length && j < sb.length; ) {
    if (sa[i] === sb[j]) {
      shared++;
      i++;
      j++;
    } else if (sa[i]! < sb[j]!) i++;
    else j++;
  }
  return shared / (sa.length + sb.length - shared || 1) >= threshold;
}
