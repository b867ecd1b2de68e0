/**
 * What an English how-many question counts (how many GKE clusters, how many checkpoint
 * archives): answered by a number written beside that thing (88,474人のコントリビューター, 5
 * clusters), not by any number near the question's other words (a date in the same sentence).
 * The thing is the last word after "how many" before its verb or a function word, found in the
 * passage by any spelling of its idea (clusters → クラスタ).
 */
import type { EvidenceSpan } from '../search/asked-things.js';
import type { AnalysedQuery } from '../search/query.js';
import { foldPlural } from '../text/normalize.js';
import { STOPWORDS } from '../text/stopwords.js';

/** How far a number may be from the counted thing, in characters (`約150万行のコード`, `clusters: 12`). */
const REACH = 12;
const NUMBER = /[0-9０-９]|[一二三四五六七八九十百千万]+\s*(?:つ|個|人|件|台|回)/u;

/** The counted thing's terms (its idea's group), or undefined when the question counts nothing by name. */
export function countedTerms(query: AnalysedQuery): ReadonlySet<string> | undefined {
  const m = /\bhow many\s+([a-z][a-z\s-]*)/iu.exec(query.text.normalize('NFKC'));
  if (!m) return undefined;
  const words: string[] = [];
  for (const w of m[1]!.toLowerCase().split(/\s+/)) {
    if (w === '' || STOPWORDS.has(w) || /ed$/.test(w) || words.length === 3) break;
    words.push(w);
  }
  const head = words.at(-1);
  if (head === undefined || head.length < 3) return undefined;
  const group = query.groups.find((g) => g.terms.includes(foldPlural(head)) || g.terms.includes(head));
  return group && new Set(group.terms.filter((t) => group.parts?.[t] === undefined));
}

/** Whether a shown passage writes a number within REACH characters of the counted thing. */
export function countHeld(shown: ReadonlyArray<{ text: string }>, counted: ReadonlySet<string>, spansOf: (text: string) => readonly EvidenceSpan[]): boolean {
  const count = (window: string): boolean => NUMBER.test(window.normalize('NFKC').replace(NOT_A_COUNT, ' '));
  return shown.some((p) => spansOf(p.text).some((s) => counted.has(s.term) && count(p.text.slice(Math.max(0, s.start - REACH), s.end + REACH))));
}

/** Numbers that count nothing: versions (1.22), dates and years (2022/4/11, 2019年6月). */
const NOT_A_COUNT = /v?\d+\.\d+(?:\.\d+)*|\d{4}\s*[\/年-]\s*\d{1,2}(?:\s*[\/月-]\s*\d{1,2}\s*日?)?|\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日/gu;
