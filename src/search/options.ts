/**
 * MiniSearch options. MiniSearch requires an index to be loaded with the options it was
 * built with, so both sides import this one constant.
 */
import type { Options } from 'minisearch';
import { tokenize } from '../text/analyse.js';

/** The document MiniSearch indexes for each passage. */
export interface IndexedPassage {
  /** Position of the passage in the index file's passage list. */
  id: number;
  section: string;
  text: string;
}

export const SEARCH_FIELDS = ['section', 'text'] as const;

export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  // The analyser already normalises; MiniSearch's default would lower-case again.
  processTerm: (term) => term,
};

/** Bump when the analyser, chunker or file layout changes, so stale indexes are rebuilt. */
// 4: passages carry their code blocks' offsets. 6: fragments under ChunkOptions.minChars join a neighbour.
// 7: a fragment opening its section joins the code it introduces.
export const INDEX_SCHEMA_VERSION = 7;
