// Worker thread entry for rebuildIndex: plain JavaScript so it starts under any runner. Compiled
// (dist/, where `npm run build` copies this file beside rebuild-index.js) it imports the
// JavaScript; from src/ (tsx, vitest) it loads the TypeScript through tsx's API, a dev dependency.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const compiled = new URL('./rebuild-index.js', import.meta.url);
const { rebuildIndex } = existsSync(compiled)
  ? await import(compiled.href)
  : await (await import('tsx/esm/api')).tsImport('./rebuild-index.ts', import.meta.url);
const result = await rebuildIndex(workerData);
// The index bytes are handed over, not copied (a Buffer from encodeIndex owns its ArrayBuffer).
parentPort.postMessage(result, result.ok ? [result.index.buffer] : []);
