/**
 * The URLs already in the corpus: every article file's front matter (lighter than the full
 * parser and deliberately lenient: an article that fails validation still has its URL here, so
 * sync never writes a second copy of it), and every page of the sources file's Hugo trees (a
 * kubernetes.io blog post read from the Hugo checkout is not synced again from the blog's feed).
 */
import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import { listArticleFiles, urlKey } from '../corpus/read-corpus.js';
import { readHugoTree } from '../sources/hugo/read-hugo-tree.js';
import type { HugoSource } from '../sources/sources-file.js';

export async function readKnownUrls(corpusDir: string, hugo: readonly HugoSource[] = []): Promise<Set<string>> {
  const articleFiles = await listArticleFiles(corpusDir, hugo.map((h) => h.dir));
  const urls = new Set<string>();
  await Promise.all([
    ...articleFiles.map(async (file) => {
      try {
        const url = (matter(await readFile(file, 'utf8'), {}).data as { url?: unknown }).url;
        if (typeof url === 'string' && url.trim() !== '') urls.add(urlKey(url.trim()));
      } catch {
        // broken front matter: the build step reports it
      }
    }),
    ...hugo.map(async (source) => {
      for (const a of (await readHugoTree(source)).articles) urls.add(urlKey(a.url));
    }),
  ]);
  return urls;
}
