/**
 * answer(question) → Answer: plain data that the terminal, the shell and Slack render.
 */
import { fallbackChannel, selectChannel } from '../corpus/channels.js';
import type { ArticleMeta } from '../corpus/article.js';
import { SECTION_SEPARATOR } from '../search/build-index.js';
import type { RankedPassage, Searcher } from '../search/searcher.js';
import { findSpans } from '../search/spans.js';
import { cleanQuestion } from './clean-question.js';
import { selectConfidence } from './confidence.js';
import { buildExcerpt } from './excerpt.js';
import type { Answer, AnswerResult, ArticleSuggestion, CommunityChannel } from './types.js';

export interface AnswerOptions {
  /** Results per page. Default 3. */
  k?: number;
  /** Results to skip (paging: "More results"). Default 0. */
  offset?: number;
  /** Name of the workspace channel the question was asked in; a mirrored channel ranks its SIG higher. */
  channelName?: string;
}

export const DEFAULT_K = 3;
export const MAX_K = 20;

export function answer(searcher: Searcher, rawQuestion: string, options: AnswerOptions = {}): Answer {
  const k = Math.min(Math.max(1, Math.floor(options.k ?? DEFAULT_K)), MAX_K);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const { text: question, notices } = cleanQuestion(rawQuestion);
  const channels = searcher.index.channels;
  const empty: Answer = { query: question, answered: false, confidence: 'none', results: [], offset, hasMore: false, suggestions: [], channel: fallbackChannel(channels), notices };
  if (question === '') return { ...empty, notices: [...notices, 'The question is empty.'] };

  const outcome = searcher.search(question, { limit: offset + k + 1, preferSigs: preferredSigs(searcher, options.channelName) });
  const top = outcome.results[0];
  if (!top) return { ...empty, notices: [...notices, ...(outcome.query.terms.length === 0 ? ['The question has no searchable words.'] : [])] };

  const { unknownEntities } = outcome;
  const confidence = selectConfidence({ topCoverage: top.coverage, corpusCoverage: outcome.corpusCoverage, unknownEntities });
  const channel = channelOf(searcher, top.article) ?? fallbackChannel(channels);
  if (confidence === 'none') {
    const unknown = unknownEntities.length > 0 ? [`No article mentions ${unknownEntities.join(', ')}.`] : [];
    return { ...empty, channel, suggestions: suggestArticles(outcome.results), notices: [...notices, ...unknown] };
  }
  const page = outcome.results.slice(offset, offset + k).map((r) => toResult(searcher, r, outcome.query.terms, outcome.weights));
  return {
    query: question,
    answered: true,
    confidence,
    results: page,
    offset,
    hasMore: outcome.results.length > offset + k,
    suggestions: [],
    channel,
    notices,
  };
}

function toResult(searcher: Searcher, ranked: RankedPassage, terms: Parameters<typeof findSpans>[1], weights: Map<string, number>): AnswerResult {
  const { passage, article } = ranked;
  return {
    articleId: article.id,
    title: article.title,
    url: article.url,
    section: passage.sectionPath.join(SECTION_SEPARATOR),
    sectionPath: passage.sectionPath,
    date: article.date,
    text: passage.text,
    excerpt: buildExcerpt(passage.text, findSpans(passage.text, terms, weights)),
    score: Math.round(ranked.score * 1000) / 1000,
    sigs: article.sigs,
    channel: channelOf(searcher, article),
  };
}

function channelOf(searcher: Searcher, article: ArticleMeta): CommunityChannel | null {
  return selectChannel(searcher.index.channels, article.sigs, article.channels);
}

function suggestArticles(results: RankedPassage[], max = 3): ArticleSuggestion[] {
  const seen = new Set<string>();
  const out: ArticleSuggestion[] = [];
  for (const { article } of results) {
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    out.push({ articleId: article.id, title: article.title, url: article.url, date: article.date });
    if (out.length >= max) break;
  }
  return out;
}

function preferredSigs(searcher: Searcher, channelName: string | undefined): string[] {
  if (!channelName) return [];
  const name = channelName.replace(/^#/, '').toLowerCase();
  const mirrored = searcher.index.channels.channels.find((c) => c.name === name);
  return mirrored ? [mirrored.name, ...mirrored.sigs] : [];
}

/** The newest articles, for `/k8s latest` and digests. */
export function latestArticles(searcher: Searcher, count = 5): ArticleMeta[] {
  return [...searcher.index.articles].sort((a, b) => b.date.localeCompare(a.date)).slice(0, count);
}
