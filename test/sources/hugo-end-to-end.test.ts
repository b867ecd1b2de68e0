/** build:index and ask over a corpus with a sources.yml naming a Hugo tree, run as an operator runs them. */
import { cp, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
let work: string;
let env: Record<string, string>;
let built: { code: number | null; stdout: string; stderr: string };

const ask = async (question: string) => {
  const result = await runCli('src/cli/ask.ts', ['--json', question], env);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout), stderr: result.stderr };
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hugo-e2e-'));
  await cp(join(FIXTURES, 'hugo-corpus'), join(work, 'hugo-corpus'), { recursive: true });
  await cp(join(FIXTURES, 'hugo-site'), join(work, 'hugo-site'), { recursive: true });
  env = { CORPUS_DIR: join(work, 'hugo-corpus'), INDEX_PATH: join(work, 'data', 'index.json') };
  built = await runCli('src/cli/build-index.ts', [], env);
});

describe('build:index with a Hugo tree in sources.yml', () => {
  it('succeeds despite bad third-party pages, naming each with its reason, and reports what it left out', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/Hugo .*hugo-site\/content\/ja: \d+ articles from \d+ pages \(skipped: 1 draft\(s\), 2 empty page\(s\)\)/);
    expect(built.stdout).toMatch(/unknown shortcodes removed: (mystery-widget ×1, another-unknown ×1|another-unknown ×1, mystery-widget ×1)/);
    expect(built.stdout).toMatch(/docs\/tasks\/conflict\.md: contains git conflict markers/);
    expect(built.stdout).toMatch(/docs\/tasks\/bad-date\.md: "date" "2026-13-45"/);
    expect(built.stdout).toContain('1 Hugo page(s) left out: a corpus file has the same URL');
  });
});

describe('ask over the docs', () => {
  it('answers from a docs page with its URL, no date, and the channel of its path (sigs_by_path override)', async () => {
    const { json } = await ask('サイドカーコンテナとは何ですか');
    expect(json.answered).toBe(true);
    expect(json.results[0]).toMatchObject({ url: 'https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/', date: '', channel: '#sig-apps' });
    expect(json.results.map((r: { text: string }) => r.text).join('\n')).not.toMatch(/\{\{|\}\}/);
  });

  it('answers from the default path map: a networking page names #sig-network', async () => {
    const { json } = await ask('ServiceのNodePortとは');
    expect(json.results[0]).toMatchObject({ url: 'https://kubernetes.io/ja/docs/concepts/services-networking/service/', channel: '#sig-network' });
  });

  it('cites the corpus file, not the Hugo page with the same URL', async () => {
    const { json } = await ask('dockershimはいつkubeletから削除されましたか');
    expect(json.results[0].url).toBe('https://kubernetes.io/ja/blog/2022/02/17/dockershim-faq/');
    expect(json.results.map((r: { text: string }) => r.text).join('\n')).not.toContain('このHugo版');
  });

  it('reuses the index while nothing changed, and rebuilds when a page changes', async () => {
    expect((await ask('ボリュームとは')).stderr).not.toContain('Built the index');
    const page = join(work, 'hugo-site/content/ja/docs/concepts/storage/volumes/index.md');
    await utimes(page, new Date(), new Date('2030-01-01'));
    expect((await ask('ボリュームとは')).stderr).not.toContain('Built the index');
    await writeFile(page, `${await readFile(page, 'utf8')}\n## hostPath\n\nhostPathボリュームはノードのファイルシステムからファイルやディレクトリをマウントします。\n`);
    const after = await ask('hostPathボリュームでマウントするもの');
    expect(after.stderr).toContain('Built the index');
    expect(after.json.results[0].url).toBe('https://kubernetes.io/ja/docs/concepts/storage/volumes/');
  });

  it('stops before anything else with the line of a mistake in sources.yml', async () => {
    const bad = join(work, 'bad-sources.yml');
    await writeFile(bad, 'hugo:\n  - dir: hugo-site/content/ja\n    anounce: [blog]\n');
    const result = await runCli('src/cli/build-index.ts', [], { ...env, SOURCES_FILE: bad });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/bad-sources\.yml.*\n.*line 3: .*unknown key "anounce"/);
  });
});
