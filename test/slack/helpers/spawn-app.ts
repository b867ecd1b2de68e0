/**
 * `npm start` as a real child process in HTTP mode on a free port (node --import tsx
 * src/app.ts), its JSON log lines collected: for tests that need several replicas or a kill.
 */
import { spawn } from 'node:child_process';
import { childEnv, REPO_ROOT } from '../../support/run-cli.js';
import { freePort } from './free-port.js';
import type { FakeSlackApi } from '../../support/fake-slack-api.js';
import { buildSlashCommand, postCommand, SIGNING_SECRET } from './slack-requests.js';
import { eventually } from '../../support/eventually.js';

export interface AppProcess {
  name: string;
  /** http://127.0.0.1:PORT */
  base: string;
  eventsUrl: string;
  /** Its complete JSON log lines so far. */
  logs(): Array<Record<string, any>>;
  readyz(): Promise<number>;
  /** Resolves once /readyz answers 200 (index loaded, bot identity known). */
  untilReady(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the process has exited (null after a signal it did not handle). */
  exited: Promise<number | null>;
  /** Sends `signal` and resolves once the process has exited; at once if it already has. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the app with `env` over a clean environment (no developer .env values leak in) and waits for its index. */
export async function spawnApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app.ts'], {
    cwd: REPO_ROOT,
    env: childEnv({
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DIGEST_CRON: '',
      LOG_LEVEL: 'info',
      PORT: String(port),
      ...env,
    }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // The last piece may be a line still being written: only lines ended by a newline are read.
  const logs = (): Array<Record<string, any>> =>
    stdout
      .split('\n')
      .slice(0, -1)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, any>);
  const base = `http://127.0.0.1:${port}`;
  const readyz = async (): Promise<number> => (await fetch(`${base}/readyz`)).status;
  try {
    await eventually(`${name}: index loaded`, () => logs().some((l) => l.event === 'index_loaded') || child.exitCode !== null, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${stderr}${stdout}`);
  return {
    name,
    base,
    eventsUrl: `${base}/slack/events`,
    logs,
    readyz,
    async untilReady(timeoutMs = 45_000) {
      await eventually(`${name} ready`, async () => (await readyz().catch(() => 0)) === 200, timeoutMs);
    },
    exited,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** A signed `/k8s <text>` to the app, and the body it posts to the command's response_url at the fake. */
export async function runCommand(app: AppProcess, fake: FakeSlackApi, text: string): Promise<Record<string, any>> {
  const responseUrl = fake.responseUrl();
  const res = await postCommand(app.eventsUrl, buildSlashCommand({ text, response_url: responseUrl }));
  if (res.status !== 200) throw new Error(`${app.name}: /k8s ${text} got ${res.status}`);
  return (await fake.waitFor('response_url', (c) => c.path === new URL(responseUrl).pathname, 20_000)).body;
}
