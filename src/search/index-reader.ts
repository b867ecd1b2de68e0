/**
 * Reads an index laid out by index-layout.ts straight from its bytes, in memory or left in the
 * file (index-bytes.ts): opening parses the small members (manifest, articles, the term list
 * and the tables); a term's postings and a passage are read and parsed when a question asks for them.
 */
import { endianness } from 'node:os';
import type { ArticleMeta } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import type { IndexManifest, StoredPassage } from './index-data.js';
import {
  DOCUMENT_ROW,
  FORMAT_NAME,
  LAYOUT_BYTES,
  LAYOUT_PREFIX,
  PASSAGE_ROW,
  SECTION_NAMES,
  TERM_ROW,
  type Layout,
  type SearchStats,
  type SectionName,
} from './index-layout.js';
import { bytesInMemory, openIndexBytes, type IndexBytes } from './index-bytes.js';
import { INDEX_SCHEMA_VERSION } from './options.js';
import { LruCache } from './lru-cache.js';

export type IndexFormatProblem = 'not-an-index' | 'other-version' | 'truncated';

export class IndexFormatError extends Error {
  constructor(
    readonly problem: IndexFormatProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A term's postings as MiniSearch stores them: field id → MiniSearch short id → term frequency. */
export type Postings = Record<string, Record<string, number>>;

/**
 * A term's postings for one search field, in the order MiniSearch's stored object lists them
 * (ascending short id), as typed arrays: decoded once, they cost the garbage collector nothing.
 */
export interface FieldPostings {
  ids: Uint32Array;
  frequencies: Float64Array;
}

/** A term's postings by search field (SEARCH_FIELDS order); undefined where the field lacks the term. */
export type TermPostings = Array<FieldPostings | undefined>;

/** Passages parsed and kept: enough for many questions' candidates, a small share of a large corpus. */
const PASSAGE_CACHE = 4_096;
/** Terms whose postings are kept decoded: the words questions keep asking with. */
const POSTINGS_CACHE = 4_096;

export class IndexReader {
  readonly manifest: IndexManifest;
  readonly articles: ArticleMeta[];
  readonly channels: ChannelMap;
  readonly stats: SearchStats;
  private readonly termRows: Map<string, number>;
  private readonly termTable: Uint32Array;
  private readonly documentTable: Uint32Array;
  private readonly passageTable: Uint32Array;
  private readonly postingsAt: number;
  private readonly passagesAt: number;
  private readonly passageCache = new LruCache<number, StoredPassage>(PASSAGE_CACHE);
  private readonly postingsCache = new LruCache<string, TermPostings | null>(POSTINGS_CACHE);

  private constructor(
    private readonly source: IndexBytes,
    layout: Layout,
  ) {
    const section = (name: SectionName): Buffer => {
      const [start, length] = layout.sections[name];
      return source.read(start, start + length);
    };
    const parse = <T>(name: SectionName): T => JSON.parse(section(name).toString('utf8')) as T;
    this.manifest = parse('manifest');
    this.articles = parse('articles');
    this.channels = parse('channels');
    this.stats = parse('searchStats');
    const terms = parse<string[]>('terms');
    this.termRows = new Map(terms.map((t, i) => [t, i]));
    this.termTable = uint32Table(section('termTable'), terms.length * TERM_ROW);
    this.documentTable = uint32Table(section('documentTable'), this.stats.documentCount * DOCUMENT_ROW);
    this.passageTable = uint32Table(section('passageTable'), this.manifest.passageCount * PASSAGE_ROW);
    this.postingsAt = layout.sections.miniSearch[0];
    this.passagesAt = layout.sections.passages[0];
  }

  /** Checks the layout (format, schema version, length) and parses the small members. */
  static open(bytes: Buffer): IndexReader {
    return IndexReader.fromSource(bytesInMemory(bytes), readLayout(bytes, bytes.length));
  }

  /**
   * The same from a file left on disk: only the small members are read at once, postings and
   * passages when asked for (index-bytes.ts). Throws the file system's error when it cannot be opened.
   */
  static openFile(path: string): IndexReader {
    let layout: Layout | undefined;
    const source = openIndexBytes(path, LAYOUT_HEADER_BYTES, (header, length) => {
      layout = readLayout(header, length);
      return Math.max(...SECTION_NAMES.filter((n) => !LAZY_SECTIONS.has(n)).map((n) => layout!.sections[n][0] + layout!.sections[n][1]));
    });
    return IndexReader.fromSource(source, layout!);
  }

  private static fromSource(source: IndexBytes, layout: Layout): IndexReader {
    try {
      return new IndexReader(source, layout);
    } catch (error) {
      throw new IndexFormatError('not-an-index', `a member of the index cannot be read (${(error as Error).message})`);
    }
  }

  /** The index as laid out in the file, in memory (shared with the answer workers; read whole if opened from a file). */
  get bytes(): Buffer {
    return this.source.whole();
  }

  get passageCount(): number {
    return this.passageTable.length / PASSAGE_ROW;
  }

  /** Every indexed term. */
  terms(): IterableIterator<string> {
    return this.termRows.keys();
  }

  /** Passages whose headings or text contain the term. */
  /** Every indexed term (words, identifiers, concepts). */
  vocabulary(): IterableIterator<string> {
    return this.termRows.keys();
  }

  documentFrequency(term: string): number {
    const row = this.termRows.get(term);
    return row === undefined ? 0 : this.termTable[row * TERM_ROW]!;
  }

  postings(term: string): Postings | undefined {
    const row = this.termRows.get(term);
    if (row === undefined) return undefined;
    const start = this.postingsAt + this.termTable[row * TERM_ROW + 1]!;
    return JSON.parse(this.source.read(start, start + this.termTable[row * TERM_ROW + 2]!).toString('utf8')) as Postings;
  }

  /** A term's postings by search field, decoded once and kept (see FieldPostings). */
  termPostings(term: string): TermPostings | undefined {
    let decoded = this.postingsCache.get(term);
    if (decoded === undefined) {
      const postings = this.postings(term);
      decoded = postings ? this.stats.fieldIds.map((fieldId) => decodeField(postings[fieldId])) : null;
      this.postingsCache.set(term, decoded);
    }
    return decoded ?? undefined;
  }

  /** How many MiniSearch short ids there are (documents are numbered from 0). */
  get documentSlots(): number {
    return this.documentTable.length / DOCUMENT_ROW;
  }

  /** The passage a MiniSearch short id stands for. */
  passageOfDocument(shortId: number): number {
    return this.documentTable[shortId * DOCUMENT_ROW]!;
  }

  /** Length in terms of a document's field (`field` in SEARCH_FIELDS order). */
  fieldLength(shortId: number, field: number): number {
    return this.documentTable[shortId * DOCUMENT_ROW + 1 + field]!;
  }

  passage(index: number): StoredPassage {
    let passage = this.passageCache.get(index);
    if (passage === undefined) {
      if (!(index >= 0 && index < this.passageCount)) throw new RangeError(`Index: no passage ${index}`);
      const start = this.passagesAt + this.passageTable[index * PASSAGE_ROW]!;
      passage = JSON.parse(this.source.read(start, start + this.passageTable[index * PASSAGE_ROW + 1]!).toString('utf8')) as StoredPassage;
      this.passageCache.set(index, passage);
    }
    return passage;
  }
}

function decodeField(frequencies: Record<string, number> | undefined): FieldPostings | undefined {
  if (!frequencies) return undefined;
  const keys = Object.keys(frequencies);
  const ids = new Uint32Array(keys.length);
  const counts = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    ids[i] = Number(key);
    counts[i] = frequencies[key]!;
  });
  return { ids, frequencies: counts };
}

