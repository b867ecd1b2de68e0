/**
 * The benchmark's baseline: MiniSearch with its default tokenizer and processTerm over the
 * same passages (fields title, section, text), queried with a plain `search(q)`. Its file
 * keeps the same article and passage store as ours, so the ratios show what our analyser,
 * term statistics and ranking cost on top of a plain full-text index.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Article, ArticleMeta } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import { chunkArticle } from '../corpus/chunk.js';
import { buildArticleMeta, SECTION_SEPARATOR } from '../search/build-index.js';
import type { StoredPassage } from '../search/index-data.js';

export interface BaselineDocument {
  id: number;
  title: string;
  section: string;
  text: string;
}

export interface BaselineData {
  articles: ArticleMeta[];
  passages: StoredPassage[];
  miniSearch: AsPlainObject;
}

export const BASELINE_OPTIONS: Options<BaselineDocument> = { fields: ['title', 'section', 'text'], storeFields: [] };

export function buildBaselineIndex(articles: readonly Article[], channels: ChannelMap): BaselineData {
  const metas: ArticleMeta[] = [];
  const passages: StoredPassage[] = [];
  const documents: BaselineDocument[] = [];
  const sorted = [...articles].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  for (const article of sorted) {
    const articleIndex = metas.length;
    metas.push(buildArticleMeta(article, channels));
    for (const passage of chunkArticle(article)) {
      documents.push({ id: passages.length, title: article.title, section: passage.sectionPath.join(SECTION_SEPARATOR), text: passage.text });
      passages.push({ article: articleIndex, sectionPath: passage.sectionPath, text: passage.text });
    }
  }
  const miniSearch = new MiniSearch<BaselineDocument>(BASELINE_OPTIONS);
  miniSearch.addAll(documents);
  return { articles: metas, passages, miniSearch: miniSearch.toJSON() };
}

export class BaselineSearcher {
  readonly miniSearch: MiniSearch<BaselineDocument>;

  constructor(readonly data: BaselineData) {
    this.miniSearch = MiniSearch.loadJS(data.miniSearch, BASELINE_OPTIONS);
  }

  search(question: string): number {
    return this.miniSearch.search(question).length;
  }
}
