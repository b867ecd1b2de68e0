import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RANKING_CORPUS } from '../support/build-fixture.js';
import { runCli } from '../support/run-cli.js';

let work: string;
let env: Record<string, string>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ask-'));
  await cp(RANKING_CORPUS, join(work, 'corpus'), { recursive: true });
  env = { CORPUS_DIR: join(work, 'corpus'), INDEX_PATH: join(work, 'data', 'index.json') };
  // Builds the index once, so the tests below start from a working one.
  const built = await runCli('src/cli/build-index.ts', [], env);
  expect(built.code, built.stderr).toBe(0);
});

describe('npm run ask', () => {
  it('--json prints one object with the documented fields and plain-text passages', async () => {
    const { code, stdout } = await runCli('src/cli/ask.ts', ['--json', '--k', '2', 'サイドカーの再起動ポリシー'], env);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(json).toMatchObject({ query: 'サイドカーの再起動ポリシー', answered: true });
    expect(json.results.length).toBeLessThanOrEqual(2);
    for (const r of json.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['title', 'url', 'section', 'date', 'text', 'score']));
      expect(typeof r.score).toBe('number');
    }
    expect(json.results[0].text).toContain('再起動ポリシーをAlwaysに設定すると');
    expect(json.results[0].text).not.toMatch(/`|\*\*|^#/m);
  });

  it('prints a readable answer with title, section, date and link', async () => {
    const { code, stdout } = await runCli('src/cli/ask.ts', ['dockershimはなぜ削除された？'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('dockershimの削除について › dockershimはなぜ削除されたのですか?');
    expect(stdout).toContain('2022-02-17');
    expect(stdout).toContain('https://example.com/blog/dockershim/');
  });

  it('--batch answers every line in order, never aborting on empty, huge or garbled lines', async () => {
    const lines = ['サイドカー', '', 'x'.repeat(20_000), '\u0000\u0001\ud800', '🤗', 'dockershim 削除 理由'];
    const { code, stdout } = await runCli('src/cli/ask.ts', ['--batch', '-'], env, lines.join('\n'));
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out[0].answered).toBe(true);
    expect(out[1]).toMatchObject({ answered: false, query: '' });
    expect(out[2].notices[0]).toMatch(/only the first 500/);
    expect(out[5].results[0].title).toBe('dockershimの削除について');
  });

  it('explains an unknown flag in one line and exits non-zero', async () => {
    const { code, stderr } = await runCli('src/cli/ask.ts', ['--frobnicate', 'q'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unknown option '--frobnicate'/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a missing corpus and exits non-zero', async () => {
    const { code, stderr } = await runCli('src/cli/ask.ts', ['q'], { ...env, CORPUS_DIR: join(work, 'nope'), INDEX_PATH: join(work, 'none.json') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/CORPUS_DIR/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rebuilds a broken index file instead of crashing', async () => {
    const indexPath = join(work, 'broken-index.json');
    await writeFile(indexPath, '{"truncated": ');
    const { code, stdout } = await runCli('src/cli/ask.ts', ['--json', 'サイドカー'], { ...env, INDEX_PATH: indexPath });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).answered).toBe(true);
  });
});

describe('npm run build:index', () => {
  it('fails on a broken article, lists it, and leaves the existing index untouched', async () => {
    const corpus = join(work, 'corpus-broken');
    await cp(RANKING_CORPUS, corpus, { recursive: true });
    const indexPath = join(work, 'kept.json');
    expect((await runCli('src/cli/build-index.ts', [], { CORPUS_DIR: corpus, INDEX_PATH: indexPath })).code).toBe(0);
    const before = await readFile(indexPath, 'utf8');
    await writeFile(join(corpus, 'bad.md'), '---\ntitle: "壊れた記事"\ndate: "someday"\n---\n本文');
    await writeFile(join(corpus, 'worse.md'), '---\ntitle: [\n---\n');
    const { code, stderr } = await runCli('src/cli/build-index.ts', [], { CORPUS_DIR: corpus, INDEX_PATH: indexPath });
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.md:\n\s+- "date"/);
    expect(stderr).toMatch(/bad\.md:[\s\S]*"url"/);
    expect(stderr).toMatch(/worse\.md:\n\s+- front matter is not valid YAML/);
    expect(await readFile(indexPath, 'utf8')).toBe(before);
  });

  it('ask keeps answering from the previous index while the corpus is broken', async () => {
    const corpus = join(work, 'corpus-stale');
    await cp(RANKING_CORPUS, corpus, { recursive: true });
    const indexPath = join(work, 'stale.json');
    expect((await runCli('src/cli/build-index.ts', [], { CORPUS_DIR: corpus, INDEX_PATH: indexPath })).code).toBe(0);
    await writeFile(join(corpus, 'bad.md'), '---\ntitle: ""\n---\n');
    const { code, stdout, stderr } = await runCli('src/cli/ask.ts', ['--json', 'サイドカー'], { CORPUS_DIR: corpus, INDEX_PATH: indexPath });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).answered).toBe(true);
    expect(stderr).toMatch(/previous index .* is used[\s\S]*bad\.md/);
  });

  it('with no previous index, answers from the valid articles and names the broken ones every time', async () => {
    const corpus = join(work, 'corpus-first-broken');
    await cp(RANKING_CORPUS, corpus, { recursive: true });
    await writeFile(join(corpus, 'bad.md'), '---\ntitle: "壊れた"\n---\n本文');
    const runEnv = { CORPUS_DIR: corpus, INDEX_PATH: join(work, 'first.json') };
    for (let i = 0; i < 2; i++) {
      const { code, stdout, stderr } = await runCli('src/cli/ask.ts', ['--json', 'サイドカー'], runEnv);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).answered).toBe(true);
      expect(stderr).toMatch(/left out until fixed[\s\S]*bad\.md/);
    }
  });
});
