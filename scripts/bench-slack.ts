/**
 * `npm run bench:slack`: acks under load. Starts the real app (`node --import tsx src/app.ts`,
 * HTTP mode, the worker pool, every check) as its own process against the fake Slack Web API on
 * loopback, sends N signed slash commands at concurrency C, each on a fresh TCP connection (as
 * Slack's requests arrive), and reports:
 *
 * - ack latency (connect + request + the app's 200) p50/p95/p99/max and acks over 3 s;
 * - whether every command was answered exactly once (response_url posts counted at the fake).
 *
 *   npm run bench:slack [-- --requests 1000 --concurrency 50 --corpus corpus --threads 1 --app-root ../main]
 *
 * The load comes from undici with a new Client (one connection) per request rather than
 * autocannon: autocannon keeps connections open (its latency leaves out connecting, which is
 * where a blocked event loop shows), and every request needs its own signature and response_url.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from 'undici';
import { percentile } from '../src/bench/stats.js';
import { startFakeSlackApi } from '../test/support/fake-slack-api.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'bench-signing-secret';
const ACK_LIMIT_MS = 3000;

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    corpus: { type: 'string', default: 'corpus' },
    threads: { type: 'string' },
    warmup: { type: 'string', default: '20' },
    // Another checkout's app under the same load (e.g. ../main, for a before/after comparison).
    'app-root': { type: 'string' },
  },
});
const total = Number(args.requests);
const concurrency = Number(args.concurrency);
const warmup = Number(args.warmup);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function readQuestions(): Promise<string[]> {
  const lines = (await readFile(join(ROOT, 'qa/holdout.jsonl'), 'utf8')).split('\n').filter((l) => l.trim());
  return lines.map((l) => (JSON.parse(l) as { q: string }).q);
}

function signedCommand(text: string, responseUrl: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({ command: '/k8s', text, response_url: responseUrl, user_id: 'U0BENCH', channel_id: 'C0BENCH', team_id: 'T0001', trigger_id: responseUrl }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } };
}

/** One command on its own connection; resolves with the ack's status and latency. */
async function send(origin: string, text: string, responseUrl: string): Promise<{ status: number; ms: number }> {
  const { body, headers } = signedCommand(text, responseUrl);
  const started = performance.now();
  const client = new Client(origin, { pipelining: 0 });
  try {
    const res = await client.request({ path: '/slack/events', method: 'POST', headers, body });
    await res.body.dump();
    return { status: res.statusCode, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const fake = await startFakeSlackApi();
  const dir = await mkdtemp(join(tmpdir(), 'k8s-bench-slack-'));
  const port = await freePort();
  // The app's log lines go to a file, as a container runtime takes them: a pipe read by this
  // busy process would fill up and stall the app's (synchronous) logging instead.
  const logFd = openSync(join(dir, 'app.log'), 'w');
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), '--import', 'tsx', 'src/app.ts'], {
    cwd: args['app-root'] ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      CORPUS_DIR: args.corpus!,
      INDEX_PATH: join(dir, 'index.json'),
      DIGEST_CRON: '',
      LOG_LEVEL: 'info',
      ...(args.threads ? { ANSWER_THREADS: args.threads } : {}),
    },
    stdio: ['ignore', logFd, 'inherit'],
  });
  closeSync(logFd);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = await fetch(`${origin}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error('the app did not become ready within 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const questions = await readQuestions();
    for (let i = 0; i < warmup; i++) await send(origin, questions[i % questions.length]!, fake.responseUrl(`warm${i}`));
    await fake.waitForCount('response_url', warmup, undefined, 30_000).catch(() => undefined);
    fake.reset();

    const load = loadavg()[0]!.toFixed(1);
    const results: Array<{ status: number; ms: number }> = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          results[i] = await send(origin, questions[i % questions.length]!, fake.responseUrl(`b${i}`));
        }
      }),
    );
    const sendMs = performance.now() - started;

    // Every command's answer, then a moment more for any duplicate.
    const answered = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const c of fake.calls('response_url')) counts.set(c.path, (counts.get(c.path) ?? 0) + 1);
      return counts;
    };
    const waitUntil = Date.now() + 60_000;
    while (answered().size < total && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 100));
    const allAnsweredMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    const counts = answered();

    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
    const over = sorted.filter((ms) => ms > ACK_LIMIT_MS).length;
    const failed = results.filter((r) => r.status !== 200).length;
    const once = [...counts.values()].filter((n) => n === 1).length;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    const missing = total - counts.size;
    const p99 = percentile(sorted, 99);
    const lines = [
      `bench:slack — ${total} signed slash commands, concurrency ${concurrency}, a fresh connection each; corpus ${args.corpus}; ${warmup} warm-up commands not counted; ${availableParallelism()} cores, load average ${load} at the start`,
      `| ack p50 | ack p95 | ack p99 | ack max | acks > 3 s | non-200 | answered once | duplicated | missing | all sent | all answered |`,
      `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
      `| ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(p99)} | ${fmt(sorted.at(-1)!)} | ${over} | ${failed} | ${once} | ${duplicated} | ${missing} | ${(sendMs / 1000).toFixed(1)} s | ${(allAnsweredMs / 1000).toFixed(1)} s |`,
      '',
      `no ack over 3 s: ${over === 0 ? 'PASS' : 'FAIL'}; p99 ≤ 1 s: ${p99 <= 1000 ? 'PASS' : 'FAIL'}; every command answered exactly once: ${once === total ? 'PASS' : 'FAIL'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = over === 0 && p99 <= 1000 && once === total && failed === 0 ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:slack failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
