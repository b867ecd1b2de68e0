import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { openServingIndex } from '../../src/index/open-serving-index.js';
import { rebuildIndex, type RebuildRequest, type RebuildResult } from '../../src/index/rebuild-index.js';
import { createLogger } from '../../src/logger.js';
import { startTestApp } from '../slack/helpers/test-app.js';
import { makeWorkspace, writeArticle } from '../digest/support.js';

function capturingLogger() {
  const out: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void out.push(line) });
  return { logger, events: () => out.map((l) => (JSON.parse(l) as { event?: string }).event) };
}

const neverBuild = async (): Promise<RebuildResult> => {
  throw new Error('must not build: the saved index matches the corpus');
};

describe('index/open-serving-index', () => {
  describe('openServingIndex', () => {
    it('builds in the worker when there is no saved index, saves it, and serves the saved one on the next start', async () => {
      const ws = await makeWorkspace('serving');
      const first = capturingLogger();
      const searcher = await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: first.logger });
      expect(first.events()).toContain('index_building');
      expect(answer(searcher, 'サイドカーコンテナの再起動').answered).toBe(true);
      expect(await readdir(join(ws.dir, 'data'))).toContain('index.json');

      const second = capturingLogger();
      const again = await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: second.logger, build: neverBuild });
      expect(second.events()).toEqual(['index_reused']);
      expect(again.index.manifest.corpusDigest).toBe(searcher.index.manifest.corpusDigest);
    });

    it('rebuilds when the corpus is not the one the saved index was built from', async () => {
      const ws = await makeWorkspace('serving-stale');
      await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent') });
      await writeArticle(ws.corpusDir, 'zebra', { title: 'Zebraschedulerの紹介', body: 'Zebraschedulerは新しいスケジューラです。\n' });
      const requests: RebuildRequest[] = [];
      const searcher = await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent'), build: (r) => (requests.push(r), rebuildIndex(r)) });
      expect(requests).toEqual([{ corpusDir: ws.corpusDir, indexPath: ws.indexPath, sourcesFile: undefined }]);
      expect(searcher.index.manifest.articleCount).toBe(5);
    });

    it('serves the saved index, older than the corpus, when the build fails outright', async () => {
      const ws = await makeWorkspace('serving-broken');
      await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent') });
      for (const f of await readdir(ws.corpusDir)) if (f.endsWith('.md')) await rm(join(ws.corpusDir, f));
      const log = capturingLogger();
      const searcher = await openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: log.logger });
      expect(log.events()).toContain('index_rebuild_failed');
      expect(searcher.index.manifest.articleCount).toBe(4);
    });
  });

  it('while the index builds, /healthz is 200 and /readyz 503; then /readyz is 200', async () => {
    const ws = await makeWorkspace('serving-app');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const app = await startTestApp({
      env: { CORPUS_DIR: ws.corpusDir },
      loadSearcher: () => openServingIndex({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent'), build: async (r) => (await gate, rebuildIndex(r)) }),
    });
    try {
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(503);
      release();
      await app.slack.searcherReady;
      expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('index/open-serving-index, a copied corpus', () => {
  it('reuses the index built from the same corpus in another folder (the image corpus copied into a writable volume)', async () => {
    const { cp, copyFile, mkdir } = await import('node:fs/promises');
    const image = await makeWorkspace('serving-image');
    await openServingIndex({ corpusDir: image.corpusDir, indexPath: image.indexPath, logger: createLogger('silent') });
    const pod = await makeWorkspace('serving-pod');
    await rm(pod.corpusDir, { recursive: true });
    await cp(image.corpusDir, pod.corpusDir, { recursive: true });
    await mkdir(dirname(pod.indexPath), { recursive: true });
    await copyFile(image.indexPath, pod.indexPath);
    const log = capturingLogger();
    await openServingIndex({ corpusDir: pod.corpusDir, indexPath: pod.indexPath, logger: log.logger, build: neverBuild });
    expect(log.events()).toEqual(['index_reused']);
  });
});

describe('index/open-serving-index, SOURCES_FILE', () => {
  it('indexes the Hugo tree the sources file names, and reuses that index on the next start', async () => {
    const { cp, mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const fixtures = new URL('../fixtures/', import.meta.url).pathname;
    const work = await mkdtemp(join(tmpdir(), 'serving-sources-'));
    await cp(join(fixtures, 'hugo-site'), join(work, 'hugo-site'), { recursive: true });
    await cp(join(fixtures, 'corpus-small'), join(work, 'corpus'), { recursive: true });
    const sourcesFile = join(work, 'etc', 'sources.yml');
    await (await import('node:fs/promises')).mkdir(dirname(sourcesFile), { recursive: true });
    await writeFile(sourcesFile, `hugo:\n  - dir: ${join(work, 'hugo-site/content/ja')}\n    base_url: https://kubernetes.io/ja/\n`);
    const options = { corpusDir: join(work, 'corpus'), indexPath: join(work, 'index.json'), sourcesFile };
    const first = await openServingIndex({ ...options, logger: createLogger('silent') });
    expect(first.index.articles.some((a) => a.url.startsWith('https://kubernetes.io/ja/docs/'))).toBe(true);
    const log = capturingLogger();
    await openServingIndex({ ...options, logger: log.logger, build: neverBuild });
    expect(log.events()).toEqual(['index_reused']);
  });
});
