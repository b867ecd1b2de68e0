/**
 * Reading and writing the index file, and deciding when it is stale. Writes go to a
 * temporary file renamed into place, so a reader never sees half an index and a failed
 * build leaves the previous one untouched.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { listArticleFiles } from '../corpus/read-corpus.js';
import { CHANNELS_FILE } from '../corpus/channels.js';
import { GLOSSARY_FILE } from '../text/glossary.js';
import type { IndexData } from './index-data.js';
import { encodeIndex } from './index-layout.js';
import { IndexFormatError, IndexReader } from './index-reader.js';
import { INDEX_SCHEMA_VERSION } from './options.js';

const CODE_EXTENSION = extname(fileURLToPath(import.meta.url));
/** Code whose behaviour shapes the index: a change to it makes an existing index stale. */
const ANALYSIS_CODE = [
  '../text/analyse.ts',
  '../text/normalize.ts',
  '../text/stopwords.ts',
  '../text/glossary.ts',
  '../corpus/chunk.ts',
  '../corpus/markdown.ts',
  '../corpus/sentences.ts',
  './build-index.ts',
  './index-layout.ts',
];

export class IndexFileError extends Error {}

/** Lays the index out (index-layout.ts) and writes it; returns the bytes written, for IndexReader.open. */
export async function writeIndexFile(path: string, data: IndexData): Promise<Buffer> {
  const bytes = encodeIndex(data);
  await writeIndexBytes(path, bytes);
  return bytes;
}

/** Writes an index already laid out by encodeIndex. */
export async function writeIndexBytes(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

export async function readIndexFile(path: string): Promise<IndexReader> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new IndexFileError(`Index: no index at "${path}"; run \`npm run build:index\``);
  }
  try {
    return IndexReader.open(bytes);
  } catch (error) {
    if (!(error instanceof IndexFormatError)) throw error;
    const problem = {
      'not-an-index': `is not a readable index (${error.message})`,
      'other-version': `was written by another version (${error.message})`,
      truncated: `is truncated (${error.message})`,
    }[error.problem];
    throw new IndexFileError(`Index: "${path}" ${problem}; run \`npm run build:index\` to rebuild it`);
  }
}

/** sha256 over what the index is built from: article files, the channel map and the glossary. */
export async function computeCorpusDigest(corpusDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`schema:${INDEX_SCHEMA_VERSION}\n`);
  const files = [...(await listArticleFiles(corpusDir)), join(corpusDir, CHANNELS_FILE)];
  for (const file of files) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(`${basename(file)}\n${content.length}\n`);
    hash.update(content);
  }
  hash.update(readFileSync(GLOSSARY_FILE));
  // The code as it runs: the .ts sources under tsx and vitest, the compiled .js in dist/.
  for (const file of ANALYSIS_CODE) hash.update(readFileSync(new URL(file.replace(/\.ts$/, CODE_EXTENSION), import.meta.url)));
  return hash.digest('hex');
}
