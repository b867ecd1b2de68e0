// Worker thread entry for rebuildIndex: plain JavaScript so it starts under any runner (tsx,
// vitest), loading the TypeScript through tsx's API.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { rebuildIndex } = await tsImport('./rebuild-index.ts', import.meta.url);
const result = await rebuildIndex(workerData);
// The index bytes are handed over, not copied (a Buffer from encodeIndex owns its ArrayBuffer).
parentPort.postMessage(result, result.ok ? [result.index.buffer] : []);
