/**
 * The one text analyser, shared by the build step and by queries.
 *
 * Japanese has no spaces, so it combines three views of a text:
 * - words: ICU dictionary segmentation (Intl.Segmenter) for Japanese; for Latin script,
 *   identifiers are kept whole (`kube-controller-manager`, `KEP-753`, `v1.30`,
 *   `restartPolicy`) and also split into their parts (`kube`, `controller`, `restart`, …);
 * - bigrams: overlapping character pairs of kanji/katakana runs, which find compounds the
 *   segmenter splits differently in a question and in an article (初コミット / 最初のコミット);
 * - concepts: glossary entries (`~sidecar` for サイドカー and sidecar), so either script
 *   finds the same passages.
 */
import { foldKatakana, foldPlural, normalizeText } from './normalize.js';
import { STOPWORDS } from './stopwords.js';
import { readFileSync } from 'node:fs';
import { Glossary, GLOSSARY_FILE, parseGlossary, type GlossarySegment } from './glossary.js';

export type TermKind = 'word' | 'ident' | 'bigram' | 'concept';

export interface Term {
  term: string;
  kind: TermKind;
}

/** Concept terms are prefixed so they never collide with a word of the same spelling. */
export const CONCEPT_PREFIX = '~';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Latin-script identifiers, with the punctuation that holds them together.
const RUN = /([A-Za-z0-9][A-Za-z0-9_.\-/:]*)|([^\sA-Za-z0-9\p{P}\p{S}]+)/gu;
const KANJI_KATAKANA = /^[\p{Script=Han}\p{Script=Katakana}ー々]$/u;
const VERSION = /^v?(\d+(?:\.\d+)+)$/;

let glossaryCache: Glossary | undefined;

/** The glossary in `src/text/glossary.yml`, its forms segmented by this analyser. */
export function defaultGlossary(): Glossary {
  glossaryCache ??= createGlossary(parseGlossary(readFileSync(GLOSSARY_FILE, 'utf8'), GLOSSARY_FILE.pathname));
  return glossaryCache;
}

export function createGlossary(entries: string[][]): Glossary {
  return new Glossary(entries, (form) => {
    const segments: GlossarySegment[] = [];
    analyseInto(form, [], segments);
    return segments;
  });
}

export function analyse(text: string, glossary: Glossary = defaultGlossary()): Term[] {
  const terms: Term[] = [];
  const segments: GlossarySegment[] = [];
  analyseInto(text, terms, segments);
  for (const concept of glossary.findConcepts(segments)) {
    terms.push({ term: CONCEPT_PREFIX + concept, kind: 'concept' });
  }
  return terms;
}

function analyseInto(text: string, terms: Term[], segments: GlossarySegment[]): void {
  const nfkc = text.normalize('NFKC');
  for (const match of nfkc.matchAll(RUN)) {
    if (match[1] !== undefined) analyseLatin(match[1], terms, segments);
    else if (match[2] !== undefined) analyseJapanese(match[2].toLowerCase(), terms, segments);
  }
}

/** The terms as MiniSearch wants them: strings, repeated as often as they occur. */
export function tokenize(text: string): string[] {
  return analyse(text).map((t) => t.term);
}

function analyseLatin(raw: string, terms: Term[], segments: GlossarySegment[]): void {
  const ident = raw.replace(/[_.\-/:]+$/, '');
  if (ident === '') return;
  const lower = ident.toLowerCase();
  const parts = splitIdentifier(ident);
  const compound = parts.length > 1;
  const version = VERSION.exec(lower);
  if (version?.[1] !== undefined) {
    // `v1.30` and `1.30` are the same release; their parts say nothing on their own.
    terms.push({ term: `v${version[1]}`, kind: 'ident' }, { term: version[1], kind: 'ident' });
    segments.push({ text: lower, latin: true });
    return;
  }
  const single = foldPlural(lower);
  if (compound) terms.push({ term: lower, kind: 'ident' });
  else if (!STOPWORDS.has(single)) terms.push({ term: single, kind: 'word' });
  for (const part of parts) {
    segments.push({ text: part, latin: true });
    if (compound && !STOPWORDS.has(part)) terms.push({ term: part, kind: 'word' });
  }
}

/** Splits `kube-controller-manager`, `restartPolicy`, `node.kubernetes.io/not-ready` into lower-case parts. */
export function splitIdentifier(ident: string): string[] {
  return ident
    .split(/[_.\-/:]+/)
    .flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .map((p) => foldPlural(p.toLowerCase()))
    .filter((p) => p.length > 0);
}

function analyseJapanese(run: string, terms: Term[], segments: GlossarySegment[]): void {
  let bigramRun = '';
  const flush = (): void => {
    if (bigramRun.length >= 3) {
      for (let i = 0; i + 2 <= bigramRun.length; i++) terms.push({ term: bigramRun.slice(i, i + 2), kind: 'bigram' });
    }
    bigramRun = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (!isWordLike) {
      flush();
      continue;
    }
    const word = foldKatakana(segment);
    segments.push({ text: word, latin: false });
    if (!STOPWORDS.has(word)) terms.push({ term: word, kind: 'word' });
    if ([...segment].every((c) => KANJI_KATAKANA.test(c))) {
      // Prolonged sound marks are dropped so that katakana spelling variants share bigrams.
      bigramRun += segment.replace(/ー/g, '');
    } else {
      flush();
    }
  }
  flush();
}

export { normalizeText };