/** The members read when a question asks for them, not at opening: most of the file. */
const LAZY_SECTIONS: ReadonlySet<SectionName> = new Set<SectionName>(['miniSearch', 'passages']);
const LAYOUT_HEADER_BYTES = Buffer.byteLength(LAYOUT_PREFIX) + LAYOUT_BYTES;

/** `bytes`: at least the layout header; `fileLength`: the whole file's. */
function readLayout(bytes: Buffer, fileLength: number): Layout {
  const prefix = Buffer.from(LAYOUT_PREFIX);
  if (bytes.length < prefix.length + LAYOUT_BYTES || !bytes.subarray(0, prefix.length).equals(prefix)) {
    throw new IndexFormatError('other-version', 'not laid out as this version writes indexes');
  }
  let layout: Partial<Layout>;
  try {
    layout = JSON.parse(bytes.toString('utf8', prefix.length, prefix.length + LAYOUT_BYTES)) as Partial<Layout>;
  } catch {
    throw new IndexFormatError('not-an-index', 'its layout header is not valid JSON');
  }
  if (layout.format !== FORMAT_NAME || layout.schemaVersion !== INDEX_SCHEMA_VERSION || !layout.sections || !SECTION_NAMES.every((n) => layout.sections?.[n])) {
    throw new IndexFormatError('other-version', `schema ${String(layout.schemaVersion)}, expected ${INDEX_SCHEMA_VERSION}`);
  }
  if (layout.bytes !== fileLength) {
    throw new IndexFormatError('truncated', `${fileLength} bytes where the layout says ${String(layout.bytes)}`);
  }
  if (endianness() !== 'LE') throw new IndexFormatError('not-an-index', 'index tables are little-endian; this machine is not');
  return layout as Layout;
}

/** A base64 JSON string member as Uint32 rows (copied: the bytes need 4-byte alignment). */
function uint32Table(member: Buffer, expectedLength: number): Uint32Array {
  const decoded = Buffer.from(member.toString('latin1', 1, member.length - 1), 'base64');
  if (decoded.length !== expectedLength * 4) throw new Error(`a table holds ${decoded.length / 4} values where ${expectedLength} were expected`);
  const table = new Uint32Array(expectedLength);
  new Uint8Array(table.buffer).set(decoded);
  return table;
}
