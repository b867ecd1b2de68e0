/**
 * Plain-text (web page scrape) article → Markdown body.
 *
 * The scrape keeps one line per paragraph, heading, caption or list item, separates most of them
 * with blank lines, and prints code as consecutive unmarked lines. The conversion:
 *  1. drops the title line and the byline / date stamp under it (front matter carries them);
 *  2. finds code: runs of consecutive lines that are not prose (no Japanese outside comments),
 *     single lines that are shell commands, and non-prose lines sandwiched between code;
 *  3. classifies every other line: list item, list continuation, caption, heading or paragraph;
 *  4. renders Markdown (render.ts), splitting over-long paragraphs at sentence ends.
 * Wording is never changed: only whitespace and Markdown syntax are added or removed.
 */
import {
  endsLikeSentence,
  hasJapanese,
  isBlank,
  isCodeish,
  isCommandLine,
  isSpeakerTurn,
  leadingSpaces,
  parseListLine,
} from './lines.js';
import type { ArticleOutline } from './outline.js';
import { render, type Node } from './render.js';

const BYLINE = /^(翻訳者|著者)\s*[:：]/;
const DATE_STAMP = /^\d{4}\/\d{1,2}\/\d{1,2}に(公開|更新)$/;
/** Bylines and date stamps are only looked for among the first lines under the title. */
const HEADER_LINES = 3;
/** Longest line taken for a section title. */
const MAX_HEADING = 60;

/** Figure descriptions (may be long) and embedded-player labels. */
const CAPTION = [/を示す図(。|$)/, /^asciicast$/];
/** Event-photo captions: "KubeCon EU 2017", "KCSNA 2023", "KubeCon NA 2023で話す…さん" (short, no sentence). */
const PHOTO_CAPTION = /^(KubeCon|KCS)[A-Z]{0,4}\b.*\b20\d\d\b/;

type Unit = { kind: 'code'; lines: string[] } | { kind: 'line'; text: string };

/** Converts the lines of one plain-text article (title line first) to a Markdown body. */
export function convertPlainText(lines: string[], title: string, outline: ArticleOutline = {}): string {
  const body = stripChrome(lines, title);
  const used = new Set<string>();
  const nodes = classify(toUnits(body), outline, used);
  checkOutlineUsed(outline, used);
  return render(nodes);
}

/** Drops the title line and, right under it, bylines and the Zenn date stamp. */
export function stripChrome(lines: string[], title: string): string[] {
  const first = lines.findIndex((l) => !isBlank(l));
  if (first < 0 || (lines[first] as string).trim() !== title.trim()) {
    throw new Error(`article does not start with its title line "${title}"`);
  }
  let seen = 0;
  return lines.slice(first + 1).filter((l) => {
    if (isBlank(l)) return true;
    seen++;
    return !(seen <= HEADER_LINES && (BYLINE.test(l.trim()) || DATE_STAMP.test(l.trim())));
  });
}

// ---------------------------------------------------------------------------------------------
// Step 2: blocks of consecutive lines → code and text units

interface Piece {
  code: boolean;
  lines: string[];
  /** Blank lines before this piece in the seed (kept inside merged code blocks). */
  blankBefore: number;
}

function toUnits(lines: string[]): Unit[] {
  const pieces = markSandwichedCode(splitBlocks(lines).flatMap(codeAndText));
  const units: Unit[] = [];
  for (const p of pieces) {
    const last = units[units.length - 1];
    if (p.code && last?.kind === 'code') {
      // Code separated only by blank lines is one listing (e.g. gdb output with empty lines).
      last.lines.push(...Array<string>(p.blankBefore).fill(''), ...p.lines);
    } else if (p.code) {
      units.push({ kind: 'code', lines: [...p.lines] });
    } else {
      units.push(...p.lines.map((text): Unit => ({ kind: 'line', text })));
    }
  }
  return units;
}

function splitBlocks(lines: string[]): Piece[] {
  const blocks: Piece[] = [];
  let blank = 0;
  let cur: Piece | undefined;
  for (const l of lines) {
    if (isBlank(l)) {
      cur = undefined;
      blank++;
      continue;
    }
    if (!cur) {
      cur = { code: false, lines: [], blankBefore: blank };
      blocks.push(cur);
    }
    cur.lines.push(l); // verbatim: code keeps its trailing spaces, text is trimmed later
    blank = 0;
  }
  return blocks;
}

