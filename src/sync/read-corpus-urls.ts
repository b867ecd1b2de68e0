/**
 * The URLs already in the corpus, read from every article file's front matter. Lighter than
 * the full parser and deliberately lenient: an article that fails validation still has its URL
 * here, so sync never writes a second copy of it.
 */
import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import { listArticleFiles } from '../corpus/read-corpus.js';
import { urlKey } from './build-feed-article.js';

export async function readCorpusUrls(corpusDir: string): Promise<Set<string>> {
  const files = await listArticleFiles(corpusDir);
  const urls = new Set<string>();
  await Promise.all(
    files.map(async (file) => {
      try {
        const url = (matter(await readFile(file, 'utf8'), {}).data as { url?: unknown }).url;
        if (typeof url === 'string' && url.trim() !== '') urls.add(urlKey(url.trim()));
      } catch {
        // broken front matter: the build step reports it
      }
    }),
  );
  return urls;
}
