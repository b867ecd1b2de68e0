/**
 * `npm start` with SYNC_CRON, as a child process in HTTP mode: the in-process sync pulls a feed
 * and the running app answers from the new article without a restart (hot reload).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { buildRss, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { runCommand, spawnApp, type AppProcess } from '../slack/helpers/spawn-app.js';
import { allText } from '../slack/helpers/test-app.js';
import { makeWorkspace } from '../digest/support.js';
import { CRONJOB_PAGE } from './fixtures.js';
import { eventually } from '../support/eventually.js';

let fake: FakeSlackApi;
let site: FeedServer;
let app: AppProcess;

const command = (text: string): Promise<Record<string, any>> => runCommand(app, fake, text);

beforeAll(async () => {
  fake = await startFakeSlackApi();
  site = await startFeedServer();
  site.page('/posts/cronjob-tz', CRONJOB_PAGE);
  // The feed is empty until the test publishes the article.
  site.feed('/rss.xml', buildRss('Example Blog', []), { etag: '"empty"' });
  const ws = await makeWorkspace('app-sync');
  await writeFile(join(ws.corpusDir, 'sources.yml'), `feeds:\n  - url: ${site.url('/rss.xml')}\n`);
  app = await spawnApp('app', {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
    CORPUS_DIR: ws.corpusDir,
    INDEX_PATH: ws.indexPath,
    SYNC_CRON: '*/1 * * * * *',
    SYNC_TIMEOUT_MS: '2000',
  });
  await app.untilReady();
});

afterAll(async () => {
  await app?.kill('SIGTERM');
  await fake.close();
  await site.close();
});

describe('npm start with SYNC_CRON', () => {
  it('answers from an article published on a feed, without a restart', async () => {
    const question = 'CronJob でタイムゾーンを指定するには?';
    expect(allText(await command(question))).not.toContain(site.url('/posts/cronjob-tz'));
    site.feed('/rss.xml', buildRss('Example Blog', [{ title: 'CronJobのタイムゾーン', link: site.url('/posts/cronjob-tz'), date: 'Mon, 02 Mar 2026 08:00:00 GMT' }]), { etag: '"one"' });
    await eventually('the synced article in an answer', async () => allText(await command(question)).includes(site.url('/posts/cronjob-tz')), 40_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${JSON.stringify(app.logs().slice(-20))}`);
    });
    expect(app.logs().some((l) => l.event === 'sync_run')).toBe(true);
    // Later runs ask conditionally and get 304.
    await eventually('a conditional request', () => site.requests('/rss.xml').some((r) => r.headers['if-none-match'] === '"one"' && r.status === 304));
  });
});
