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
import { listHugoPages } from '../sources/hugo/read-hugo-tree.js';
import { readSourcesFile, sourcesFilePath } from '../sources/sources-file.js';
import { computeFingerprint, type FileTable, type Fingerprint } from './fingerprint.js';
import { GLOSSARY_FILE, K8S_GLOSSARY_FILE } from '../text/glossary.js';
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
  '../corpus/parse-article.ts',
  '../corpus/front-matter.ts',
  '../sources/hugo/build-page.ts',
  '../sources/hugo/page-front-matter.ts',
  '../sources/hugo/shortcodes.ts',
  '../sources/hugo/sig-map.ts',
  '../sources/hugo/urls.ts',
  './build-index.ts',
  './index-layout.ts',
  './sibling-names.ts',
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

/** Reads the whole index file into memory (the app: its answer workers share the bytes). */
export async function readIndexFile(path: string): Promise<IndexReader> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new IndexFileError(`Index: no index at "${path}"; run \`npm run build:index\``);
  }
  return explainFormatErrors(path, () => IndexReader.open(bytes));
}

/**
 * Opens the index file in place: the small members are read now, postings and passages when a
 * question needs them (the command-line tools: `ask` at 10,000 articles reads 16 of 235 MB).
 */
export async function openIndexFile(path: string): Promise<IndexReader> {
  return explainFormatErrors(path, () => {
    try {
      return IndexReader.openFile(path);
    } catch (error) {
      if (error instanceof IndexFormatError) throw error;
      throw new IndexFileError(`Index: no index at "${path}"; run \`npm run build:index\``);
    }
  });
}

function explainFormatErrors(path: string, open: () => IndexReader): IndexReader {
  try {
    return open();
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

/** Every file the index is built from: corpus articles, the channel map, the sources file and each Hugo tree's pages. */
export async function listIndexInputs(corpusDir: string, sourcesFile?: string): Promise<string[]> {
  const sources = await readSourcesFile(corpusDir, sourcesFile);
  const hugo = sources?.hugo ?? [];
  const [articles, ...trees] = await Promise.all([
    listArticleFiles(corpusDir, hugo.map((h) => h.dir)),
    ...hugo.map(async (h) => (await listHugoPages(h)).map((p) => join(h.dir, p))),
  ]);
  return [...articles, join(corpusDir, CHANNELS_FILE), sourcesFilePath(corpusDir, sourcesFile), ...trees.flat()];
}

let analysisSalt: string | undefined;

/** The schema version, the glossary and the analysis code: a change to any makes every index stale. */
function readAnalysisSalt(): string {
  if (analysisSalt === undefined) {
    const hash = createHash('sha256');
    hash.update(`schema:${INDEX_SCHEMA_VERSION}\n`);
    for (const glossary of [GLOSSARY_FILE, K8S_GLOSSARY_FILE]) hash.update(readFileSync(glossary));
    // The code as it runs: the .ts sources under tsx and vitest, the compiled .js in dist/.
    for (const file of ANALYSIS_CODE) hash.update(readFileSync(new URL(file.replace(/\.ts$/, CODE_EXTENSION), import.meta.url)));
    analysisSalt = hash.digest('hex');
  }
  return analysisSalt;
}

/**
 * What the index is built from, fingerprinted by names, sizes and mtimes: only files whose
 * size or mtime differ from `known` (the table in the current index's manifest) are hashed.
 */
export async function computeCorpusFingerprint(corpusDir: string, sourcesFile?: string, known?: FileTable | Promise<FileTable | undefined>): Promise<Fingerprint> {
  return computeFingerprint(await listIndexInputs(corpusDir, sourcesFile), readAnalysisSalt(), known, corpusDir);
}

export async function computeCorpusDigest(corpusDir: string, sourcesFile?: string, known?: FileTable | Promise<FileTable | undefined>): Promise<string> {
  return (await computeCorpusFingerprint(corpusDir, sourcesFile, known)).digest;
}
