/**
 * The index file's byte layout. It is one JSON document — MiniSearch's own JSON among its
 * members, loadable with `MiniSearch.loadJSON` — laid out so that a reader never has to parse
 * all of it: a fixed-width `layout` member first gives the byte range of every other member,
 * and fixed-width tables give the byte range of each term's postings and of each passage.
 * Loading then parses the small members only; postings and passages are parsed when a
 * question needs them. (Parsing the whole file and `MiniSearch.loadJS` took 6 s at 10,000
 * articles; see README › Benchmark.)
 *
 *   {"layout":{…}␠␠␠…,"manifest":{…},"channels":{…},"articles":[…],"terms":[…],
 *    "termTable":"base64…","documentTable":"base64…","passageTable":"base64…","searchStats":{…},
 *    "miniSearch":{…,"index":[["term",{postings}],…],…},"passages":[{…},…]}
 *
 * Tables are little-endian Uint32 rows, base64-encoded:
 * - termTable, one row per entry of `terms`: passages containing the term, then the byte
 *   offset (from the start of `miniSearch`) and length of its postings object;
 * - documentTable, one row per MiniSearch short id: the passage index, then the length in
 *   terms of each search field;
 * - passageTable, one row per passage: byte offset (from the start of `passages`) and length.
 */
import type { IndexData } from './index-data.js';
import { SEARCH_FIELDS } from './options.js';

export const LAYOUT_PREFIX = '{"layout":';
/** The layout member is padded with spaces (JSON whitespace) to this many bytes. */
export const LAYOUT_BYTES = 1024;
export const FORMAT_NAME = 'k8s-ja-passage-index';

export const SECTION_NAMES = [
  'manifest',
  'channels',
  'articles',
  'terms',
  'termTable',
  'documentTable',
  'passageTable',
  'searchStats',
  'miniSearch',
  'passages',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export const TERM_ROW = 3;
export const DOCUMENT_ROW = 1 + SEARCH_FIELDS.length;
export const PASSAGE_ROW = 2;

/** What BM25 needs besides postings, copied from MiniSearch's JSON (which has it after large members). */
export interface SearchStats {
  documentCount: number;
  /** Average length in terms of each search field, in SEARCH_FIELDS order. */
  averageFieldLength: number[];
  /** MiniSearch's id of each search field, in SEARCH_FIELDS order (the keys of a term's postings). */
  fieldIds: number[];
}

export interface Layout {
  format: typeof FORMAT_NAME;
  schemaVersion: number;
  /** Total bytes in the file: a shorter file was truncated. */
  bytes: number;
  /** Byte offset and length of each member's value. */
  sections: Record<SectionName, [number, number]>;
}

/** Pieces of output with a running byte count, so offsets are known as they are written. */
class Output {
  readonly pieces: Buffer[] = [];
  bytes = 0;

  push(text: string): number {
    const start = this.bytes;
    const piece = Buffer.from(text, 'utf8');
    this.pieces.push(piece);
    this.bytes += piece.length;
    return start;
  }
}

export class IndexTooLargeError extends Error {}

export function encodeIndex(data: IndexData): Buffer {
  const { index: termEntries, ...miniSearchRest } = data.miniSearch;

  // miniSearch: MiniSearch's JSON as it would write it, with each term's postings located.
  const miniSearch = new Output();
  const termNames: string[] = [];
  const termRows: number[] = [];
  miniSearch.push('{');
  for (const [key, value] of Object.entries(miniSearchRest)) miniSearch.push(`${JSON.stringify(key)}:${JSON.stringify(value)},`);
  miniSearch.push('"index":[');
  termEntries.forEach(([term, postings], i) => {
    miniSearch.push(`${i > 0 ? ',' : ''}[${JSON.stringify(term)},`);
    const start = miniSearch.push(JSON.stringify(postings));
    termNames.push(term);
    termRows.push(data.documentFrequency[term] ?? 0, start, miniSearch.bytes - start);
    miniSearch.push(']');
  });
  miniSearch.push(']}');

  const passages = new Output();
  const passageRows: number[] = [];
  passages.push('[');
  data.passages.forEach((passage, i) => {
    if (i > 0) passages.push(',');
    const start = passages.push(JSON.stringify(passage));
    passageRows.push(start, passages.bytes - start);
  });
  passages.push(']');

  // MiniSearch assigns short ids; the document table maps them back to passages.
  const documentRows: number[] = [];
  const fieldIds = data.miniSearch.fieldIds;
  for (const [shortId, passage] of Object.entries(data.miniSearch.documentIds)) {
    const lengths = data.miniSearch.fieldLength[shortId] ?? [];
    documentRows.push(Number(passage), ...SEARCH_FIELDS.map((f) => lengths[fieldIds[f]!] ?? 0));
    if (Number(shortId) !== documentRows.length / DOCUMENT_ROW - 1) throw new Error('Index: MiniSearch short ids are not dense');
  }

  const members: Record<SectionName, Buffer[]> = {
    manifest: [json(data.manifest)],
    channels: [json(data.channels)],
    articles: [json(data.articles)],
    terms: [json(termNames)],
    termTable: [uint32Base64(termRows)],
    documentTable: [uint32Base64(documentRows)],
    passageTable: [uint32Base64(passageRows)],
    searchStats: [json(searchStats(data))],
    miniSearch: miniSearch.pieces,
    passages: passages.pieces,
  };

  const out: Buffer[] = [];
  let offset = Buffer.byteLength(LAYOUT_PREFIX) + LAYOUT_BYTES;
  const sections = {} as Layout['sections'];
  for (const name of SECTION_NAMES) {
    const key = Buffer.from(`,${JSON.stringify(name)}:`);
    offset += key.length;
    const length = members[name].reduce((n, b) => n + b.length, 0);
    sections[name] = [offset, length];
    out.push(key);
    for (const piece of members[name]) out.push(piece);
    offset += length;
  }
  out.push(Buffer.from('}'));
  const bytes = offset + 1;
  if (bytes > 0xffff_ffff) throw new IndexTooLargeError(`Index: ${bytes} bytes is more than this format's 4 GiB`);
  const layout: Layout = { format: FORMAT_NAME, schemaVersion: data.manifest.schemaVersion, bytes, sections };
  const header = JSON.stringify(layout);
  if (header.length > LAYOUT_BYTES) throw new Error('Index: layout header overflow');
  // Its own memory, never Node's shared pool: a worker thread hands the bytes over by transfer.
  const file = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  at += Buffer.from(LAYOUT_PREFIX + header.padEnd(LAYOUT_BYTES, ' ')).copy(file, at);
  for (const piece of out) at += piece.copy(file, at);
  return file;
}

function searchStats({ miniSearch }: IndexData): SearchStats {
  const fieldIds = SEARCH_FIELDS.map((f) => miniSearch.fieldIds[f]!);
  return { documentCount: miniSearch.documentCount, averageFieldLength: fieldIds.map((id) => miniSearch.averageFieldLength[id]!), fieldIds };
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function uint32Base64(values: readonly number[]): Buffer {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  return Buffer.from(`"${bytes.toString('base64')}"`, 'latin1');
}
