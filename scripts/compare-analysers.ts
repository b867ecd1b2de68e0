/**
 * `npm run compare:analysers`: the measurement behind the analyser choice (README). Scores
 * hit@1/3/5 and MRR@10 on a QA set for plain MiniSearch over the same passages with
 * different tokenisers, and for the full pipeline (our analyser + ranking).
 */
import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { readChannelMap } from '../src/corpus/channels.js';
import { readCorpus } from '../src/corpus/read-corpus.js';
import { evaluate } from '../src/eval/evaluate.js';
import { computeMetrics, parseQaSet, type Metrics, type QaItem } from '../src/eval/metrics.js';
import { buildIndex } from '../src/search/build-index.js';
import { Searcher } from '../src/search/searcher.js';
import { tokenize } from '../src/text/analyse.js';
import { normalizeText } from '../src/text/normalize.js';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const icuWords = (text: string): string[] =>
  normalizeText(text)
    .split(/\s+/)
    .flatMap((chunk) => [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment));
const bigrams = (text: string): string[] =>
  normalizeText(text)
    .split(/[\s\p{P}\p{S}]+/u)
    .flatMap((w) => (/^[a-z0-9]+$/.test(w) || w.length < 2 ? [w] : Array.from({ length: w.length - 1 }, (_, i) => w.slice(i, i + 2))))
    .filter(Boolean);

const TOKENIZERS: Record<string, ((text: string) => string[]) | undefined> = {
  'MiniSearch default tokenizer': undefined,
  'ICU word segmentation only': icuWords,
  'character bigrams only': bigrams,
  'our analyser, BM25 only': tokenize,
  'our analyser + character bigrams, BM25 only': (text) => [...tokenize(text), ...bigrams(text).filter((t) => !/^[a-z0-9]+$/.test(t))],
};

async function main(): Promise<void> {
  const file = process.argv[2] ?? '../shared/qa/dev.jsonl';
  const items = parseQaSet(await readFile(file, 'utf8'), file);
  const { articles } = await readCorpus('corpus');
  const data = buildIndex({ articles, channels: await readChannelMap('corpus'), corpusDigest: 'compare' });
  const docs = data.passages.map((p, id) => ({ id, title: data.articles[p.article]!.title, section: p.sectionPath.join(' '), text: p.text }));
  const rows: Array<[string, Metrics]> = [];
  for (const [name, tokenizer] of Object.entries(TOKENIZERS)) {
    const ms = new MiniSearch({ fields: ['title', 'section', 'text'], ...(tokenizer ? { tokenize: tokenizer, processTerm: (t: string) => t } : {}) });
    ms.addAll(docs);
    const outcomes = items.map((item: QaItem) => ({ item, ranked: ms.search(item.q).slice(0, 10).map((r) => docs[r.id as number]!.text), answered: true }));
    rows.push([name, computeMetrics(outcomes)]);
  }
  rows.push(['our analyser + ranking (shipped)', computeMetrics(evaluate(new Searcher(data), items))]);
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(`QA set: ${file}, ${data.passages.length} passages\n\n| analyser | hit@1 | hit@3 | hit@5 | MRR@10 |\n|---|---|---|---|---|\n`);
  for (const [name, m] of rows) process.stdout.write(`| ${name} | ${f(m.hit1)} | ${f(m.hit3)} | ${f(m.hit5)} | ${f(m.mrr10)} |\n`);
}

await main();
