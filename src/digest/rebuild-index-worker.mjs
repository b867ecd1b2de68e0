// Worker thread entry for rebuildIndex: plain JavaScript so it starts under any runner (tsx,
// vitest), loading the TypeScript through tsx's API.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { rebuildIndex } = await tsImport('./rebuild-index.ts', import.meta.url);
parentPort.postMessage(await rebuildIndex(workerData));
