/**
 * The sources file (`sources.yml` in CORPUS_DIR, or SOURCES_FILE). A minimal reader with the
 * API agreed with the Hugo side, so `npm run sync` can read its feeds; the full parser (line
 * numbers, Hugo checks) replaces this file at merge.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const SOURCES_FILE_NAME = 'sources.yml';

export interface FeedSource {
  url: string;
  sigs: string[];
}

export interface HugoSource {
  dir: string;
  baseUrl: string;
  sections: string[] | undefined;
  announce: string[];
  sigsByPath: Record<string, string[]>;
}

export interface SourcesFile {
  path: string;
  hugo: HugoSource[];
  feeds: FeedSource[];
}

export class SourcesFileError extends Error {}

export function sourcesFilePath(corpusDir: string, sourcesFile?: string): string {
  return resolve(sourcesFile ?? join(corpusDir, SOURCES_FILE_NAME));
}

export async function readSourcesFile(corpusDir: string, sourcesFile?: string): Promise<SourcesFile | undefined> {
  const path = sourcesFilePath(corpusDir, sourcesFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && sourcesFile === undefined) return undefined;
    throw new SourcesFileError(`Sources file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const data = (parseYaml(text) ?? {}) as { hugo?: unknown[]; feeds?: unknown[] };
  const problems: string[] = [];
  const feeds: FeedSource[] = [];
  for (const [i, entry] of (data.feeds ?? []).entries()) {
    const e = (entry ?? {}) as { url?: unknown; sigs?: unknown };
    if (typeof e.url !== 'string' || e.url.trim() === '') {
      problems.push(`feeds[${i}]: "url" is missing`);
      continue;
    }
    feeds.push({ url: e.url.trim(), sigs: Array.isArray(e.sigs) ? e.sigs.map(String) : [] });
  }
  const hugo: HugoSource[] = (data.hugo ?? []).map((entry) => {
    const h = (entry ?? {}) as Record<string, unknown>;
    return {
      dir: resolve(dirname(path), String(h.dir ?? '')),
      baseUrl: String(h.base_url ?? ''),
      sections: Array.isArray(h.sections) ? h.sections.map(String) : undefined,
      announce: Array.isArray(h.announce) ? h.announce.map(String) : ['blog'],
      sigsByPath: (h.sigs_by_path ?? {}) as Record<string, string[]>,
    };
  });
  if (problems.length > 0) throw new SourcesFileError(`Sources file ${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { path, hugo, feeds };
}
