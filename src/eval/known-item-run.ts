/**
 * Runs known-item questions through our pipeline and two plain MiniSearch baselines over the
 * same passages (its default tokenizer, and Intl.Segmenter words), in one process, so the
 * figures compare like with like.
 */
import MiniSearch from 'minisearch';
import { answer } from '../answer/answer.js';
import { CONFIDENCE } from '../answer/confidence.js';
import type { Article } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import { buildIndex, SECTION_SEPARATOR } from '../search/build-index.js';
import { Searcher, type SearchOutcome } from '../search/searcher.js';
import { normalizeText } from '../text/normalize.js';
import { computeKnownItemMetrics, KNOWN_ITEM_KINDS, selectKind, type KnownItem, type KnownItemDetail, type KnownItemMetrics, type KnownItemOutcome } from './known-item.js';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const icuWords = (text: string): string[] =>
  normalizeText(text)
    .split(/\s+/)
    .flatMap((chunk) => [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment));

const DEPTH = 10;

export interface KnownItemRow {
  system: string;
  kind: string;
  metrics: KnownItemMetrics;
}

export interface KnownItemRun {
  rows: KnownItemRow[];
  /** Ours, question by question, with the tier's reason and the leading pages' titles. */
  ours: KnownItemOutcome[];
}

export function runKnownItems(articles: readonly Article[], channels: ChannelMap, items: readonly KnownItem[]): KnownItemRun {
  const data = buildIndex({ articles: [...articles], channels, corpusDigest: 'known-item' });
  const searcher = new Searcher(data);
  const pageUrl = (article: number): string => data.articles[article]!.url;
  const docs = data.passages.map((p, id) => ({ id, title: data.articles[p.article]!.title, section: p.sectionPath.join(SECTION_SEPARATOR), text: p.text }));

  const systems: Array<[string, (q: string) => { urls: string[]; refused: boolean }]> = [];
  for (const [name, tokenize] of [['MiniSearch default tokenizer', undefined], ['MiniSearch + Intl.Segmenter words', icuWords]] as const) {
    const ms = new MiniSearch({ fields: ['title', 'section', 'text'], ...(tokenize ? { tokenize, processTerm: (t: string) => t } : {}) });
    ms.addAll(docs);
    systems.push([name, (q) => ({ urls: uniquePages(ms.search(q).map((r) => pageUrl(data.passages[r.id as number]!.article))), refused: false })]);
  }
  systems.push([
    'ours',
    (q) => {
      const outcome = searcher.search(q, { limit: 40 });
      const results = outcome.results.filter((r, i, all) => all.findIndex((o) => o.passage.article === r.passage.article) === i).slice(0, DEPTH);
      const given = answer(searcher, q);
      const detail: KnownItemDetail = {
        confidence: given.confidence,
        reason: confidenceReason(outcome),
        titles: results.slice(0, 3).map((r) => `${r.article.title} (${r.score.toFixed(3)}, coverage ${r.coverage.toFixed(2)})`),
      };
      return { urls: results.map((r) => pageUrl(r.passage.article)), refused: !given.answered, detail };
    },
  ]);

  const rows: KnownItemRow[] = [];
  const outcomes = new Map(systems.map(([name, run]) => [name, items.map((item): KnownItemOutcome => ({ item, ...run(item.query) }))]));
  for (const kind of KNOWN_ITEM_KINDS) {
    for (const [name] of systems) rows.push({ system: name, kind, metrics: computeKnownItemMetrics(selectKind(outcomes.get(name)!, kind)) });
  }
  return { rows, ours: outcomes.get('ours')! };
}

/** The signals selectConfidence reads, against its cuts. */
function confidenceReason(outcome: SearchOutcome): string {
  if (outcome.unknownEntities.length > 0) return `unknown entities: ${outcome.unknownEntities.join(', ')}`;
  const top = outcome.results[0]?.coverage ?? 0;
  const mark = (x: number, min: number, high: number): string => `${x.toFixed(2)}${x < min ? ' < min' : x < high ? ' < high' : ''}`;
  return `top coverage ${mark(top, CONFIDENCE.minTopCoverage, CONFIDENCE.highTopCoverage)}, corpus coverage ${mark(outcome.corpusCoverage, CONFIDENCE.minCorpusCoverage, CONFIDENCE.highCorpusCoverage)}`;
}

function uniquePages(urls: readonly string[]): string[] {
  return [...new Set(urls)].slice(0, DEPTH);
}
