/**
 * The compiled app as the image runs it: `npm run build` → dist/, then the commands and
 * `npm start` under a loader hook that refuses tsx, esbuild and typescript (the image has only
 * production dependencies). SIGTERM sent to `npm start` stops the app itself: nothing is left
 * running or listening.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startFakeSlackApi } from '../support/fake-slack-api.js';
import { childEnv, REPO_ROOT } from '../support/run-cli.js';
import { freePort } from '../slack/helpers/free-port.js';
import { SMALL_CORPUS } from '../slack/helpers/test-app.js';
import { eventually } from '../support/eventually.js';

const NO_TOOLING = fileURLToPath(new URL('../support/no-typescript-tooling.mjs', import.meta.url));
// Empty values override any developer .env (readEnv lets the environment win).
const BASE_ENV = childEnv({
  npm_config_update_notifier: 'false',
  SLACK_BOT_TOKEN: '',
  SLACK_APP_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  DIGEST_CHANNEL: '',
  DIGEST_CRON: '',
});

function runCompiled(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', NO_TOOLING, ...args], { cwd: REPO_ROOT, env: { ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dir: string;
beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  dir = await mkdtemp(join(tmpdir(), 'k8s-bot-compiled-'));
}, 120_000);

describe('npm run build', () => {
  it('puts the runtime data files beside the compiled code', () => {
    expect(existsSync(join(REPO_ROOT, 'dist/text/glossary.yml'))).toBe(true);
    // Stored parsed too: the compiled app reads JSON rather than parse YAML at start-up.
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/text/glossary.json'), 'utf8'))).toEqual(parse(readFileSync(join(REPO_ROOT, 'src/text/glossary.yml'), 'utf8')));
    expect(existsSync(join(REPO_ROOT, 'dist/index/rebuild-index-worker.mjs'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'dist/app.js'))).toBe(true);
  });

  it('build:index, ask and an offline digest dry run work compiled, without TypeScript tooling', async () => {
    const env = { CORPUS_DIR: SMALL_CORPUS, INDEX_PATH: join(dir, 'cli', 'index.json'), DIGEST_STATE: join(dir, 'cli', 'state.json') };
    const build = runCompiled(['dist/cli/build-index.js'], env);
    expect(build.status, build.stderr).toBe(0);
    const ask = runCompiled(['dist/cli/ask.js', '--json', 'サイドカーコンテナの再起動'], env);
    expect(ask.status, ask.stderr).toBe(0);
    expect(JSON.parse(ask.stdout)).toMatchObject({ answered: true });
    expect(ask.stderr).not.toContain('Built the index');
    const digest = runCompiled(['dist/cli/digest.js', '--dry-run'], env);
    expect(digest.status, digest.stderr).toBe(0);
    expect(digest.stdout).toContain('dry run, offline');
    expect(await readdir(join(dir, 'cli'))).toEqual(['index.json']);
  });
});

describe('npm start', () => {
  it('builds the index in the worker thread, then SIGTERM stops the app: exit 0, nothing left running or listening', async () => {
    const fake = await startFakeSlackApi();
    const port = await freePort();
    const child = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      env: {
        ...BASE_ENV,
        NODE_OPTIONS: `--import=${NO_TOOLING}`,
        SLACK_BOT_TOKEN: 'xoxb-npm-start',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        CORPUS_DIR: SMALL_CORPUS,
        INDEX_PATH: join(dir, 'start', 'index.json'),
        LOG_LEVEL: 'info',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let appPid: number | undefined;
    try {
      await eventually(`index loaded (stderr: ${stderr})`, () => stdout.includes('"event":"index_loaded"'), 60_000);
      expect(stdout).toContain('"event":"index_building"');
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      appPid = (JSON.parse(stdout.split('\n').find((l) => l.includes('"event":"started"'))!) as { pid: number }).pid;
      expect(appPid).not.toBe(child.pid);

      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(() => resolve('npm start still running 20 s after SIGTERM'), 20_000).unref());
      expect(await Promise.race([exited, timeout])).toBe(0);
      expect(stdout).toContain('"event":"stopped"');
      await eventually('the app process gone', () => !isRunning(appPid!), 5_000);
      expect(await isListening(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      if (appPid && isRunning(appPid)) process.kill(appPid, 'SIGKILL');
      await fake.close();
    }
  }, 90_000);
});
