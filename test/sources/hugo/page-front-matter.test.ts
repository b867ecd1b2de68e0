import { describe, expect, it } from 'vitest';
import { names, parseHugoFrontMatter } from '../../../src/sources/hugo/page-front-matter.js';

const fm = (yaml: string) => parseHugoFrontMatter(`---\n${yaml}\n---\n本文\n`);

describe('parseHugoFrontMatter', () => {
  it('keeps a date as written, with or without a time, and rejects one that does not exist', () => {
    expect(fm('title: a\ndate: 2024-05-10T10:00:00+09:00')).toMatchObject({ ok: true, fm: { date: '2024-05-10' } });
    expect(fm('title: a\ndate: 2026-13-45')).toEqual({ ok: false, reason: expect.stringMatching(/"date" "2026-13-45" is not a real date/) });
    expect(fm('title: a')).toMatchObject({ ok: true, fm: { date: undefined } });
  });

  it('reads author and translator as a string, a list or a folded block', () => {
    expect(fm('title: a\nauthor: Jane Doe').ok && fm('title: a\nauthor: Jane Doe')).toMatchObject({ fm: { authors: ['Jane Doe'] } });
    expect(fm('title: a\nauthor: [A, B]')).toMatchObject({ fm: { authors: ['A', 'B'] } });
    expect(fm('title: a\nauthor: >\n  Jane (Example, Inc.),\n  John\ntranslator: 山田')).toMatchObject({ fm: { authors: ['Jane (Example, Inc.)', 'John'], translators: ['山田'] } });
    expect(names('A、B')).toEqual(['A', 'B']);
  });

  it('says why a page cannot be read: conflict markers, TOML, broken YAML, no front matter', () => {
    expect(parseHugoFrontMatter('---\ntitle: a\n---\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> main\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/conflict markers/) });
    expect(parseHugoFrontMatter('+++\ntitle = "a"\n+++\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/TOML/) });
    expect(fm('title: "a')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid YAML/) });
    expect(parseHugoFrontMatter('# 見出しだけ\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/no front matter/) });
  });

  it('reads draft and glossary fields', () => {
    expect(fm('title: a\ndraft: true\nid: pod\nshort_description: >\n  最小単位')).toMatchObject({ fm: { draft: true, id: 'pod', shortDescription: '最小単位' } });
  });
});
