/**
 * A real redis-server for tests: started on 127.0.0.1 on a free port with persistence off, ready
 * once it answers PING, killed after. Under CI=true a missing or broken redis-server fails the
 * suite; elsewhere the Redis-backed tests are skipped (test/support/redis-global-setup.ts says
 * so once, loudly).
 *
 *   describe.skipIf(!REDIS_INSTALLED)('…', () => {
 *     let redis: RedisServer;
 *     beforeAll(async () => (redis = await startRedisServer()));
 *     afterAll(() => redis.stop());
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../slack/helpers/free-port.js';

export const REDIS_PACKAGE = 'redis-server';
export const IN_CI = process.env.CI === 'true';

/** Whether `redis-server` can be run here. */
export const REDIS_INSTALLED = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:PORT/0 */
  url: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: persistence is off). */
  restart(): Promise<void>;
  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connected but not answering. */
  pause(): void;
  resume(): void;
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!REDIS_INSTALLED) throw new Error(`redis-server is not installed: apt-get install -y ${REDIS_PACKAGE}`);
  const port = await freePort();
  let child = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    stop: () => terminate(child),
    async restart() {
      await terminate(child);
      child = await launch(port);
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d: Buffer) => done(d.toString().startsWith('+PONG')));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGCONT');
    child.kill('SIGTERM');
  });
}
