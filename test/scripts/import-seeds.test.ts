import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { importableEntries, parseCatalog, type CatalogEntry } from '../../scripts/import/catalog.js';
import { convertSeeds, type CorpusFile } from '../../scripts/import/corpus.js';
import { parseListLine } from '../../scripts/import/lines.js';
import { splitLongParagraph } from '../../scripts/import/paragraphs.js';
import { stripChrome } from '../../scripts/import/plaintext.js';
import { readSeedDir } from '../../scripts/import/seed-dir.js';

const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const qaFile = new URL('../../../shared/qa/dev.jsonl', import.meta.url);
const corpusDir = new URL('../../corpus/', import.meta.url);

const { catalog, seeds } = readSeedDir(seedsDir);
const entries = importableEntries(parseCatalog(catalog));
const files = convertSeeds(catalog, seeds);
const byId = new Map(files.map((f) => [f.id, f]));

/** Text as the QA evidence rule sees it: NFKC, Markdown markup stripped, no whitespace. */
function plain(markdown: string): string {
  return markdown
    .normalize('NFKC')
    .replace(/!?\[([^\]]*)\]\((?:\([^)\s]*\)|[^)\s]*)\)/g, '$1') // [text](url) → text (also the seed's `((url))`)
    .replace(/\*\*/g, '')
    .replace(/`/g, '')
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|[-+][ \t]+|\d+\.[ \t]+)/gm, '') // heading / list markers
    .replace(/^[ \t]*\*(.*)\*[ \t]*$/gm, '$1') // italic caption lines
    .replace(/\s+/g, '');
}

function bodyOf(file: CorpusFile): string {
  return matter(file.content, {}).content;
}

/** Lines of the body outside fenced code. */
function proseLines(body: string): string[] {
  let inFence = false;
  return body.split('\n').filter((l) => {
    if (/^\s*(```|~~~)/.test(l)) {
      inFence = !inFence;
      return false;
    }
    return !inFence;
  });
}

function seedLines(entry: CatalogEntry): string[] {
  const all = (seeds.get(entry.seed) as string).split('\n');
  return all.slice(entry.lines[0] - 1, entry.lines[1]);
}

describe('import-seeds: corpus shape', () => {
  it('produces 18 articles with unique ids and urls, skipping the duplicate', () => {
    expect(files).toHaveLength(18);
    expect(new Set(files.map((f) => f.id)).size).toBe(18);
    expect(new Set(entries.map((e) => e.url)).size).toBe(18);
    expect(byId.has('2024-05-21-sig-node-spotlight-seed002')).toBe(false);
    expect(byId.has('2024-05-21-sig-node-spotlight')).toBe(true);
    for (const f of files) expect(f.fileName).toBe(`${f.id}.md`);
  });

  it('writes valid front matter: title, date as a quoted YYYY-MM-DD string, https url, lists', () => {
    for (const f of files) {
      const entry = entries.find((e) => e.id === f.id) as CatalogEntry;
      const { data, content } = matter(f.content, {});
      expect(data.title, f.id).toBe(entry.title);
      expect(typeof data.date, f.id).toBe('string'); // gray-matter (YAML 1.1) would make a Date of an unquoted one
      expect(data.date, f.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.content, f.id).toContain(`date: "${entry.date}"`);
      expect(new URL(data.url as string).protocol, f.id).toBe('https:');
      expect(data.url, f.id).toBe(entry.url);
      expect(data.authors, f.id).toEqual(entry.authors);
      expect(data.translators, f.id).toEqual(entry.translators);
      expect(data.sigs, f.id).toEqual(entry.sigs);
      expect(data.lang, f.id).toBe('ja');
      expect(content.trim().length, f.id).toBeGreaterThan(1000);
    }
  });
});

describe('import-seeds: wording is preserved', () => {
  const qa = readFileSync(qaFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; title: string | null; evidence: string[] });

  it('finds every dev.jsonl evidence string in the article its question names', () => {
    const answerable = qa.filter((q) => q.title !== null);
    expect(answerable.length).toBeGreaterThan(30);
    for (const q of answerable) {
      const entry = entries.find((e) => e.title === q.title);
      expect(entry, `${q.id}: no article titled ${q.title}`).toBeDefined();
      const text = plain(bodyOf(byId.get((entry as CatalogEntry).id) as CorpusFile));
      for (const ev of q.evidence) expect(text, `${q.id}: ${ev}`).toContain(plain(ev));
    }
  });

  it('keeps every line of article text of every seed', () => {
    for (const entry of entries) {
      const lines = seedLines(entry);
      const kept =
        lines[0]?.trim() === '---'
          ? lines.slice(lines.indexOf('---', 1) + 1) // Markdown seed: body after the front matter
          : stripChrome(lines, entry.title).map((l) => parseListLine(l)?.text ?? l);
      const text = plain(bodyOf(byId.get(entry.id) as CorpusFile));
      for (const line of kept) {
        if (line.trim() !== '') expect(text, `${entry.id}: ${line}`).toContain(plain(line));
      }
    }
  });

  it('splits long paragraphs only between sentences, never losing text', () => {
    const sample = 'これは文です。 次の文です!あれ?(括弧の中!)続き。';
    expect(splitLongParagraph(sample)).toEqual([sample]); // short: untouched
    fc.assert(
      fc.property(fc.array(fc.constantFrom('あ', 'a', '。', '!', '?', ' ', ')', '(', 'K', '、'), { maxLength: 900 }), (chars) => {
        const text = chars.join('').trim();
        const parts = splitLongParagraph(text);
        expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        for (const p of parts.slice(0, -1)) expect(p).toMatch(/[。!?！？]$/);
      }),
    );
  });
});

