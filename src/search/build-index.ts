/** Pure build step: articles → passages → MiniSearch index and the data ranking needs. */
import { analyseQuery } from './query.js';
import MiniSearch from 'minisearch';
import type { Article, ArticleMeta, CorpusProblem } from '../corpus/article.js';
import { findChannelReferences, type ChannelMap } from '../corpus/channels.js';
import { chunkArticle, type ChunkOptions } from '../corpus/chunk.js';
import { parseBlocks } from '../corpus/markdown.js';
import { splitSentences } from '../corpus/sentences.js';
import { tokenize } from '../text/analyse.js';
import type { IndexData, StoredPassage } from './index-data.js';
import { INDEX_SCHEMA_VERSION, MINISEARCH_OPTIONS, type IndexedPassage } from './options.js';
import { buildFamilyHeads } from './sibling-names.js';

export const SECTION_SEPARATOR = ' › ';

export interface BuildInput {
  articles: Article[];
  channels: ChannelMap;
  corpusDigest: string;
  chunk?: Partial<ChunkOptions>;
  /** Broken articles that were left out, recorded in the manifest. */
  skipped?: CorpusProblem[];
  now?: Date;
}

export function buildIndex({ articles, channels, corpusDigest, chunk, skipped = [], now = new Date() }: BuildInput): IndexData {
  const metas: ArticleMeta[] = [];
  const passages: StoredPassage[] = [];
  const documents: IndexedPassage[] = [];
  const documentFrequency: Record<string, number> = {};
  const cache = new Map<string, string[]>();
  const analysed = (text: string): string[] => {
    let terms = cache.get(text);
    if (!terms) {
      terms = tokenize(text);
      cache.set(text, terms);
    }
    return terms;
  };
  const sorted = [...articles].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  for (const article of sorted) {
    const articleIndex = metas.length;
    metas.push({ ...buildArticleMeta(article, channels), titleTerms: analyseQuery(article.title).terms.map((t) => t.term) });
    for (const passage of chunkArticle(article, chunk)) {
      const doc: IndexedPassage = {
        id: passages.length,
        section: passage.sectionPath.join(SECTION_SEPARATOR),
        text: passage.text,
      };
      passages.push({ article: articleIndex, sectionPath: passage.sectionPath, text: passage.text, ...(passage.code ? { code: passage.code } : {}) });
      documents.push(doc);
      const sectionTerms = analysed(doc.section);
      const textTerms = analysed(doc.text);
      for (const term of new Set([...sectionTerms, ...textTerms])) {
        documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
      }
    }
  }
  // Each text is analysed once: MiniSearch gets the terms already computed for document frequency.
  const miniSearch = new MiniSearch<IndexedPassage>({ ...MINISEARCH_OPTIONS, tokenize: analysed });
  miniSearch.addAll(documents);
  return {
    manifest: {
      schemaVersion: INDEX_SCHEMA_VERSION,
      corpusDigest,
      builtAt: now.toISOString(),
      articleCount: metas.length,
      passageCount: passages.length,
      skipped,
      families: buildFamilyHeads([...metas.map((m) => m.title), ...documents.flatMap((d) => [d.section, d.text])]),
    },
    articles: metas,
    passages,
    documentFrequency,
    channels,
    miniSearch: miniSearch.toJSON(),
  };
}

export function buildArticleMeta(article: Article, channels: ChannelMap): ArticleMeta {
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    url: article.url,
    authors: article.authors,
    translators: article.translators,
    sigs: article.sigs,
    lang: article.lang,
    ...(article.source !== undefined ? { source: article.source } : {}),
    ...(article.announce !== undefined ? { announce: article.announce } : {}),
    channels: findChannelReferences(article.body, channels),
    lead: buildLead(article.body),
  };
}

/** The first two sentences of the article's first paragraph, as plain text. */
export function buildLead(body: string, maxChars = 200): string {
  const first = parseBlocks(body).find((b) => b.kind === 'paragraph');
  if (!first || first.kind !== 'paragraph') return '';
  const lead = splitSentences(first.text).slice(0, 2).join('').replace(/\s+/g, ' ').trim();
  return lead.length > maxChars ? `${lead.slice(0, maxChars - 1)}…` : lead;
}
