/** The index file's layout: one JSON document, written atomically. */
import type { AsPlainObject } from 'minisearch';
import type { ArticleMeta, CorpusProblem } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import type { SourcesReport } from '../sources/read-articles.js';
import type { FileTable } from './fingerprint.js';
import type { Family } from './sibling-names.js';

export interface IndexManifest {
  schemaVersion: number;
  /** sha256 of the corpus files (names and contents), the glossary and the channel map. */
  corpusDigest: string;
  builtAt: string;
  articleCount: number;
  passageCount: number;
  /** Broken articles left out of this index (lenient builds), reported whenever it is loaded. */
  skipped: CorpusProblem[];
  /** Size, mtime and hash of each input file: freshness is decided from these without reading unchanged files. */
  files?: FileTable;
  /** What the Hugo trees gave (pages read, skipped, unknown shortcodes, unreadable pages). */
  sources?: SourcesReport;
  /** Family heads and their members (sibling-names.ts), derived from the passages at build. */
  families?: Family[];
}

export interface StoredPassage {
  /** Index into `articles`. */
  article: number;
  sectionPath: string[];
  text: string;
  /** Code block offsets in `text` (see Passage.code). */
  code?: Array<[number, number]>;
}

export interface IndexData {
  manifest: IndexManifest;
  articles: ArticleMeta[];
  passages: StoredPassage[];
  /** Passages containing each term, for term weights in ranking and abstention. */
  documentFrequency: Record<string, number>;
  channels: ChannelMap;
  miniSearch: AsPlainObject;
}
