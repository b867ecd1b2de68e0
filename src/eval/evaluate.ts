/** Runs a QA set through the real query path: ranking for hit@k, answer() for abstention. */
import { answer } from '../answer/answer.js';
import { messages } from '../i18n/messages.js';
import type { Searcher } from '../search/searcher.js';
import { passageAsShown, type QaItem, type QaOutcome } from './metrics.js';

export function evaluate(searcher: Searcher, items: readonly QaItem[]): QaOutcome[] {
  return items.map((item) => {
    const a = answer(searcher, item.q);
    return {
      item,
      ranked: searcher.search(item.q, { limit: 10 }).results.map((r) => passageAsShown(r.passage)),
      answered: a.answered,
      confidence: a.confidence,
      // Worded as `ask --json` words them, for --verbose.
      notices: a.notices.map((n) => messages('en').notice(n)),
    };
  });
}
