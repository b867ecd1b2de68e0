/** The idea a question is about, as the answer-evidence checks look for it beside what is asked. */
import type { AnalysedQuery } from '../search/query.js';
import { isOrdinaryWord } from '../search/unknown-entities.js';

/**
 * The question's heaviest idea that is a name or a concept and not a word of what is asked for
 * (`asked`: command, manifest), whole: its terms but not its parts (cri of cri-dockerd is
 * CRI-O's too). None, or with `orAny` the heaviest of all, when no idea is such a thing.
 */
export function heaviestIdea(query: AnalysedQuery, groupWeights: readonly number[], asked: RegExp, orAny = false): Set<string> {
  const kinds = new Map(query.terms.map((t) => [t.term, t.kind]));
  const thing = (g: AnalysedQuery['groups'][number]): boolean => !g.terms.some((t) => asked.test(t)) && g.terms.some((t) => kinds.get(t) === 'concept' || !isOrdinaryWord(t));
  const things = query.groups.map((g, i) => (thing(g) ? i : -1)).filter((i) => i >= 0);
  const pool = things.length > 0 || !orAny ? things : query.groups.map((_, i) => i);
  if (pool.length === 0) return new Set();
  const heaviest = query.groups[pool.reduce((best, i) => ((groupWeights[i] ?? 0) > (groupWeights[best] ?? 0) ? i : best), pool[0]!)];
  return new Set(heaviest?.terms.filter((t) => heaviest.parts?.[t] === undefined));
}
