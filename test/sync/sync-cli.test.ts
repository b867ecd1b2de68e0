/**
 * `npm run sync` as a real child process against a local feed site, then the real build and
 * `ask`: a synced article is answerable and cited with its feed's title, date and link. The
 * tests run in order, like an operator's days: first sync, a rerun, a fixed sources file.
 */
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAtom, buildRss, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { CRONJOB_PAGE, GATEWAY_PAGE } from './fixtures.js';

const SYNC = 'src/cli/sync.ts';
let site: FeedServer;
let corpusDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  site = await startFeedServer();
  site.feed('/rss.xml', buildRss('Example Blog', [{ title: 'CronJobのタイムゾーン', link: site.url('/posts/cronjob-tz'), date: 'Mon, 02 Mar 2026 23:30:00 +0900', author: '山田 太郎' }]), { etag: '"rss-v1"', lastModified: 'Mon, 02 Mar 2026 15:00:00 GMT' });
  site.feed('/atom.xml', buildAtom('Example Atom', [{ title: 'Gateway API入門', link: site.url('/posts/gateway'), date: '2026-02-10T10:00:00+09:00', author: 'Hanako' }]), { lastModified: 'Tue, 10 Feb 2026 01:00:00 GMT', contentType: 'application/atom+xml' });
  site.route('/down.xml', (_req, res) => {
    res.statusCode = 500;
    res.end('internal error');
  });
  site.page('/posts/cronjob-tz', CRONJOB_PAGE);
  site.page('/posts/gateway', GATEWAY_PAGE);

  const root = await mkdtemp(join(tmpdir(), 'sync-cli-'));
  corpusDir = join(root, 'corpus');
  await cp(join(REPO_ROOT, 'corpus'), corpusDir, { recursive: true });
  await writeSources([site.url('/rss.xml'), site.url('/atom.xml'), site.url('/down.xml')]);
  env = { CORPUS_DIR: corpusDir, INDEX_PATH: join(root, 'index.json'), SYNC_TIMEOUT_MS: '2000', SYNC_BOT_URL: 'https://bot.example/about', LOG_LEVEL: 'warn' };
});
afterAll(() => site.close());

async function writeSources(feeds: string[]): Promise<void> {
  const lines = ['feeds:', ...feeds.flatMap((url) => [`  - url: ${url}`, ...(url.endsWith('/rss.xml') ? ['    sigs: [sig-apps]'] : [])])];
  await writeFile(join(corpusDir, 'sources.yml'), `${lines.join('\n')}\n`);
}

async function feedFiles(): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const dir = join(corpusDir, 'feeds');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md'));
  const out = new Map<string, { text: string; mtimeMs: number }>();
  for (const n of names) out.set(n, { text: await readFile(join(dir, n), 'utf8'), mtimeMs: (await stat(join(dir, n))).mtimeMs });
  return out;
}

