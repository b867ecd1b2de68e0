import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourcesYaml, SourcesFileError } from '../../src/sources/parse-sources.js';
import { readSourcesFile } from '../../src/sources/sources-file.js';

const problemsOf = (text: string): string[] => {
  try {
    parseSourcesYaml(text, 'sources.yml');
  } catch (error) {
    if (error instanceof SourcesFileError) return error.problems.map((p) => `line ${p.line}: ${p.message}`);
    throw error;
  }
  return [];
};

describe('parseSourcesYaml', () => {
  it('reads the documented example with its defaults', () => {
    const spec = parseSourcesYaml(
      ['hugo:', '  - dir: /git/website/content/ja', '    base_url: https://kubernetes.io/ja/', '    sections: [docs, blog]', '    sigs_by_path:', '      docs/concepts/storage: [sig-storage]', 'feeds:', '  - url: https://kubernetes.io/ja/feed.xml', '  - url: https://zenn.dev/topics/kubernetes/feed', '    sigs: [sig-node]'].join('\n'),
      'sources.yml',
    );
    expect(spec.hugo).toEqual([
      { dir: '/git/website/content/ja', dirLine: 2, baseUrl: 'https://kubernetes.io/ja/', sections: ['docs', 'blog'], announce: ['blog'], sigsByPath: { 'docs/concepts/storage': ['sig-storage'] } },
    ]);
    expect(spec.feeds).toEqual([
      { url: 'https://kubernetes.io/ja/feed.xml', sigs: [] },
      { url: 'https://zenn.dev/topics/kubernetes/feed', sigs: ['sig-node'] },
    ]);
  });

  it('names the line of an unknown key, a missing url and a missing dir, all at once', () => {
    const text = ['hugo:', '  - dir: /x', '    sectons: [docs]', '  - base_url: https://kubernetes.io/ja/', 'feeds:', '  - sigs: [sig-node]', 'feed: []'].join('\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^line 3: .*unknown key "sectons"/),
      expect.stringMatching(/^line 4: .*needs "dir"/),
      expect.stringMatching(/^line 6: .*needs "url"/),
      expect.stringMatching(/^line 7: .*unknown key "feed"/),
    ]);
  });

  it('reports broken YAML with its line rather than throwing a parser error', () => {
    expect(problemsOf('hugo:\n  - dir: /x\n    sections: [docs\n')).toEqual([expect.stringMatching(/^line \d: not valid YAML/)]);
  });

  it('an empty file means no sources', () => {
    expect(parseSourcesYaml('', 'sources.yml')).toEqual({ hugo: [], feeds: [] });
  });
});

describe('readSourcesFile', () => {
  it('is undefined when the corpus has no sources.yml, and an error when SOURCES_FILE names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sources-'));
    await expect(readSourcesFile(dir)).resolves.toBeUndefined();
    await expect(readSourcesFile(dir, join(dir, 'nope.yml'))).rejects.toThrow(/nope\.yml.*cannot be read/s);
  });

  it('resolves dir against the file and reports a dir that does not exist with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sources-'));
    await mkdir(join(dir, 'website', 'content', 'ja'), { recursive: true });
    await writeFile(join(dir, 'sources.yml'), 'hugo:\n  - dir: website/content/ja\n');
    const read = await readSourcesFile(dir);
    expect(read?.hugo[0]).toMatchObject({ dir: join(dir, 'website', 'content', 'ja'), baseUrl: 'https://kubernetes.io/ja/', sections: undefined, announce: ['blog'] });
    await writeFile(join(dir, 'other.yml'), 'feeds: []\nhugo:\n  - dir: /no/such/website/content/ja\n');
    await expect(readSourcesFile(dir, join(dir, 'other.yml'))).rejects.toThrow(/other\.yml.*line 3: hugo "dir" "\/no\/such\/website\/content\/ja" is not a directory/s);
  });
});
