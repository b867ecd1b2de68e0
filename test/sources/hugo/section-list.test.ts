import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedPage } from '../../../src/sources/hugo/build-page.js';
import { buildSectionList, readHugoTree } from '../../../src/sources/hugo/read-hugo-tree.js';

const page = (path: string, title: string, extra: Partial<ParsedPage['fm']> = {}): ParsedPage => ({
  path,
  file: `/site/${path}`,
  body: '',
  fm: { title, draft: false, headless: false, authors: [], translators: [], keys: ['title'], ...extra },
});

describe('buildSectionList (a docs section page with front matter only)', () => {
  const section = page('docs/concepts/storage/_index.md', 'ストレージ');
  const pages = [
    section,
    page('docs/concepts/storage/volumes.md', 'ボリューム', { description: 'Podの中の\nディレクトリ' }),
    page('docs/concepts/storage/snapshots/index.md', 'スナップショット'),
    page('docs/concepts/storage/snapshots/extra.md', 'バンドルの資源'),
    page('docs/concepts/storage/csi/_index.md', 'CSI'),
    page('docs/concepts/storage/csi/driver.md', 'ドライバー'),
    page('docs/concepts/storage/loose/deep.md', '_index のないフォルダーのページ'),
    page('docs/concepts/storage/draft.md', '下書き', { draft: true }),
    page('docs/concepts/workloads/pods.md', '別のセクション'),
  ];

  it('lists the pages Hugo puts in the section, with their descriptions', () => {
    const list = buildSectionList(section, pages)!;
    expect(list.split('\n')).toEqual(['- ボリューム: Podの中の ディレクトリ', '- スナップショット', '- CSI', '- _index のないフォルダーのページ']);
  });

  it('leaves out blog sections, the root, pages that are not sections, and sections with nothing under them', () => {
    expect(buildSectionList(page('blog/_index.md', 'ブログ'), [page('blog/_index.md', 'ブログ'), page('blog/_posts/2024-01-01-a.md', 'A')])).toBeUndefined();
    expect(buildSectionList(page('_index.md', 'ドキュメント'), [page('_index.md', 'ドキュメント'), page('docs/_index.md', 'Docs')])).toBeUndefined();
    expect(buildSectionList(pages[1]!, pages)).toBeUndefined();
    expect(buildSectionList(page('docs/concepts/configuration/_index.md', '設定'), pages)).toBeUndefined();
  });
});

describe('readHugoTree with an empty docs section page', () => {
  it('indexes it at its folder URL as the list of its pages, so its title finds a page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'section-list-'));
    await mkdir(join(dir, 'docs/concepts/policy'), { recursive: true });
    await mkdir(join(dir, 'blog'), { recursive: true });
    await writeFile(join(dir, 'docs/concepts/policy/_index.md'), '---\ntitle: "ポリシー"\nweight: 90\n---\n');
    await writeFile(join(dir, 'docs/concepts/policy/limit-range.md'), '---\ntitle: "Limit Range"\ndescription: "名前空間ごとの制限"\n---\n\n本文です。\n');
    await writeFile(join(dir, 'blog/_index.md'), '---\ntitle: "ブログ"\n---\n');
    const tree = await readHugoTree({ dir, baseUrl: 'https://kubernetes.io/ja/', sections: undefined, announce: ['blog'], sigsByPath: {} });
    const section = tree.articles.find((a) => a.url === 'https://kubernetes.io/ja/docs/concepts/policy/');
    expect(section).toMatchObject({ title: 'ポリシー' });
    expect(section!.body).toContain('Limit Range: 名前空間ごとの制限');
    expect(tree.report).toMatchObject({ sectionLists: 1, empty: 1 });
  });
});
