/**
 * No Docker engine runs here, so the Dockerfile is kept honest by checking it against what
 * CI runs on a fresh clone: the same install and build commands, the same start command,
 * the port the app listens on, a non-root user and the health check path.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dockerfile: string;
let scripts: Record<string, string>;
let ci: string;

const instructions = (name: string): string[] =>
  dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.startsWith(`${name} `))
    .map((l) => l.slice(name.length + 1).trim());

beforeAll(async () => {
  dockerfile = await readFile(`${root}/Dockerfile`, 'utf8');
  scripts = JSON.parse(await readFile(`${root}/package.json`, 'utf8')).scripts;
  ci = await readFile(`${root}/.ci/run`, 'utf8');
});

describe('Dockerfile', () => {
  it('is multi-stage: builds with dev dependencies, runs with production ones', () => {
    expect(instructions('FROM')).toHaveLength(2);
    expect(instructions('RUN')).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b/), expect.stringMatching(/^npm prune --omit=dev\b/)]));
  });

  it('installs the way CI does, compiles, then builds the index with the compiled code', () => {
    expect(ci).toMatch(/npm ci\b/);
    const runs = instructions('RUN');
    expect(runs.indexOf('npm run build')).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run build:index')).toBeGreaterThan(runs.indexOf('npm run build'));
    expect(runs.indexOf('npm prune --omit=dev --no-audit --no-fund')).toBeGreaterThan(runs.indexOf('npm run build:index'));
    for (const run of runs.filter((r) => r.startsWith('npm run '))) expect(scripts[run.split(' ')[2]!]).toBeDefined();
    expect(scripts['build:index']).toMatch(/^exec node dist\//);
  });

  it('copies what the compile step reads into the build stage, and what the compiled app reads into the image', () => {
    const copies = instructions('COPY').join('\n');
    for (const input of ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'src']) expect(copies).toContain(input);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    // The npm scripts' pre-step runs in the image too.
    expect(runtime).toContain('scripts/build-if-stale.mjs');
    expect(runtime).not.toMatch(/\/app\/src\b/);
  });

  it('starts the app with the command npm start runs (without the shell exec), compiled, no TypeScript loader', () => {
    const [cmd] = instructions('CMD');
    const argv = JSON.parse(cmd!) as string[];
    expect(argv).toEqual(['node', 'dist/app.js']);
    expect(scripts.start).toBe(`exec ${argv.join(' ')}`);
  });

  it('runs every operator command compiled, from a source file that exists', () => {
    for (const name of ['start', 'ask', 'digest', 'build:index', 'shell']) {
      const match = /^exec node dist\/(.+)\.js$/.exec(scripts[name] ?? '');
      expect(match, name).not.toBeNull();
      expect(existsSync(`${root}/src/${match![1]}.ts`), name).toBe(true);
      expect(scripts[`pre${name}`], name).toBe('node scripts/build-if-stale.mjs');
    }
    expect(scripts.sync).toBe('exec node dist/cli/sync.js');
  });

  it('keeps TypeScript tooling out of the production dependencies', async () => {
    const pkg = JSON.parse(await readFile(`${root}/package.json`, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const tool of ['tsx', 'esbuild', 'typescript']) expect(Object.keys(pkg.dependencies)).not.toContain(tool);
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['tsx', 'typescript']));
  });

  it('exposes the default port, runs as a non-root user and checks /healthz', () => {
    expect(instructions('EXPOSE')).toEqual(['3000']);
    expect(instructions('ENV').join(' ')).toMatch(/PORT=3000/);
    expect(instructions('USER')).toEqual(['node']);
    expect(instructions('HEALTHCHECK')[0]).toContain('/healthz');
  });

  it('keeps tests and local data out of the build context', async () => {
    const ignore = (await readFile(`${root}/.dockerignore`, 'utf8')).split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['node_modules', 'data', 'test', '.env']));
  });
});
