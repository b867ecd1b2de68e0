/**
 * No Docker engine runs here, so the Dockerfile is kept honest by checking it against what
 * CI runs on a fresh clone: the same install and build commands, the same start command,
 * the port the app listens on, a non-root user and the health check path.
 */
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

  it('installs the way CI does and builds the index with the project script', () => {
    expect(ci).toMatch(/npm ci\b/);
    const runs = instructions('RUN');
    expect(runs).toContain('npm run build:index');
    for (const run of runs.filter((r) => r.startsWith('npm run '))) expect(scripts[run.split(' ')[2]!]).toBeDefined();
  });

  it('starts the app with the same command as npm start', () => {
    const [cmd] = instructions('CMD');
    expect((JSON.parse(cmd!) as string[]).join(' ')).toBe(scripts.start);
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
