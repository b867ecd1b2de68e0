/**
 * Checks a question set against the corpus it was written from (format in shared/qa/README.md):
 * fields and their values, unique ids, titles that name an article, and evidence strings copied
 * verbatim: each occurs within one line of the corpus, and at least one within the named article
 * (an alternative may quote another article that gives the same answer). Pure: the caller reads
 * the files.
 */
import type { QaItem } from './metrics.js';

export interface CorpusArticleText {
  title: string;
  /** The article file's full text (front matter and body). */
  text: string;
}

const LANGS = new Set(['ja', 'en', 'mix']);
const KINDS = new Set(['definition', 'howto', 'fact', 'who', 'when', 'why', 'list', 'config', 'none']);
const EVIDENCE_MIN = 8;
const EVIDENCE_MAX = 40;

/** Problems found, one readable line each (`<id>: <what>`); empty when the set is sound. */
export function checkQaSet(items: readonly QaItem[], articles: readonly CorpusArticleText[]): string[] {
  const problems: string[] = [];
  const byTitle = new Map<string, string[][]>();
  const everyFile: string[][] = [];
  for (const a of articles) {
    const lines = a.text.split('\n');
    byTitle.set(a.title, [...(byTitle.get(a.title) ?? []), lines]);
    everyFile.push(lines);
  }
  const occursIn = (files: readonly string[][], e: string): boolean => files.some((lines) => lines.some((line) => line.includes(e)));
  const seen = new Set<string>();
  for (const item of items) {
    const id = typeof item.id === 'string' && item.id !== '' ? item.id : '(no id)';
    const report = (what: string): void => void problems.push(`${id}: ${what}`);
    if (seen.has(id)) report('duplicate id');
    seen.add(id);
    if (typeof item.q !== 'string' || item.q.trim() === '') report('empty question');
    if (!LANGS.has(item.lang)) report(`lang ${JSON.stringify(item.lang)} is not ja, en or mix`);
    if (!KINDS.has(item.kind)) report(`kind ${JSON.stringify(item.kind)} is not one of ${[...KINDS].join(', ')}`);
    if (item.title === null) {
      if (item.evidence.length > 0) report('unanswerable (title null) but has evidence');
      if (item.kind !== 'none') report('unanswerable (title null) but kind is not "none"');
      continue;
    }
    if (item.kind === 'none') report('kind "none" but title is set');
    const files = byTitle.get(item.title);
    if (!files) {
      report(`title ${JSON.stringify(item.title)} names no corpus article`);
      continue;
    }
    if (item.evidence.length < 1 || item.evidence.length > 3) report(`${item.evidence.length} evidence strings (1 to 3 expected)`);
    for (const e of item.evidence) {
      const length = [...e].length;
      if (length < EVIDENCE_MIN || length > EVIDENCE_MAX) report(`evidence ${JSON.stringify(e)} is ${length} characters (${EVIDENCE_MIN} to ${EVIDENCE_MAX} expected)`);
      if (/https?:\/\//.test(e)) report(`evidence ${JSON.stringify(e)} contains a URL`);
      if (!occursIn(everyFile, e)) report(`evidence ${JSON.stringify(e)} does not occur within one line of any corpus article`);
    }
    if (item.evidence.length > 0 && !item.evidence.some((e) => occursIn(files, e))) report(`no evidence string occurs within one line of "${item.title}"`);
  }
  return problems;
}
