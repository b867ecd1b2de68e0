// Runs before every command that executes compiled code (the `pre*` scripts in package.json):
// compiles src/ → dist/ when dist/ is missing or older than a source file, so `npm run ask`
// works on a fresh clone and after an edit. In the image there is no src/: nothing to do.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
if (existsSync(src)) {
  const { build, STAMP } = await import('./build.mjs');
  const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -1;
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(root, f));
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) if (entry.isFile()) inputs.push(join(entry.parentPath, entry.name));
  const stale = inputs.some((file) => existsSync(file) && statSync(file).mtimeMs > builtAt);
  if (stale) {
    process.stderr.write(builtAt < 0 ? 'Compiling src/ → dist/ (first run, a few seconds)…\n' : 'Sources changed: recompiling src/ → dist/…\n');
    try {
      build();
    } catch (error) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  }
}
