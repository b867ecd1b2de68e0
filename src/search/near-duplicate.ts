/** Near-duplicate passages (the same text scraped twice, a quote repeated) are shown once. */
import { normalizeText } from '../text/normalize.js';

// Passage texts are shared objects' strings; their shingles are kept once computed.
const cache = new Map<string, Set<string>>();
const CACHE_LIMIT = 10_000;

function shingles(text: string): Set<string> {
  const cached = cache.get(text);
  if (cached) return cached;
  const out = computeShingles(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

function computeShingles(text: string): Set<string> {
  const s = normalizeText(text).replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Jaccard similarity of character trigrams above the threshold. */
export function isNearDuplicate(a: string, b: string, threshold = 0.8): boolean {
  if (a === b) return true;
  const lengthRatio = Math.min(a.length, b.length) / Math.max(a.length, b.length, 1);
  if (lengthRatio < threshold) return false;
  const sa = shingles(a);
  const sb = shingles(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / (sa.size + sb.size - shared || 1) >= threshold;
}
