/**
 * `npm start` as a real process (node --import tsx src/app.ts): a configuration error is one
 * clear message and a non-zero exit; SIGTERM lets the answer in flight finish, then exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { REPO_ROOT, runCli } from '../support/run-cli.js';
import { freePort } from './helpers/free-port.js';
import { eventually, SMALL_CORPUS } from './helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent, SIGNING_SECRET } from './helpers/slack-requests.js';

// Empty values override any developer .env (readEnv lets the environment win).
const NO_SLACK = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' };

describe('src/app.ts', () => {
  it('exits 1 with the configuration problems and no stack trace when Slack settings are missing', async () => {
    const result = await runCli('src/app.ts', [], NO_SLACK);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Configuration problem');
    expect(result.stderr).toContain('npm run shell');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every problem at once', async () => {
    const result = await runCli('src/app.ts', [], { ...NO_SLACK, SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  describe('shutdown', () => {
    let fake: FakeSlackApi;
    let dir: string;
    beforeAll(async () => {
      fake = await startFakeSlackApi();
      dir = await mkdtemp(join(tmpdir(), 'k8s-bot-process-'));
    });
    afterAll(async () => {
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    });

    const startApp = async (env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/app.ts'], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          ...NO_SLACK,
          SLACK_BOT_TOKEN: 'xoxb-process-test',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: String(port),
          CORPUS_DIR: SMALL_CORPUS,
          INDEX_PATH: join(dir, 'index.json'),
          DIGEST_CRON: '',
          LOG_LEVEL: 'info',
          ...env,
        },
      });
      return { child, port };
    };

    it('on SIGTERM keeps answering within the drain window, then exits 1 with a warning when an answer had to be dropped', async () => {
      fake.reset();
      const { child, port } = await startApp({ SHUTDOWN_DRAIN_MS: '1500' });
      const output = collect(child);
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        const base = `http://127.0.0.1:${port}`;
        await eventually(() => output.stdout.includes('"event":"index_loaded"') && output.stdout.includes('"event":"bot_identity"'), 30_000, 'ready');
        // This answer never gets through: Slack hangs until long after the drain window.
        fake.failNext('chat.postMessage', { hang: true });
        await postEvent(`${base}/slack/events`, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0STUCK' })));
        await eventually(() => fake.calls('chat.postMessage', { includeFailed: true }).length > 0, 10_000, 'answer under way');
        child.kill('SIGTERM');
        await eventually(() => output.stdout.includes('"event":"stopping"'), 10_000, 'draining');

        // Still accepting while draining: a command is answered, an event is left for Slack to redeliver.
        const url = fake.responseUrl('during-drain');
        const command = await postCommand(`${base}/slack/events`, buildSlashCommand({ text: 'サイドカー', response_url: url }));
        expect(command.status).toBe(200);
        expect((await postEvent(`${base}/slack/events`, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` })))).status).toBe(503);
        expect((await fetch(`${base}/readyz`)).status).toBe(503);
        await fake.waitFor('response_url', (c) => c.path.endsWith('/during-drain'));

        expect(await exited).toBe(1);
        const stopped = output.stdout.split('\n').find((l) => l.includes('"event":"stopped"'));
        expect(JSON.parse(stopped!)).toMatchObject({ level: 'warn', drained: false, dropped: 1, drainMs: 1500 });
      } finally {
        child.kill('SIGKILL');
      }
    }, 60_000);

    it('on SIGTERM stops accepting, finishes the answer in flight and exits 0', async () => {
      fake.reset();
      const { child, port } = await startApp();
      const output = collect(child);
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        const base = `http://127.0.0.1:${port}`;
        await eventually(() => output.stdout.includes('"event":"index_loaded"') && output.stdout.includes('"event":"bot_identity"'), 30_000, 'index loaded');
        expect((await fetch(`${base}/readyz`)).status).toBe(200);

        // The answer is slow to post: SIGTERM arrives while it is in flight.
        fake.failNext('chat.postMessage', { delayMs: 1500 });
        const res = await postEvent(`${base}/slack/events`, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0SHUTDOWN' })));
        expect(res.status).toBe(200);
        await eventually(() => fake.calls('chat.postMessage', { includeFailed: true }).length > 0, 10_000, 'request under way');
        child.kill('SIGTERM');

        expect(await exited).toBe(0);
        expect(fake.calls('chat.postMessage').filter((c) => c.body.channel === 'C0SHUTDOWN')).toHaveLength(1);
        expect(output.stdout).toContain('"event":"stopped"');
        await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      } finally {
        child.kill('SIGKILL');
      }
    }, 60_000);
  });
});

function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return out;
}
