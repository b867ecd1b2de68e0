/**
 * How well the shown answer reads, per question set: the share of first-place hits whose
 * excerpt contains the evidence string (the excerpt is the sentence that should answer), the
 * same counting the code block shown under the excerpt (a command the prose introduces), and
 * hit@3 of the first page before and after the relative score cut (the cut must not lose hits).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { buildResultShown, selectShown } from '../answer/answer.js';
import { excerptText } from '../answer/excerpt.js';
import type { Searcher } from '../search/searcher.js';
import { containsEvidence, parseQaSet, passageAsShown, type QaItem } from './metrics.js';

/** The sets `npm run eval` reports excerpts on, when present: dev, holdout and the blind set. */
export const EXCERPT_SETS = ['../shared/qa/dev.jsonl', 'qa/holdout.jsonl', 'qa/blind.jsonl'];

export interface ExcerptFigures {
  set: string;
  /** Answerable questions whose first result contains the evidence. */
  firstPlaceHits: number;
  /** …of which the excerpt contains it too. */
  excerptHits: number;
  share: number;
  /** …of which the excerpt or the code block shown with it contains it (what the asker sees without opening the page). */
  shownHits: number;
  shownShare: number;
  /** hit@3 of the ranking, and of the first page as shown after the relative cut. */
  hit3: number;
  hit3Shown: number;
  /** Mean number of results on the first page after the cut. */
  meanShown: number;
  misses: Array<{ id: string; q: string; excerpt: string }>;
}

export function measureExcerpts(searcher: Searcher, set: string, items: readonly QaItem[]): ExcerptFigures {
  let firstPlaceHits = 0;
  let excerptHits = 0;
  let shownHits = 0;
  let hit3 = 0;
  let hit3Shown = 0;
  let shownTotal = 0;
  const misses: ExcerptFigures['misses'] = [];
  const answerable = items.filter((i) => i.title !== null);
  for (const item of answerable) {
    const ranked = searcher.search(item.q, { limit: 3 }).results;
    if (ranked.slice(0, 3).some((r) => containsEvidence(passageAsShown(r.passage), item.evidence))) hit3++;
    const shown = selectShown(ranked);
    shownTotal += shown.length;
    if (shown.slice(0, 3).some((r) => containsEvidence(passageAsShown(r.passage), item.evidence))) hit3Shown++;
    const outcome = searcher.search(item.q, { limit: 1 });
    const first = outcome.results[0];
    if (!first || !containsEvidence(first.passage.text, item.evidence)) continue;
    firstPlaceHits++;
    // The excerpt as answer() builds it for the first result.
    const shownParts = buildResultShown(first, outcome);
    const excerpt = excerptText(shownParts.excerpt);
    const inExcerpt = containsEvidence(excerpt, item.evidence);
    if (inExcerpt) excerptHits++;
    if (inExcerpt || (shownParts.code !== undefined && containsEvidence(shownParts.code, item.evidence))) shownHits++;
    if (!inExcerpt) misses.push({ id: item.id, q: item.q, excerpt });
  }
  const n = answerable.length || 1;
  return {
    set,
    firstPlaceHits,
    excerptHits,
    share: firstPlaceHits === 0 ? 0 : excerptHits / firstPlaceHits,
    shownHits,
    shownShare: firstPlaceHits === 0 ? 0 : shownHits / firstPlaceHits,
    hit3: hit3 / n,
    hit3Shown: hit3Shown / n,
    meanShown: shownTotal / n,
    misses,
  };
}

/** Reads each set that exists and measures it. */
export function readExcerptReport(searcher: Searcher, sets: readonly string[] = EXCERPT_SETS): ExcerptFigures[] {
  const seen = new Set<string>();
  const present = sets.filter((f) => {
    if (!existsSync(f)) return false;
    const real = realpathSync(f);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
  return present.map((f) => measureExcerpts(searcher, f, parseQaSet(readFileSync(f, 'utf8'), f)));
}

export function formatExcerptReport(rows: readonly ExcerptFigures[], verbose = false): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    '| set | first-place hits | excerpt has evidence | share | excerpt or its code block has it | share | hit@3 | hit@3 shown (after cut) | results shown (mean) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.set} | ${r.firstPlaceHits} | ${r.excerptHits} | ${f(r.share)} | ${r.shownHits} | ${f(r.shownShare)} | ${f(r.hit3)} | ${f(r.hit3Shown)} | ${r.meanShown.toFixed(2)} |`),
  ];
  if (verbose) for (const r of rows) for (const m of r.misses) lines.push(`excerpt miss ${m.id} ${m.q}\n    ${m.excerpt}`);
  return lines.join('\n');
}
