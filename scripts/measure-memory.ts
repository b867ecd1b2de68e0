/**
 * `npm run measure:memory [-- COUNT]`: peak and steady resident memory of the compiled app
 * (`node dist/app.js`, HTTP mode, Slack calls pointed at a closed port) serving the real corpus,
 * then a synthetic corpus of COUNT articles (default 1,000, about the size of kubernetes/website
 * content/ja) that it indexes at start in its worker thread. The figures behind the resource
 * requests and limits in deploy/kubernetes/deployment.yaml.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticArticles, toCorpusFile } from '../src/bench/synthetic.js';
import { readCorpus } from '../src/corpus/read-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function measure(label: string, corpusDir: string, indexPath: string): Promise<void> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/app.js'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'xoxb-measure', SLACK_SIGNING_SECRET: 'measure', SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: String(port), CORPUS_DIR: corpusDir, INDEX_PATH: indexPath, DIGEST_CRON: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  let peakDuringBuild = 0;
  const status = async (): Promise<{ rss: number; hwm: number }> => {
    const text = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  };
  while (!out.includes('"event":"index_loaded"')) {
    if (child.exitCode !== null) throw new Error(`${label}: the app exited (${child.exitCode})\n${out}`);
    peakDuringBuild = Math.max(peakDuringBuild, (await status()).rss);
    await new Promise((r) => setTimeout(r, 100));
  }
  const ready = Date.now() - started;
  await new Promise((r) => setTimeout(r, 2000));
  const after = await status();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  const built = out.includes('"event":"index_building"') ? 'built at start in the worker' : 'saved index reused';
  console.log(`| ${label} | ${built} | ${(ready / 1000).toFixed(1)} s | ${after.hwm.toFixed(0)} MB | ${after.rss.toFixed(0)} MB |`);
}

const count = Number(process.argv[2] ?? 1000);
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const dir = await mkdtemp(join(tmpdir(), 'k8s-bot-memory-'));
try {
  console.log('| corpus | index | start to ready | peak RSS (VmHWM) | RSS when ready |\n| --- | --- | --- | --- | --- |');
  const real = join(root, 'corpus');
  await measure('real (corpus/)', real, join(dir, 'real-index.json'));
  await measure('real (corpus/), second start', real, join(dir, 'real-index.json'));
  const synthetic = join(dir, 'synthetic');
  await mkdir(synthetic);
  const { articles } = await readCorpus(real);
  for (const a of generateSyntheticArticles(articles, { count, seed: 42 })) await writeFile(join(synthetic, `${a.id}.md`), toCorpusFile(a));
  await copyFile(join(real, 'channels.yml'), join(synthetic, 'channels.yml'));
  await measure(`synthetic (${count.toLocaleString('en')} articles)`, synthetic, join(dir, 'synthetic-index.json'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
