// Worker entry when the app runs from TypeScript sources (tsx, vitest): worker threads do not
// inherit vitest's transform, so the task module is loaded through tsx's API (as
// src/index/rebuild-index-worker.mjs does). Compiled builds load bot-worker.js directly.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./bot-worker.ts', import.meta.url);
export default mod.default;
