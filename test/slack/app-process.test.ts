/**
 * `npm start` as a real process (node --import tsx src/app.ts): a configuration error is one
 * clear message and a non-zero exit; SIGTERM lets the answer in flight finish, then exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT, startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { runCli } from '../support/run-cli.js';
import { spawnApp, type AppProcess } from './helpers/spawn-app.js';
import { SMALL_CORPUS } from './helpers/test-app.js';
import { buildEventEnvelope, buildMention, buildSlashCommand, postCommand, postEvent } from './helpers/slack-requests.js';
import { eventually } from '../support/eventually.js';

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

    const startApp = (env: Record<string, string> = {}): Promise<AppProcess> =>
      spawnApp('app', { SLACK_BOT_TOKEN: 'xoxb-process-test', SLACK_API_URL: fake.apiUrl, CORPUS_DIR: SMALL_CORPUS, INDEX_PATH: join(dir, 'index.json'), ...env });
    const logged = (app: AppProcess, event: string): boolean => app.logs().some((l) => l.event === event);

    it('on SIGTERM keeps answering within the drain window, then exits 1 with a warning when an answer had to be dropped', async () => {
      fake.reset();
      const app = await startApp({ SHUTDOWN_DRAIN_MS: '1500' });
      try {
        await eventually('ready', () => logged(app, 'index_loaded') && logged(app, 'bot_identity'), 30_000);
        // This answer never gets through: Slack hangs until long after the drain window.
        fake.failNext('chat.postMessage', { hang: true });
        await postEvent(app.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0STUCK' })));
        await eventually('answer under way', () => fake.calls('chat.postMessage', { includeFailed: true }).length > 0, 10_000);
        void app.kill('SIGTERM');
        await eventually('draining', () => logged(app, 'stopping'), 10_000);

        // Still accepting while draining: a command is answered, an event is left for Slack to redeliver.
        const url = fake.responseUrl('during-drain');
        const command = await postCommand(app.eventsUrl, buildSlashCommand({ text: 'サイドカー', response_url: url }));
        expect(command.status).toBe(200);
        expect((await postEvent(app.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー` })))).status).toBe(503);
        expect(await app.readyz()).toBe(503);
        await fake.waitFor('response_url', (c) => c.path.endsWith('/during-drain'));

        expect(await app.exited).toBe(1);
        const stopped = app.logs().find((l) => l.event === 'stopped');
        expect(stopped).toMatchObject({ level: 'warn', drained: false, dropped: 1, drainMs: 1500 });
      } finally {
        await app.kill('SIGKILL');
      }
    }, 60_000);

    it('on SIGTERM stops accepting, finishes the answer in flight and exits 0', async () => {
      fake.reset();
      const app = await startApp();
      try {
        await eventually('index loaded', () => logged(app, 'index_loaded') && logged(app, 'bot_identity'), 30_000);
        expect(await app.readyz()).toBe(200);

        // The answer is slow to post: SIGTERM arrives while it is in flight.
        fake.failNext('chat.postMessage', { delayMs: 1500 });
        const res = await postEvent(app.eventsUrl, buildEventEnvelope(buildMention({ text: `<@${FAKE_BOT.userId}> サイドカー`, channel: 'C0SHUTDOWN' })));
        expect(res.status).toBe(200);
        await eventually('request under way', () => fake.calls('chat.postMessage', { includeFailed: true }).length > 0, 10_000);
        void app.kill('SIGTERM');

        expect(await app.exited).toBe(0);
        expect(fake.calls('chat.postMessage').filter((c) => c.body.channel === 'C0SHUTDOWN')).toHaveLength(1);
        expect(app.logs().map((l) => l.event)).toContain('stopped');
        await expect(fetch(`${app.base}/healthz`)).rejects.toThrow();
      } finally {
        await app.kill('SIGKILL');
      }
    }, 60_000);
  });
});