/** A block's leading non-list lines may be code; list lines after them never are. */
function codeAndText(block: Piece): Piece[] {
  const firstItem = block.lines.findIndex((l) => parseListLine(l) !== undefined);
  const head = firstItem < 0 ? block.lines : block.lines.slice(0, firstItem);
  const tail = firstItem < 0 ? [] : block.lines.slice(firstItem);
  if (head.length === 0 || !isCodeRun(head)) return [block];
  const out: Piece[] = [{ code: true, lines: head, blankBefore: block.blankBefore }];
  if (tail.length > 0) out.push({ code: false, lines: tail, blankBefore: 0 });
  return out;
}

function isCodeRun(lines: string[]): boolean {
  if (lines.length === 1) return isCommandLine(lines[0] as string);
  // Several consecutive lines with (almost) no prose: a listing. Paragraphs are one line each.
  const prose = lines.filter((l) => !isCodeish(l)).length;
  return prose * 4 <= lines.length && lines.some((l) => !hasJapanese(l));
}

/** Single non-prose lines between two code blocks are part of the listing (`[New LWP 1]`). */
function markSandwichedCode(pieces: Piece[]): Piece[] {
  const ambiguous = (p: Piece): boolean =>
    !p.code && p.lines.length === 1 && !hasJapanese(p.lines[0] as string) && !isCaptionPattern((p.lines[0] as string).trim());
  const out = pieces.map((p) => ({ ...p }));
  for (let i = 0; i < out.length; i++) {
    if (!(out[i] as Piece).code) continue;
    let j = i + 1;
    while (j < out.length && ambiguous(out[j] as Piece)) j++;
    if (j > i + 1 && j < out.length && (out[j] as Piece).code) {
      for (let k = i + 1; k < j; k++) (out[k] as Piece).code = true;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Step 3: lines → nodes

function isCaptionPattern(text: string): boolean {
  if (CAPTION.some((re) => re.test(text))) return true;
  return PHOTO_CAPTION.test(text) && text.length <= MAX_HEADING && !text.includes('。') && !endsLikeSentence(text);
}

function isHeadingLike(text: string): boolean {
  return (
    text.length <= MAX_HEADING &&
    !endsLikeSentence(text) &&
    !text.includes('。') &&
    !isSpeakerTurn(text) &&
    !/^[-–•*>#]/.test(text)
  );
}

function classify(units: Unit[], outline: ArticleOutline, used: Set<string>): Node[] {
  const nodes: Node[] = [];
  let inList = false;
  const listed = (key: string, list: readonly string[] | undefined): boolean => {
    const hit = list?.includes(key) ?? false;
    if (hit) used.add(key);
    return hit;
  };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit;
    if (unit.kind === 'code') {
      nodes.push({ kind: 'code', lines: unit.lines });
      inList = false;
      continue;
    }
    const raw = unit.text;
    const item = parseListLine(raw);
    if (item) {
      nodes.push({ kind: 'item', ...item });
      inList = true;
      continue;
    }
    const text = raw.trim();
    if (inList && leadingSpaces(raw) > 0) {
      // Indented text under an item: its next paragraph, or a figure caption inside the list.
      const caption = listed(text, outline.captions) || (isHeadingLike(text) && !/[?？]$/.test(text));
      nodes.push({ kind: 'cont', indent: leadingSpaces(raw), text, caption });
      continue;
    }
    inList = false;

    const next = units[i + 1];
    const nextText = next?.kind === 'line' && !parseListLine(next.text) ? next.text.trim() : undefined;
    if (nextText === text) {
      // Alt text and caption of the same figure, printed twice: keep one.
      nodes.push({ kind: 'caption', text });
      i++;
    } else if (
      listed(text, outline.captions) ||
      isCaptionPattern(text) ||
      (nextText !== undefined && isCaptionPattern(nextText) && nextText.startsWith(text))
    ) {
      nodes.push({ kind: 'caption', text });
    } else if (outline.headings?.[text] !== undefined) {
      used.add(text);
      nodes.push({ kind: 'heading', level: outline.headings[text] as number, text });
    } else if (!listed(text, outline.notHeadings) && isHeadingLike(text)) {
      nodes.push({ kind: 'heading', level: 2, text });
    } else {
      nodes.push({ kind: 'para', text });
    }
  }
  return nodes;
}

function checkOutlineUsed(outline: ArticleOutline, used: Set<string>): void {
  const all = [...Object.keys(outline.headings ?? {}), ...(outline.notHeadings ?? []), ...(outline.captions ?? [])];
  const unused = all.filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`outline entries match no line: ${unused.join(' | ')}`);
}
