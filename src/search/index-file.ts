/**
 * Reading and writing the index file, and deciding when it is stale. Writes go to a
 * temporary file renamed into place, so a reader never sees half an index and a failed
 * build leaves the previous one untouched.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { listArticleFiles } from '../corpus/read-corpus.js';
import { CHANNELS_FILE } from '../corpus/channels.js';
import { GLOSSARY_FILE } from '../text/glossary.js';
import type { IndexData } from './index-data.js';
import { INDEX_SCHEMA_VERSION } from './options.js';

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
];

export class IndexFileError extends Error {}

export async function writeIndexFile(path: string, data: IndexData): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

export async function readIndexFile(path: string): Promise<IndexData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new IndexFileError(`Index: no index at "${path}"; run \`npm run build:index\``);
  }
  let data: Partial<IndexData>;
  try {
    data = JSON.parse(text) as Partial<IndexData>;
  } catch {
    throw new IndexFileError(`Index: "${path}" is not valid JSON (a broken or truncated file); run \`npm run build:index\` to rebuild it`);
  }
  if (data.manifest?.schemaVersion !== INDEX_SCHEMA_VERSION || !Array.isArray(data.passages) || !data.miniSearch) {
    throw new IndexFileError(`Index: "${path}" was written by another version (schema ${String(data.manifest?.schemaVersion)}, expected ${INDEX_SCHEMA_VERSION}); run \`npm run build:index\``);
  }
  return data as IndexData;
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
  for (const file of ANALYSIS_CODE) hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest('hex');
}
