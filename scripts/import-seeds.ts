/**
 * Converts the raw article seeds into one Markdown file per article.
 *
 *   npx tsx scripts/import-seeds.ts [--seeds ../shared/seeds] [--out corpus]
 *
 * Defaults are relative to the repository root; given paths are relative to the working directory.
 * The conversion itself lives in scripts/import/ (pure functions); this file only does the I/O.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertSeeds } from './import/corpus.js';
import { readSeedDir } from './import/seed-dir.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  seeds: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { seeds: resolve(repoRoot, '../shared/seeds'), out: resolve(repoRoot, 'corpus') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--seeds' || flag === '--out') && value !== undefined) {
      opts[flag === '--seeds' ? 'seeds' : 'out'] = resolve(value);
      i++;
    } else {
      throw new Error(`usage: import-seeds [--seeds DIR] [--out DIR] (unexpected "${flag ?? ''}")`);
    }
  }
  return opts;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const { catalog, seeds } = readSeedDir(opts.seeds);
  const files = convertSeeds(catalog, seeds);
  mkdirSync(opts.out, { recursive: true });
  for (const f of files) writeFileSync(join(opts.out, f.fileName), f.content, 'utf8');

  // Never delete: just point out files this run did not produce (renamed or hand-written ones).
  const produced = new Set(files.map((f) => f.fileName));
  const extra = readdirSync(opts.out).filter((n) => n.endsWith('.md') && !produced.has(n));
  console.log(`wrote ${files.length} articles to ${opts.out}`);
  if (extra.length > 0) console.warn(`not produced by this import: ${extra.join(', ')}`);
}

try {
  main();
} catch (err) {
  console.error(`import-seeds: ${(err as Error).message}`);
  process.exit(1);
}
