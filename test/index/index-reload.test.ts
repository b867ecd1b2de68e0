import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { createCorpusReloader, IndexHolder, startCorpusReloader } from '../../src/index/index-reload.js';
import { rebuildIndex, type RebuildRequest } from '../../src/index/rebuild-index.js';
import { createLogger } from '../../src/logger.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';
import { makeWorkspace, writeArticle } from '../digest/support.js';
import { eventually } from '../support/eventually.js';

const ZEBRA = { title: 'Zebraschedulerの紹介', body: 'Zebraschedulerは新しいスケジューラです。Podの配置を決めます。\n\n## 使い方\n\nZebraschedulerを有効にするにはフラグを設定します。\n' };

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const out: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void out.push(line) });
  return { logger, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function answersWith(holder: IndexHolder, question: string, articleId: string): boolean {
  const searcher = holder.current();
  if (!searcher) return false;
  const result = answer(searcher, question);
  return result.answered && result.results.some((r) => r.articleId === articleId);
}

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
let holder: IndexHolder;

beforeEach(async () => {
  ws = await makeWorkspace('reload');
  holder = new IndexHolder(await buildFixtureSearcher(ws.corpusDir));
});

describe('index/index-reload', () => {
  describe('createCorpusReloader', () => {
    it('builds in a worker, swaps the new index in and saves it; until then the old one answers', async () => {
      const { logger } = capturingLogger();
      const reloader = createCorpusReloader({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger, current: holder.current, replace: holder.replace });
      const before = holder.current();
      await writeArticle(ws.corpusDir, 'zebra', ZEBRA);
      const pending = reloader.reload();
      expect(holder.current()).toBe(before);
      expect(answer(before!, 'サイドカーコンテナの再起動').answered).toBe(true);
      expect(await pending).toMatchObject({ status: 'swapped', articleCount: 5 });
      expect(holder.current()).not.toBe(before);
      expect(answersWith(holder, 'Zebraschedulerの使い方', 'zebra')).toBe(true);
      expect(JSON.parse(await readFile(ws.indexPath, 'utf8')).manifest.articleCount).toBe(5);
      expect(await reloader.reload()).toMatchObject({ status: 'unchanged' });
    });

    it('skips a broken article, naming its file in the log, and serves the other new ones', async () => {
      const { logger, lines } = capturingLogger();
      const reloader = createCorpusReloader({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger, current: holder.current, replace: holder.replace, build: rebuildIndex });
      await writeArticle(ws.corpusDir, 'zebra', ZEBRA);
      await writeFile(join(ws.corpusDir, 'broken.md'), '---\ntitle: 壊れた記事\n---\n本文\n');
      const outcome = await reloader.reload();
      expect(outcome.status).toBe('swapped');
      expect(new Set(outcome.problems.map((p) => p.file))).toEqual(new Set([join(ws.corpusDir, 'broken.md')]));
      expect(lines().some((l) => l.event === 'article_skipped' && l.file === join(ws.corpusDir, 'broken.md'))).toBe(true);
      expect(answersWith(holder, 'Zebraschedulerの使い方', 'zebra')).toBe(true);
    });

    it('keeps serving the current index when the build fails outright', async () => {
      const { logger, lines } = capturingLogger();
      const reloader = createCorpusReloader({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger, current: holder.current, replace: holder.replace, build: rebuildIndex });
      const before = holder.current();
      await writeFile(join(ws.corpusDir, 'channels.yml'), 'workspace: not-a-url\nchannels: []\n');
      expect(await reloader.reload()).toMatchObject({ status: 'failed' });
      expect(holder.current()).toBe(before);
      expect(lines().some((l) => l.event === 'index_rebuild_failed')).toBe(true);
      // The same broken corpus is not rebuilt again and again.
      expect(await reloader.reload()).toMatchObject({ status: 'unchanged' });
    });

    it('runs one build at a time and folds the calls that arrive meanwhile into one more', async () => {
      let builds = 0;
      let started!: () => void;
      const building = new Promise<void>((r) => (started = r));
      const build = async (request: RebuildRequest) => {
        builds++;
        started();
        return rebuildIndex(request);
      };
      const reloader = createCorpusReloader({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent'), current: holder.current, replace: holder.replace, build });
      await writeArticle(ws.corpusDir, 'zebra', ZEBRA);
      const first = reloader.reload();
      await building;
      const [second, third] = [reloader.reload(), reloader.reload()];
      expect(second).toBe(third);
      expect((await Promise.all([first, second, third])).map((o) => o.status)).toEqual(['swapped', 'unchanged', 'unchanged']);
      expect(builds).toBe(1);
    });
  });

  describe('startCorpusReloader', () => {
    it('notices a new article dropped into the corpus and makes it answerable without a restart', async () => {
      const reloader = startCorpusReloader({ corpusDir: ws.corpusDir, indexPath: ws.indexPath, logger: createLogger('silent'), current: holder.current, replace: holder.replace, debounceMs: 100, pollMs: 2_000 });
      try {
        expect(answersWith(holder, 'Zebraschedulerの使い方', 'zebra')).toBe(false);
        await writeArticle(ws.corpusDir, 'zebra', ZEBRA);
        await eventually('the new article to be answerable', () => answersWith(holder, 'Zebraschedulerの使い方', 'zebra'), 30_000);
      } finally {
        reloader.stop();
      }
    });
  });
});
