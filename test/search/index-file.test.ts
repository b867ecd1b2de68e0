import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexData } from '../../src/search/index-data.js';
import { IndexFileError, openIndexFile, readIndexFile, writeIndexFile } from '../../src/search/index-file.js';
import { buildIndexFromCorpus } from '../../src/search/load-index.js';
import { MINISEARCH_OPTIONS, type IndexedPassage } from '../../src/search/options.js';
import { RANKING_CORPUS } from '../support/build-fixture.js';

let work: string;
let data: IndexData;
let path: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-file-'));
  data = (await buildIndexFromCorpus(RANKING_CORPUS, { strict: true })).data;
  path = join(work, 'index.json');
  await writeIndexFile(path, data);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the index file', () => {
  it('is one JSON document whose miniSearch member MiniSearch itself loads and searches', async () => {
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(file.manifest).toEqual(data.manifest);
    expect(file.passages).toEqual(data.passages);
    expect(file.articles).toEqual(data.articles);
    const miniSearch = MiniSearch.loadJSON<IndexedPassage>(JSON.stringify(file.miniSearch), MINISEARCH_OPTIONS);
    expect(miniSearch.documentCount).toBe(data.passages.length);
    const term = data.miniSearch.index.find(([t]) => t === 'サイドカー')?.[0] ?? data.miniSearch.index[0]![0];
    const hits = miniSearch.search(term, { tokenize: (s) => [s], processTerm: (t) => t });
    expect(hits.length).toBe(data.documentFrequency[term]);
  });

});

// The app reads the file whole (its workers share the bytes); the command-line tools open it in place.
describe.each([
  ['read whole', readIndexFile],
  ['opened in place', openIndexFile],
] as const)('the index file %s', (_, readIndexFile) => {
  it('reads back every passage, term count and posting without parsing the whole file', async () => {
    const reader = await readIndexFile(path);
    expect(reader.bytes.equals(await readFile(path))).toBe(true);
    expect(reader.manifest).toEqual(data.manifest);
    expect(reader.articles).toEqual(data.articles);
    expect(reader.channels).toEqual(data.channels);
    expect(reader.passageCount).toBe(data.passages.length);
    data.passages.forEach((p, i) => expect(reader.passage(i)).toEqual(p));
    for (const [term, postings] of data.miniSearch.index) {
      expect(reader.postings(term)).toEqual(postings);
      expect(reader.documentFrequency(term)).toBe(data.documentFrequency[term]);
    }
    expect(reader.documentFrequency('ない言葉ですxyz')).toBe(0);
    expect(reader.postings('ない言葉ですxyz')).toBeUndefined();
  });

  it('keeps passages with any text intact: emoji, quotes, backslashes, non-BMP characters', async () => {
    const tricky = { ...data, passages: data.passages.map((p, i) => (i === 0 ? { ...p, text: 'a "quoted" \\ 😀 𠮷野家\n改行\u2028' } : p)) };
    const trickyPath = join(work, 'tricky.json');
    await writeIndexFile(trickyPath, tricky);
    expect((await readIndexFile(trickyPath)).passage(0)).toEqual(tricky.passages[0]);
  });

  it('refuses a truncated file, a file of another version and a file that is not an index, saying so', async () => {
    const bytes = await readFile(path);
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['truncated.json', bytes.subarray(0, bytes.length - 10), /truncated/],
      ['old.json', JSON.stringify({ manifest: { schemaVersion: 2 }, passages: [], miniSearch: {} }), /another version/],
      ['other-schema.json', bytes.toString('utf8').replace(/"schemaVersion":\d+/, '"schemaVersion":999'), /another version.*schema 999/],
      ['garbage.json', '{"truncated": ', /another version/],
    ];
    for (const [name, content, message] of cases) {
      const p = join(work, name);
      await writeFile(p, content);
      const error = await readIndexFile(p).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(IndexFileError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).toMatch(/npm run build:index/);
    }
    await expect(readIndexFile(join(work, 'missing.json'))).rejects.toThrow(/no index at/);
  });

  it('goes on reading the file it opened when a rebuilt index is renamed over it', async () => {
    const own = join(work, `replaced-${_.replace(/ /g, '-')}.json`);
    await writeIndexFile(own, data);
    const reader = await readIndexFile(own);
    const other = { ...data, passages: data.passages.map((p) => ({ ...p, text: `rebuilt ${p.text}` })) };
    await writeIndexFile(`${own}.new`, other);
    await rename(`${own}.new`, own);
    data.passages.forEach((p, i) => expect(reader.passage(i)).toEqual(p));
    expect((await readIndexFile(own)).passage(0).text).toBe(`rebuilt ${data.passages[0]!.text}`);
  });
});
