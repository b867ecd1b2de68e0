import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/corpus/chunk.js';
import { parseBlocks, plainInline } from '../../src/corpus/markdown.js';
import { splitSentences } from '../../src/corpus/sentences.js';

const article = (body: string) => ({ id: 'a', body });

describe('chunkArticle', () => {
  it('gives each passage its heading path', () => {
    const passages = chunkArticle(article('前書きです。\n\n## 第一章\n\n本文です。\n\n### 小節\n\n詳細です。\n\n## 第二章\n\n別の話です。'));
    expect(passages.map((p) => [p.sectionPath, p.text])).toEqual([
      [[], '前書きです。'],
      [['第一章'], '本文です。'],
      [['第一章', '小節'], '詳細です。'],
      [['第二章'], '別の話です。'],
    ]);
  });

  it('splits a long paragraph between sentences, never inside one', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `これは${i}番目の文で、ある程度の長さを持たせるために言葉を足しています。`);
    const passages = chunkArticle(article(sentences.join('')), { maxChars: 120, minChars: 0 });
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(120);
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(passages.map((p) => p.text).join('')).toBe(sentences.join(''));
  });

  it('never splits a code block, and keeps it with the sentence that introduces it', () => {
    const code = Array.from({ length: 30 }, (_, i) => `line${i}: value`).join('\n');
    const passages = chunkArticle(article(`次の設定を使います:\n\n\`\`\`yaml\n${code}\n\`\`\`\n\n後書きです。`), { maxChars: 100 });
    const withCode = passages.find((p) => p.text.includes('line0'));
    expect(withCode?.text).toContain('次の設定を使います:');
    expect(withCode?.text).toContain('line29: value');
  });

  it('records where each code block sits in the passage text, line breaks kept', () => {
    const [passage] = chunkArticle({ id: 'a', body: 'マニフェストの例です:\n\n```yaml\napiVersion: v1\nkind: Pod\n```\n\n続きの文です。' });
    expect(passage!.code).toHaveLength(1);
    const [start, end] = passage!.code![0]!;
    expect(passage!.text.slice(start, end)).toBe('apiVersion: v1\nkind: Pod');
  });

  it('keeps a question with its answer', () => {
    const answer = '回答です。'.repeat(10);
    const passages = chunkArticle(article(`前の話です。${'あ'.repeat(80)}\n\n質問は何ですか？\n\n${answer}`), { maxChars: 100 });
    expect(passages.some((p) => p.text.includes('質問は何ですか？') && p.text.includes('回答です。'))).toBe(true);
  });

  it('joins a fragment of a few sentences to the passage before it in its section', () => {
    const long = 'この節の本文です。'.repeat(100);
    const fragment = '残りの一文です。';
    const passages = chunkArticle(article(`## 節\n\n${long}\n\n${fragment}\n\n## 次の節\n\n別の話です。`));
    expect(passages.map((p) => [p.sectionPath, p.text])).toEqual([
      [['節'], `${long}\n${fragment}`],
      [['次の節'], '別の話です。'],
    ]);
  });

  it("joins a section's short opening line to the passage after it, code offsets kept", () => {
    const output = Array.from({ length: 60 }, (_, i) => `row ${i} | value`).join('\n');
    const [passage, ...rest] = chunkArticle(article(`## 出力\n\n情報を得るにはこのようにツールを使用します。\n\n\`\`\`\n${output}\n\`\`\``));
    expect(rest).toEqual([]);
    expect(passage!.text.startsWith('情報を得るにはこのようにツールを使用します。\n')).toBe(true);
    const [start, end] = passage!.code![0]!;
    expect(passage!.text.slice(start, end)).toBe(output);
  });

  it("joins a section's opening line to the code it introduces however long the code", () => {
    const output = Array.from({ length: 150 }, (_, i) => `row ${i} | value`).join('\n');
    const passages = chunkArticle(article(`## 出力\n\n情報を得るにはこのようにツールを使用します。\n\n\`\`\`\n${output}\n\`\`\`\n\n${'これによって情報が分かります。'.repeat(30)}`));
    expect(output.length).toBeGreaterThan(1350);
    expect(passages[0]!.text.startsWith('情報を得るにはこのようにツールを使用します。\nrow 0 | value')).toBe(true);
    expect(passages.filter((p) => p.text.includes('このようにツール'))).toHaveLength(1);
  });

  it('leaves a fragment alone when joining would pass 1.5 times the size limit', () => {
    const fragment = `${'い'.repeat(300)}。`;
    const long = chunkArticle(article(`${'あ'.repeat(1100)}。\n\n${fragment}`));
    expect(long.map((p) => p.text.length)).toEqual([1101, 301]);
    const full = chunkArticle(article(`${'あ'.repeat(850)}。\n\n${fragment}`));
    expect(full.map((p) => p.text.length)).toEqual([851 + 1 + 301]);
  });

  it('removes Markdown syntax but not wording', () => {
    const [p] = chunkArticle(article('**Arpit:** [サイドカー](https://x.example/)の`restartPolicy`を*設定*します。\n\n- 項目1\n- 項目2'));
    expect(p?.text).toBe('Arpit: サイドカーのrestartPolicyを設定します。\n項目1\n項目2');
  });
});

describe('plainInline', () => {
  it('keeps placeholders inside code spans', () => {
    expect(plainInline('`/proc/<PID>/comm` と <b>太字</b>')).toBe('/proc/<PID>/comm と 太字');
  });
});

describe('parseBlocks', () => {
  it('treats an unclosed fence as code to the end', () => {
    expect(parseBlocks('```\ncode\nmore').map((b) => b.kind)).toEqual(['code']);
  });
});

describe('splitSentences', () => {
  it('splits Japanese and English sentences and keeps versions whole', () => {
    expect(splitSentences('v1.30で導入。次の文！ English here. Done')).toEqual(['v1.30で導入。', '次の文！ ', 'English here. ', 'Done']);
  });
});