describe('import-seeds: Markdown structure', () => {
  it('closes every code fence and fences code of the plain-text seeds', () => {
    for (const f of files) {
      const fences = f.content.split('\n').filter((l) => /^\s*(```|~~~)/.test(l));
      expect(fences.length % 2, `${f.id}: unclosed fence`).toBe(0);
      // Manifests and configs never leak into prose.
      for (const l of proseLines(bodyOf(f))) expect(l, f.id).not.toMatch(/^(apiVersion|kind|evictionHard):/);
    }
    const fenced = (id: string, lang: string, needle: string): void => {
      const blocks = bodyOf(byId.get(id) as CorpusFile).split(/^```/m);
      expect(
        blocks.some((b) => b.startsWith(`${lang}\n`) && b.includes(needle)),
        `${id}: ${lang} block with ${needle}`,
      ).toBe(true);
    };
    fenced('2024-01-23-image-filesystem', 'yaml', 'kind: KubeletConfiguration\n');
    fenced('2024-01-23-image-filesystem', 'toml', '[storage]\n');
    fenced('2024-01-23-image-filesystem', 'shell', 'restorecon -R -v <YOUR-STORAGE-PATH>');
    fenced('2024-04-05-diy-create-your-own-cloud-with-kubernetes-part-1', 'yaml', 'outFormat: raw');
    fenced('2024-03-07-cri-o-seccomp-oci-artifacts', 'console', 'pod    0/1     CreateContainerError');
    fenced('2023-03-10-forensic-container-analysis', 'console', '[New LWP 1]'); // gdb output with blank lines
    fenced('2022-12-05-forensic-container-checkpointing', 'json', '"image":{');
  });

  it('turns section titles into headings, with sub-sections where the article has them', () => {
    const body = (id: string): string => bodyOf(byId.get(id) as CorpusFile);
    expect(body('2024-01-23-image-filesystem')).toMatch(/^## コンテナランタイムの構成\n\n### CRI-O$/m);
    expect(body('2024-03-12-mid-cycle-1-30')).toMatch(/^## Kubernetes v1.30の主な変更点\n\n### 動的なリソース割り当て/m);
    expect(body('2024-04-05-diy-create-your-own-cloud-with-kubernetes-part-3')).toMatch(
      /^## プロバイダーの選択\n\n### インフラストラクチャプロバイダー$/m,
    );
    expect(body('2024-05-21-sig-node-spotlight')).toMatch(/^## 結論$/m);
    // Captions are not headings, and a caption printed twice is kept once.
    const diy2 = body('2024-04-05-diy-create-your-own-cloud-with-kubernetes-part-2');
    expect(diy2).not.toMatch(/^#+ .*を示す図/m);
    expect(diy2.match(/計算ノードと通信する外部データストレージを示す図/g)).toHaveLength(1);
    expect(body('2024-06-06-10-years-of-kubernetes')).not.toMatch(/^#+ (KCSEU|KubeCon)/m);
  });

  it('writes lists as Markdown lists', () => {
    const zenn = bodyOf(byId.get('2023-07-20-zenn-kubernetes-upstream-catchup') as CorpusFile);
    expect(zenn).toContain('\n- コードを追うのは難しいですが、議論だけならスマホでも見ています。\n  - GitHub Mobile を最近使っています。\n    - ');
    const migration = bodyOf(byId.get('2024-05-20-cloud-provider-migration') as CorpusFile);
    expect(migration).toContain('\n1. クラウドコントローラーマネージャー (KEP-2392)\n2. ');
    for (const f of files) expect(bodyOf(f), f.id).not.toContain('•');
  });

  it('keeps <placeholders> in prose out of HTML by putting their run in a code span', () => {
    const analysis = bodyOf(byId.get('2023-03-10-forensic-container-analysis') as CorpusFile);
    expect(analysis).toContain('次に`/proc/<PID>/comm`を見ると');
    for (const f of files) {
      for (const l of proseLines(bodyOf(f))) expect(l.replace(/`[^`]*`/g, ''), f.id).not.toMatch(/<[A-Za-z][\w-]*>/);
    }
  });

  it('makes site-relative links of the Markdown seed absolute', () => {
    const node = bodyOf(byId.get('2024-05-21-sig-node-spotlight') as CorpusFile);
    expect(node).not.toMatch(/\]\(\(?\/ja/);
    expect(node).toContain('[サイドカーコンテナ](https://kubernetes.io/ja/docs/concepts/workloads/pods/sidecar-containers/)');
  });
});

describe('import-seeds: site chrome is left out', () => {
  it('has no banner, byline, date stamp, title line or Zenn footer in any body', () => {
    for (const f of files) {
      const body = bodyOf(f);
      const entry = entries.find((e) => e.id === f.id) as CatalogEntry;
      expect(body, f.id).not.toContain('現在表示しているのは');
      expect(body, f.id).not.toContain('積極的にメンテナンスされていません');
      expect(body, f.id).not.toMatch(/^(翻訳者|著者)\s*[:：]/m);
      expect(body, f.id).not.toMatch(/^Discussion$/m);
      expect(body, f.id).not.toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}に公開$/m);
      expect(body, f.id).not.toMatch(/^👀$/m);
      expect(body.trimStart().split('\n')[0], f.id).not.toBe(entry.title);
      expect(body, f.id).not.toMatch(/^layout: blog$/m); // Hugo front matter of the Markdown seed
    }
  });
});

describe('import-seeds: reproducible', () => {
  it('gives identical output when run twice', () => {
    const again = convertSeeds(catalog, readSeedDir(seedsDir).seeds);
    expect(again).toEqual(files);
  });

  it('matches the committed corpus files', () => {
    for (const f of files) {
      expect(readFileSync(new URL(f.fileName, corpusDir), 'utf8'), f.fileName).toBe(f.content);
    }
  });
});
