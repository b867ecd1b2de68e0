/**
 * The sources file (`sources.yml` in CORPUS_DIR, or SOURCES_FILE): Hugo content trees read by
 * the build step and feeds pulled by `npm run sync`. Parsed with yaml's document API so every
 * problem names its line; every problem in the file is reported at once, before anything runs.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseSourcesYaml, SourcesFileError, type SourcesSpec } from './parse-sources.js';

export { SourcesFileError } from './parse-sources.js';

export const SOURCES_FILE_NAME = 'sources.yml';

export interface FeedSource {
  url: string;
  sigs: string[];
}

export interface HugoSource {
  /** Absolute path of the content tree (e.g. …/website/content/ja). */
  dir: string;
  baseUrl: string;
  /** Top-level sections read (docs, blog, …); undefined: every section. */
  sections: string[] | undefined;
  /** Sections whose new pages the digest announces. */
  announce: string[];
  /** Path prefix (relative to `dir`, without `.md`) → SIGs; longest prefix wins over the default map. */
  sigsByPath: Record<string, string[]>;
}

export interface SourcesFile {
  /** Absolute path of the file read. */
  path: string;
  hugo: HugoSource[];
  feeds: FeedSource[];
}

/** Where the sources file is: SOURCES_FILE when set (relative to the working directory), else CORPUS_DIR/sources.yml. */
export function sourcesFilePath(corpusDir: string, sourcesFile?: string): string {
  return resolve(sourcesFile ?? join(corpusDir, SOURCES_FILE_NAME));
}

/**
 * Reads and validates the sources file; undefined when there is none (today's behaviour).
 * A SOURCES_FILE that names a missing file is an error: the operator asked for it.
 * Throws SourcesFileError listing every problem with its line.
 */
export async function readSourcesFile(corpusDir: string, sourcesFile?: string): Promise<SourcesFile | undefined> {
  const path = sourcesFilePath(corpusDir, sourcesFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && sourcesFile === undefined) return undefined;
    throw new SourcesFileError(path, [{ line: 0, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); SOURCES_FILE must name a readable YAML file` }]);
  }
  const spec = parseSourcesYaml(text, path);
  return resolveSources(path, spec);
}

/** Resolves dirs against the file's folder and checks that each exists. */
async function resolveSources(path: string, spec: SourcesSpec): Promise<SourcesFile> {
  const problems: Array<{ line: number; message: string }> = [];
  const hugo: HugoSource[] = [];
  for (const h of spec.hugo) {
    const dir = resolve(dirname(path), h.dir);
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) problems.push({ line: h.dirLine, message: `hugo "dir" ${JSON.stringify(h.dir)} is not a directory (resolved to ${dir}); check out kubernetes/website and point dir at its content/ja` });
    hugo.push({ dir, baseUrl: h.baseUrl, sections: h.sections, announce: h.announce, sigsByPath: h.sigsByPath });
  }
  if (problems.length > 0) throw new SourcesFileError(path, problems);
  return { path, hugo, feeds: spec.feeds };
}
