import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `catalog.yml` and every `*.txt` seed of a directory (the only I/O the conversion needs). */
export function readSeedDir(dir: string): { catalog: string; seeds: Map<string, string> } {
  const seeds = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    seeds.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return { catalog: readFileSync(join(dir, 'catalog.yml'), 'utf8'), seeds };
}