describe('npm run sync', () => {
  let firstRun: Map<string, { text: string; mtimeMs: number }>;

  it('adds the articles of the feeds it can read, reports the broken feed and exits 1', async () => {
    const seedBefore = await readFile(join(corpusDir, '2024-02-22-k8s-book-club.md'), 'utf8');
    const { code, stdout, stderr } = await runCli(SYNC, [], env);
    expect(code, stderr).toBe(1);
    expect(stdout).toContain(`${site.url('/down.xml')}: FAILED: answered HTTP 500`);
    expect(stdout).toContain('Added 2 article(s):');
    expect(stdout).toContain(`+ 2026-03-02 CronJobのタイムゾーン <${site.url('/posts/cronjob-tz')}>`);
    expect(stdout).toContain(`+ 2026-02-10 Gateway API入門 <${site.url('/posts/gateway')}>`);

    firstRun = await feedFiles();
    expect(firstRun.size).toBe(2);
    const cron = [...firstRun.values()].find((f) => f.text.includes('CronJobのタイムゾーン'))!.text;
    expect(cron).toMatch(/^---\ntitle: "CronJobのタイムゾーン"\ndate: "2026-03-02"\n/);
    expect(cron).toContain(`url: "${site.url('/posts/cronjob-tz')}"`);
    expect(cron).toContain('authors: ["山田 太郎"]');
    expect(cron).toContain('sigs: ["sig-apps"]');
    expect(cron).toContain(`source: "${site.url('/rss.xml')}"`);
    expect(cron).toContain('lang: "ja"');
    // Headings, lists, links and the code block survive; scripts, styles, frames and forms do not.
    expect(cron).toContain('## タイムゾーンの指定方法');
    expect(cron).toContain(`[IANAタイムゾーンデータベース](${site.origin}/docs/tz/)`);
    expect(cron).toMatch(/- +Asia\/Tokyo は日本標準時です/);
    expect(cron).toContain('```yaml\napiVersion: batch/v1\nkind: CronJob');
    for (const marker of ['SCRIPT_MARKER', 'STYLE_MARKER', 'IFRAME_MARKER', 'FORM_MARKER', 'analytics', 'font-family']) expect(cron).not.toContain(marker);
    // The title is the feed's; the page's own <h1> (its title again) does not become a section.
    expect(cron).not.toContain('ページ側のタイトル');

    expect(await readFile(join(corpusDir, '2024-02-22-k8s-book-club.md'), 'utf8')).toBe(seedBefore);
    for (const r of site.requests()) expect(r.headers['user-agent']).toMatch(/^k8s-ja-bot\/\S+ .*\+https:\/\/bot\.example\/about/);
  });

  it('builds an index in which the synced article answers and is cited with its feed title, date and link', async () => {
    const build = await runCli('src/cli/build-index.ts', [], env);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/Indexed 20 articles/);
    const ask = await runCli('src/cli/ask.ts', ['--json', 'CronJob でタイムゾーンを指定するには?'], env);
    expect(ask.code, ask.stderr).toBe(0);
    const answer = JSON.parse(ask.stdout) as { answered: boolean; results: Array<{ title: string; url: string; date: string; text: string }> };
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({ title: 'CronJobのタイムゾーン', url: site.url('/posts/cronjob-tz'), date: '2026-03-02' });
  });

  it('writes nothing on a second run and asks for the feeds conditionally', async () => {
    site.reset();
    const { code, stdout, stderr } = await runCli(SYNC, [], env);
    expect(code, stderr).toBe(1);
    expect(stdout).toContain('Added nothing');
    expect(stdout).toContain(`${site.url('/rss.xml')}: not modified since the last run (304)`);
    expect(stdout).toContain(`${site.url('/atom.xml')}: not modified since the last run (304)`);
    const [rss] = site.requests('/rss.xml');
    expect(rss?.headers).toMatchObject({ 'if-none-match': '"rss-v1"', 'if-modified-since': 'Mon, 02 Mar 2026 15:00:00 GMT' });
    expect(rss?.status).toBe(304);
    const [atom] = site.requests('/atom.xml');
    expect(atom?.headers['if-modified-since']).toBe('Tue, 10 Feb 2026 01:00:00 GMT');
    expect(atom?.headers['if-none-match']).toBeUndefined();
    expect(site.requests().filter((r) => r.path.startsWith('/posts/'))).toEqual([]);
    expect(await feedFiles()).toEqual(firstRun);
  });

  it('exits 0 once every feed reads, still writing nothing new', async () => {
    await writeSources([site.url('/rss.xml'), site.url('/atom.xml')]);
    const { code, stdout, stderr } = await runCli(SYNC, [], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Added nothing');
    expect(await feedFiles()).toEqual(firstRun);
  });

  it('reports a broken sources file and exits 1 before fetching anything', async () => {
    site.reset();
    await writeFile(join(corpusDir, 'sources.yml'), 'feeds:\n  - sigs: [sig-node]\n');
    const { code, stderr } = await runCli(SYNC, [], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\.yml/);
    expect(stderr).toMatch(/url/);
    expect(site.requests()).toEqual([]);
  });
});

describe('npm run sync without feeds', () => {
  it('says there is nothing to sync, exits 0 and leaves the corpus as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-none-'));
    const { code, stdout, stderr } = await runCli(SYNC, [], { CORPUS_DIR: dir, LOG_LEVEL: 'warn' });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^No feeds to sync: there is no sources file .*sources\.yml/);
    expect(existsSync(join(dir, 'feeds'))).toBe(false);
  });
});
