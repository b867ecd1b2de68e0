/**
 * Writes src/text/data/sudachi-synonyms.tsv from SudachiDict's synonym dictionary (npm
 * `sudachi-synonyms-dictionary`, Apache-2.0, a dev dependency): one synonym group a line,
 * forms separated by tabs, a form that must not trigger expansion (展開制御フラグ 1) prefixed
 * with `*`, forms never to be used (flag 2) and mistaken spellings (間違い) left out.
 *
 *   npx tsx scripts/generate-synonyms.ts
 *
 * The 14 MB JSON becomes ~1 MB of text the app reads at start; the run is reproducible
 * (groups in the dictionary's order), and the header records the package version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSynonymGroups, type SudachiGroup } from '../src/text/synonyms-format.js';

const require = createRequire(import.meta.url);
// The package exports only its loader, so its folder is found from the main entry.
const packageDir = dirname(require.resolve('sudachi-synonyms-dictionary'));
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const groups = JSON.parse(readFileSync(join(packageDir, 'sudachi-synonyms-dictionary.json'), 'utf8')) as SudachiGroup[];
const out = fileURLToPath(new URL('../src/text/data/sudachi-synonyms.tsv', import.meta.url));
const text = formatSynonymGroups(groups, `sudachi-synonyms-dictionary@${version} (SudachiDict synonyms, Apache-2.0, https://github.com/WorksApplications/SudachiDict)`);
writeFileSync(out, text);
process.stdout.write(`${out}: ${text.split('\n').length - 2} groups\n`);
