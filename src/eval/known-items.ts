/**
 * Known-item questions made from the index itself: each article's title asked as the
 * question; a hit is a result from that article. Measures that a question that is a page's
 * title finds the page, however common the title's words.
 */
import { answer } from '../answer/answer.js';
import type { Searcher } from '../search/searcher.js';

export interface KnownItemMetrics {
  questions: number;
  hit1: number;
  hit3: number;
  /** Titles answered with confidence none. */
  refused: number;
}

export function evaluateTitles(searcher: Searcher): KnownItemMetrics {
  const articles = searcher.index.articles;
  let hit1 = 0;
  let hit3 = 0;
  let refused = 0;
  for (const article of articles) {
    const top = searcher.search(article.title, { limit: 3 }).results.map((r) => r.article.id);
    if (top[0] === article.id) hit1++;
    if (top.includes(article.id)) hit3++;
    if (answer(searcher, article.title).confidence === 'none') refused++;
  }
  const share = (n: number): number => (articles.length === 0 ? 0 : n / articles.length);
  return { questions: articles.length, hit1: share(hit1), hit3: share(hit3), refused: share(refused) };
}
