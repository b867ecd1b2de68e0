/**
 * The README's "How the code is laid out" table is the rule for imports between the folders of
 * src/: every relative import crossing folders must be one its row allows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/run-cli.js';

const SHARED = new Set(['config', 'logger', 'text-style', 'write-file-atomic']);

function readAllowed(): Map<string, Set<string> | 'anything'> {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How the code is laid out'), readme.indexOf('## Configuration'));
  const allowed = new Map<string, Set<string> | 'anything'>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([\w-]+)(?:\/|\.ts)`$/.exec(cells[1] ?? '')?.[1];
    if (!name || cells.length < 5) continue;
    const may = cells[3]!;
    allowed.set(name, may === 'anything' ? 'anything' : new Set([...may.matchAll(/`([\w-]+)\/`/g)].map((m) => m[1]!)));
  }
  return allowed;
}

function readImports(): Array<{ file: string; from: string; to: string }> {
  const src = join(REPO_ROOT, 'src');
  const top = (path: string): string => path.split('/')[0]!.replace(/\.(ts|js|mjs)$/, '');
  const out: Array<{ file: string; from: string; to: string }> = [];
  for (const file of readdirSync(src, { recursive: true }) as string[]) {
    if (!/\.(ts|mjs)$/.test(file)) continue;
    for (const m of readFileSync(join(src, file), 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(file), m[1]!));
      if (top(target) !== top(file)) out.push({ file, from: top(file), to: top(target) });
    }
  }
  return out;
}

describe('src/ layout', () => {
  const allowed = readAllowed();

  it('has a README row for every folder and top-level file of src/', () => {
    const entries = readdirSync(join(REPO_ROOT, 'src'), { withFileTypes: true }).map((e) => e.name.replace(/\.ts$/, ''));
    for (const entry of entries) if (!SHARED.has(entry) || entry === 'config') expect([...allowed.keys()], entry).toContain(entry);
  });

  it('imports across folders only what the README allows', () => {
    const broken = readImports().filter(({ from, to }) => {
      const rule = allowed.get(from);
      return !SHARED.has(to) && rule !== 'anything' && !rule?.has(to);
    });
    expect(broken.map((b) => `${b.file} imports ${b.to}/`)).toEqual([]);
  });

  it('never imports cli/ or app.ts from elsewhere', () => {
    expect(readImports().filter((i) => (i.to === 'cli' || i.to === 'app') && i.from !== 'cli')).toEqual([]);
  });
});
