import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledGlossaryFile, readGlossaryFile } from '../../src/text/glossary.js';

async function glossaryPair(yaml: string, json: string | undefined, jsonNewer: boolean): Promise<URL> {
  const dir = await mkdtemp(join(tmpdir(), 'glossary-file-'));
  const file = pathToFileURL(join(dir, 'glossary.yml'));
  await writeFile(file, yaml);
  if (json !== undefined) {
    await writeFile(compiledGlossaryFile(file), json);
    const [older, newer] = [new Date(Date.now() - 60_000), new Date()];
    await utimes(file, jsonNewer ? older : newer, jsonNewer ? older : newer);
    await utimes(compiledGlossaryFile(file), jsonNewer ? newer : older, jsonNewer ? newer : older);
  }
  return file;
}

describe('text/glossary file', () => {
  it('reads the parsed copy the build stored when it is as new as the YAML', async () => {
    const file = await glossaryPair('- [sidecar, サイドカー]\n', JSON.stringify([['sidecar', 'サイドカー', 'サイドカー・コンテナ']]), true);
    expect(readGlossaryFile(file)).toEqual([['sidecar', 'サイドカー', 'サイドカー・コンテナ']]);
  });

  it('reads the YAML when it was edited after the build, or when there is no parsed copy', async () => {
    const edited = await glossaryPair('- [sidecar, サイドカー, 側車]\n', JSON.stringify([['sidecar', 'サイドカー']]), false);
    expect(readGlossaryFile(edited)).toEqual([['sidecar', 'サイドカー', '側車']]);
    expect(readGlossaryFile(await glossaryPair('- [pod, ポッド]\n', undefined, false))).toEqual([['pod', 'ポッド']]);
  });

  it('checks the parsed copy as it checks the YAML: an entry of one form is an error naming the file', async () => {
    const file = await glossaryPair('- [pod, ポッド]\n', JSON.stringify([['pod']]), true);
    expect(() => readGlossaryFile(file)).toThrow(/entry 1 of .*glossary\.json must list two or more non-empty forms/);
  });
});
