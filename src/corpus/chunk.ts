/**
 * Splits an article into passages that make sense on their own: along headings first, then
 * paragraph and list-item boundaries, then sentence boundaries for paragraphs the scrape ran
 * together. Never mid-sentence, never inside a code block. A paragraph that introduces code
 * (ending in `:`) stays with its code, and a fragment of a few sentences joins a neighbour in
 * its section.
 */
import type { Article } from './article.js';
import { parseBlocks, type Block } from './markdown.js';
import { splitSentences } from './sentences.js';

export interface Passage {
  /** `<articleId>#<n>` */
  id: string;
  articleId: string;
  /** Headings from the top of the article down to this passage. */
  sectionPath: string[];
  /** Plain text: Markdown syntax removed, wording unchanged; code keeps its line breaks. */
  text: string;
  /** `[start, end)` offsets of the code blocks in `text`, so renderers show them as code. */
  code?: Array<[number, number]>;
}

export interface ChunkOptions {
  /** Soft size limit in characters; a single sentence or code block may exceed it. Default 900. */
  maxChars: number;
  /**
   * A passage shorter than this (a few sentences: the rest of a section that filled a passage,
   * the line introducing a command's output) joins the passage before it in its section, or
   * the one after it when it opens the section, if the two stay within MERGED_LIMIT × maxChars.
   * Alone such a fragment lacks the context that says what it is about, and BM25's length
   * normalisation ranks it above the full passage holding the answer. Default 400.
   */
  minChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 900, minChars: 400 };

/**
 * How far past maxChars a fragment may take the passage it joins. Measured with npm run eval
 * on the dev and holdout sets (minChars 400): 1.33–1.78 give the same figures; 1.5 is the middle.
 */
const MERGED_LIMIT = 1.5;

interface Packed {
  text: string;
  code: Array<[number, number]>;
}

interface Unit {
  text: string;
  /** Whether the next unit belongs with this one (an introduction to code or a list). */
  bindsNext: boolean;
  code?: boolean;
}

export function chunkArticle(article: Pick<Article, 'id' | 'body'>, options: Partial<ChunkOptions> = {}): Passage[] {
  const { maxChars, minChars } = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const passages: Passage[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  let section: Unit[] = [];

  const flushSection = (): void => {
    const path = headings.map((h) => h.text);
    for (const { text, code } of joinFragments(packUnits(section, maxChars), minChars, MERGED_LIMIT * maxChars)) {
      passages.push({ id: `${article.id}#${passages.length}`, articleId: article.id, sectionPath: path, text, ...(code.length > 0 ? { code } : {}) });
    }
    section = [];
  };

  for (const block of parseBlocks(article.body)) {
    if (block.kind === 'heading') {
      flushSection();
      while (headings.length > 0 && headings[headings.length - 1]!.level >= block.level) headings.pop();
      headings.push({ level: block.level, text: block.text });
      continue;
    }
    section.push(...unitsOf(block, maxChars));
  }
  flushSection();
  return passages;
}

function unitsOf(block: Exclude<Block, { kind: 'heading' }>, maxChars: number): Unit[] {
  if (block.kind === 'code') return block.text.trim() === '' ? [] : [{ text: block.text.replace(/\s+$/, ''), bindsNext: false, code: true }];
  // A paragraph ending in `:` introduces what follows (code, a list); one ending in `?`
  // asks what follows answers (interviews, FAQs). Either way they belong together.
  const introduces = /[:：?？]\s*$/.test(block.text);
  if (block.text.length <= maxChars) return [{ text: block.text, bindsNext: introduces }];
  // A long paragraph becomes groups of whole sentences, each within the limit where possible.
  const groups: string[] = [];
  let current = '';
  for (const sentence of splitSentences(block.text.replace(/\n/g, ''))) {
    if (current !== '' && current.length + sentence.length > maxChars) {
      groups.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim() !== '') groups.push(current.trim());
  return groups.map((text, i) => ({ text, bindsNext: i === groups.length - 1 && introduces }));
}

function packUnits(units: Unit[], maxChars: number): Packed[] {
  const out: Packed[] = [];
  let current: Unit[] = [];
  let length = 0;
  let bound = false;
  const flush = (): void => {
    const code: Array<[number, number]> = [];
    let at = 0;
    for (const unit of current) {
      if (unit.code) code.push([at, at + unit.text.length]);
      at += unit.text.length + 1;
    }
    out.push({ text: current.map((u) => u.text).join('\n'), code });
  };
  for (const unit of units) {
    if (current.length > 0 && !bound && length + unit.text.length > maxChars) {
      flush();
      current = [];
      length = 0;
    }
    current.push(unit);
    length += unit.text.length;
    bound = unit.bindsNext;
  }
  if (current.length > 0) flush();
  return out;
}

/** A section's passages with each one under `minChars` joined to a neighbour (see ChunkOptions.minChars). */
function joinFragments(passages: readonly Packed[], minChars: number, limit: number): Packed[] {
  const out = [...passages];
  for (let i = 0; i < out.length; ) {
    const into = i > 0 ? i - 1 : i + 1;
    // Opening its section right before code, a fragment introduces that code (`このように
    // checkpointctlを使用します。`): it joins it however long, or the code is left without the words saying what it does.
    const introducesCode = into === i + 1 && out[into]?.code[0]?.[0] === 0;
    if (out[i]!.text.length >= minChars || into >= out.length || (!introducesCode && out[i]!.text.length + out[into]!.text.length + 1 > limit)) {
      i++;
      continue;
    }
    const at = Math.min(i, into);
    out.splice(at, 2, joinPassages(out[at]!, out[at + 1]!));
    // The joined passage may still be short: look at it again.
    i = at;
  }
  return out;
}

function joinPassages(first: Packed, second: Packed): Packed {
  const shift = first.text.length + 1;
  return { text: `${first.text}\n${second.text}`, code: [...first.code, ...second.code.map(([s, e]): [number, number] => [s + shift, e + shift])] };
}
