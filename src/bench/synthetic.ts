/**
 * A deterministic synthetic corpus for the benchmark, assembled from the real articles: each
 * synthetic article takes the front matter of a real one (sigs, authors, language), a new id,
 * url, title and date, and a body of 3–8 real sections whose paragraphs are reordered, with a
 * few numbers and identifiers changed so that the vocabulary grows as in a real corpus.
 * Pure: the same sources, count and seed always give the same articles.
 */
import type { Article } from '../corpus/article.js';
import { mulberry32, pick, randomInt, shuffled, type Random } from './prng.js';

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Sections per article, inclusive. Default 3–8. */
  minSections?: number;
  maxSections?: number;
}

/** A section of a real article: its heading text and its Markdown blocks (paragraphs, lists, code). */
export interface SourceSection {
  heading: string;
  blocks: string[];
}

export interface SourceArticle {
  article: Article;
  /** Blocks before the first heading. */
  lead: string[];
  sections: SourceSection[];
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** A block ending like this introduces the next one (code, a list, an answer): keep them together. */
const INTRODUCES = /[:：?？]\s*$/;

/** Splits a Markdown body into its lead and its sections, at the level of raw Markdown blocks. */
export function splitSource(article: Article): SourceArticle {
  const lead: string[] = [];
  const sections: SourceSection[] = [];
  let blocks = lead;
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0 && current.some((l) => l.trim() !== '')) blocks.push(current.join('\n'));
    current = [];
  };
  const lines = article.body.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      current.push(line);
      for (i++; i < lines.length; i++) {
        current.push(lines[i]!);
        if (lines[i]!.trimStart().startsWith(marker)) break;
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const section: SourceSection = { heading: heading[2]!, blocks: [] };
      sections.push(section);
      blocks = section.blocks;
      continue;
    }
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return { article, lead, sections: sections.filter((s) => s.blocks.length > 0 && s.heading !== '') };
}

/** Blocks grouped so that an introducing block stays with the block it introduces. */
function units(blocks: readonly string[]): string[][] {
  const out: string[][] = [];
  let bound = false;
  for (const block of blocks) {
    if (bound && out.length > 0) out[out.length - 1]!.push(block);
    else out.push([block]);
    bound = INTRODUCES.test(block);
  }
  return out;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = 10 * 365;

/** Changes about a quarter of the digit runs and a few Latin words, deterministically. */
export function varyText(text: string, random: Random): string {
  const numbers = text.replace(/\d+/g, (digits) => {
    if (random() >= 0.25) return digits;
    let out = digits.length > 1 ? String(randomInt(random, 1, 9)) : '';
    while (out.length < digits.length) out += String(randomInt(random, 0, 9));
    return out;
  });
  return numbers.replace(/\b[A-Za-z][A-Za-z0-9]{3,}\b/g, (word) => (random() < 0.03 ? `${word}-${randomInt(random, 2, 99)}${pick(random, SUFFIX_LETTERS)}` : word));
}

const SUFFIX_LETTERS = 'abcdefghkmnpqrstuvwxyz'.split('');

export function syntheticId(n: number): string {
  return `synthetic-${String(n).padStart(6, '0')}`;
}

/** `count` synthetic articles built from `sources` (which must have at least one section between them). */
export function generateSyntheticArticles(sources: readonly Article[], options: SyntheticOptions): Article[] {
  const { count, seed, minSections = 3, maxSections = 8 } = options;
  const random = mulberry32(seed);
  const split = [...sources].sort((a, b) => a.id.localeCompare(b.id)).map(splitSource);
  const pool = split.flatMap((s) => s.sections);
  if (pool.length === 0) throw new Error('Synthetic corpus: the source articles have no sections');
  const withLead = split.filter((s) => s.lead.length > 0);
  const out: Article[] = [];
  for (let n = 1; n <= count; n++) {
    const source = pick(random, split);
    const wanted = randomInt(random, minSections, maxSections);
    const chosen: SourceSection[] = [];
    for (let attempt = 0; chosen.length < wanted && attempt < wanted * 4; attempt++) {
      // Mostly the source article's own sections, so an article stays roughly on one topic.
      const from = source.sections.length > 0 && random() < 0.6 ? source.sections : pool;
      const section = pick(random, from);
      if (!chosen.includes(section)) chosen.push(section);
    }
    const parts: string[] = [];
    // An article without a lead of its own borrows another's, as the scrape sometimes did.
    const leadFrom = source.lead.length > 0 ? source.lead : withLead.length > 0 ? pick(random, withLead).lead : chosen[0]!.blocks;
    parts.push(...leadFrom.slice(0, randomInt(random, 1, Math.min(3, leadFrom.length))));
    for (const section of chosen) {
      parts.push(`## ${section.heading}`);
      const sectionUnits = shuffled(random, units(section.blocks));
      if (random() < 0.3) sectionUnits.push(pick(random, units(pick(random, pool).blocks)));
      for (const unit of sectionUnits) parts.push(...unit);
    }
    const id = syntheticId(n);
    const firstHeading = chosen[0]!.heading;
    out.push({
      id,
      title: varyText(`${firstHeading}｜${source.article.title}`, random),
      date: new Date(FIRST_DAY + randomInt(random, 0, DAYS - 1) * DAY_MS).toISOString().slice(0, 10),
      url: `https://synthetic.example/k8s-ja/${id}/`,
      authors: source.article.authors,
      translators: source.article.translators,
      sigs: source.article.sigs,
      lang: source.article.lang,
      body: `${varyText(parts.join('\n\n'), random)}\n`,
      file: `synthetic/${id}.md`,
    });
  }
  return out;
}

/** An article as a corpus file (front matter + body), as `corpus/<id>.md` would hold it. */
export function toCorpusFile(article: Article): string {
  const q = (v: unknown): string => JSON.stringify(v);
  return [
    '---',
    `title: ${q(article.title)}`,
    `date: ${q(article.date)}`,
    `url: ${q(article.url)}`,
    `authors: ${q(article.authors)}`,
    `translators: ${q(article.translators)}`,
    `sigs: ${q(article.sigs)}`,
    `lang: ${q(article.lang)}`,
    '---',
    '',
    article.body,
  ].join('\n');
}
