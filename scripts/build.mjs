// `npm run build`: src/ → dist/ with tsc (tsconfig.build.json), then every file under src/ that
// is not TypeScript (glossary.yml, the worker's .mjs, other data read at run time next to the
// code through import.meta.url) copied to the same place under dist/. Compiled into a fresh
// folder that replaces dist/ whole, so a file removed from src/ never lingers in dist/.
// Plain JavaScript: it runs before there is anything compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(root, 'dist');
export const STAMP = join(DIST, '.build-stamp');

export function build() {
  const tmp = join(root, `.dist-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp], { stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${result.status ?? result.signal}); dist/ left as it was`);
  }
  const src = join(root, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
    const from = join(entry.parentPath, entry.name);
    cpSync(from, join(tmp, relative(src, from)));
    // Glossaries also go parsed (readGlossaryFile in src/text/glossary.ts): YAML costs ~60 ms at start-up, JSON ~1.
    if (/^glossary.*\.yml$/.test(entry.name)) writeFileSync(join(tmp, relative(src, from)).replace(/\.yml$/, '.json'), JSON.stringify(parse(readFileSync(from, 'utf8'))));
  }
  writeFileSync(join(tmp, '.build-stamp'), `${new Date().toISOString()}\n`);
  rmSync(DIST, { recursive: true, force: true });
  try {
    renameSync(tmp, DIST);
  } catch (error) {
    // Another build (a parallel first run) put its dist/ in place first: it is as fresh as ours.
    rmSync(tmp, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build();
    process.stderr.write(`Compiled src/ → ${relative(process.cwd(), DIST) || 'dist'}/\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

