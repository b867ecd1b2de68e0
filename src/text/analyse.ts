/**
 * The one text analyser, shared by the build step and by queries.
 *
 * Japanese has no spaces, so it combines two views of a text:
 * - words: ICU dictionary segmentation (Intl.Segmenter) for Japanese, katakana fragments
 *   re-joined and compounds also kept whole; for Latin script, identifiers are kept whole
 *   (`kube-controller-manager`, `KEP-753`, `v1.30`, `restartPolicy`) and also split into
 *   their parts (`kube`, `controller`, `restart`, …);
 * - concepts: glossary entries (`~sidecar` for サイドカー and sidecar), so either script
 *   finds the same passages.
 * Character bigrams were measured too (npm run compare:analysers and eval): on top of these
 * they changed no hit@3, made unanswerable questions look answerable, and doubled the index.
 */
import { foldKatakana, foldPlural, normalizeText } from './normalize.js';
import { STOPWORDS } from './stopwords.js';
import { Glossary, GLOSSARY_FILE, K8S_GLOSSARY_FILE, readGlossaryFile, type GlossarySegment } from './glossary.js';

export type TermKind = 'word' | 'ident' | 'concept';

export interface Term {
  term: string;
  kind: TermKind;
  /** Set for a part of a compound word or identifier (`loop` of `CrashLoopBackOff`, リリース of リリースシャドウ). */
  partOf?: PartOf;
}

/** The compound term a part belongs to, and the share of it the part stands for. */
export interface PartOf {
  whole: string;
  share: number;
}

/** Concept terms are prefixed so they never collide with a word of the same spelling. */
export const CONCEPT_PREFIX = '~';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Latin-script identifiers, with the punctuation that holds them together.
const RUN = /([A-Za-z0-9][A-Za-z0-9_.\-/:]*(?:['’][A-Za-z]{1,2}(?![A-Za-z]))?)|([^\sA-Za-z0-9\p{P}\p{S}]+)/gu;
/** An English contraction's ending (shouldn't, it's, we're): the word is the part before it. */
const CONTRACTION = /^([A-Za-z]+)['’](t|s|re|ve|ll|d|m)$/i;
const VERSION = /^v?(\d+(?:\.\d+)+)$/;

let glossaryCache: Glossary | undefined;

/**
 * The hand-written glossary (`src/text/glossary.yml`) and the one generated from the
 * Kubernetes glossary (`glossary-k8s.yml`), their forms segmented by this analyser. An entry
 * of both whose first form is the same is one concept with the forms of both.
 */
export function defaultGlossary(): Glossary {
  glossaryCache ??= createGlossary(
    [GLOSSARY_FILE, K8S_GLOSSARY_FILE].flatMap(readGlossaryFile),
  );
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

/** An acronym's plural (PDBs, CRDs, APIs): the acronym, not a CamelCase identifier PD + Bs. */
const ACRONYM_PLURAL = /^([A-Z][A-Z0-9]+)s$/;

/** shouldn't → should, can't → can, won't → will, it's → it; anything else as written. */
function withoutContraction(raw: string): string {
  const m = CONTRACTION.exec(raw);
  if (!m) return raw.replace(/['’].*$/, '');
  const [, base, ending] = m as unknown as [string, string, string];
  if (ending.toLowerCase() !== 't') return base;
  if (/^won$/i.test(base)) return 'will';
  return /n$/i.test(base) && !/^can$/i.test(base) ? base.slice(0, -1) : base;
}

function analyseLatin(run: string, terms: Term[], segments: GlossarySegment[]): void {
  const raw = withoutContraction(run);
  const ident = raw.replace(/[_.\-/:]+$/, '').replace(ACRONYM_PLURAL, '$1');
  if (ident === '') return;
  const lower = ident.toLowerCase();
  const parts = splitIdentifier(ident);
  const compound = parts.length > 1;
  const version = VERSION.exec(lower);
  if (version?.[1] !== undefined) {
    // `v1.30` and `1.30` are the same release; their parts say nothing on their own.
    // A version number is also an instance of the concept "version" (何バージョンから / which version).
    // Both spellings are one release: the bare number is part of the v-form, all of it.
    terms.push({ term: `v${version[1]}`, kind: 'ident' }, { term: version[1], kind: 'ident', partOf: { whole: `v${version[1]}`, share: 1 } }, { term: `${CONCEPT_PREFIX}version`, kind: 'concept' });
    segments.push({ text: lower, latin: true });
    return;
  }
  const single = foldPlural(lower);
  if (compound) terms.push({ term: lower, kind: 'ident' });
  else if (!STOPWORDS.has(lower) && !STOPWORDS.has(single)) terms.push({ term: single, kind: 'word' });
  for (const part of parts) {
    segments.push({ text: part, latin: true });
    // A one-letter part (the o of cri-o) says nothing on its own.
    if (compound && part.length > 1 && !STOPWORDS.has(part)) terms.push({ term: part, kind: 'word', partOf: { whole: lower, share: 1 / parts.length } });
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

const KATAKANA_RUN = /[\p{Script=Katakana}ー]+|[^\p{Script=Katakana}ー]+/gu;
const IS_KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const IS_HAN = /^\p{Script=Han}+$/u;
/** Longer kanji runs are phrases, not words. */
const MAX_KANJI_COMPOUND = 6;

function analyseJapanese(run: string, terms: Term[], segments: GlossarySegment[]): void {
  const compounds: Term[] = [];
  for (const piece of japaneseWords(run, compounds)) {
    if (piece === null) continue;
    const { word, partOf } = piece;
    segments.push({ text: word, latin: false });
    // Short all-hiragana words are grammar (particles, inflection), not topic.
    if (!STOPWORDS.has(word) && !(word.length <= 2 && HIRAGANA_ONLY.test(word))) terms.push({ term: word, kind: 'word', ...(partOf ? { partOf } : {}) });
  }
  terms.push(...compounds);
}

/**
 * Words of a Japanese run in reading order (null marks a break). The dictionary sometimes
 * cuts a katakana word into fragments (クラ|ウド): consecutive fragments are joined again.
 */
function* japaneseWords(run: string, compounds: Term[]): Generator<{ word: string; partOf?: PartOf } | null> {
  for (const [part] of run.matchAll(KATAKANA_RUN)) {
    if (!IS_KATAKANA.test(part)) {
      const segs = [...segmenter.segment(part)];
      const wholes = kanjiCompounds(segs);
      for (const whole of new Set(wholes.values())) compounds.push({ term: whole.term, kind: 'word' });
      for (const [i, { segment, isWordLike }] of segs.entries()) {
        const whole = wholes.get(i);
        yield isWordLike ? { word: segment, ...(whole ? { partOf: { whole: whole.term, share: 1 / whole.pieces } } : {}) } : null;
      }
      continue;
    }
    const pieces = [...segmenter.segment(part)].filter((s) => s.isWordLike).map((s) => s.segment);
    const words = joinFragments(pieces);
    // A compound (クラウドコントローラーマネージャー) is also a word of its own, and so is each
    // pair of neighbours (リリースシャドウ in リリースシャドウプログラム), which a short question
    // may spell as one word. Its words are its parts; a pair adds nothing its two words do not.
    const folded = words.map(foldKatakana);
    const whole = foldKatakana(part);
    if (words.length > 1) compounds.push({ term: whole, kind: 'word' });
    if (words.length > 2) for (let i = 0; i + 1 < folded.length; i++) compounds.push({ term: folded[i]! + folded[i + 1]!, kind: 'word', partOf: { whole, share: 0 } });
    for (const word of folded) yield words.length > 1 ? { word, partOf: { whole, share: 1 / words.length } } : { word };
  }
}

/**
 * A kanji compound the dictionary cut around a single kanji (非|推奨, 保存|先, 使用|率) is also a
 * word of its own, so the question's compound finds the article's; its pieces are its parts.
 * Returns the compound each segment belongs to, by segment index. Measured with npm run eval:
 * dev unchanged; holdout hit@1 0.708 → 0.729, abstention 0.67 → 0.75, hit@3 0.833 → 0.813.
 */
function kanjiCompounds(segments: readonly Intl.SegmentData[]): Map<number, { term: string; pieces: number }> {
  const wholes = new Map<number, { term: string; pieces: number }>();
  let run: number[] = [];
  const flush = (): void => {
    const pieces = run.map((i) => segments[i]!.segment);
    const term = pieces.join('');
    if (pieces.length > 1 && pieces.some((w) => w.length === 1) && term.length <= MAX_KANJI_COMPOUND) {
      const whole = { term, pieces: pieces.length };
      for (const i of run) wholes.set(i, whole);
    }
    run = [];
  };
  segments.forEach(({ segment, isWordLike }, i) => {
    if (isWordLike && IS_HAN.test(segment)) run.push(i);
    else flush();
  });
  flush();
  return wholes;
}

/**
 * Joins the one- and two-character fragments the dictionary cuts from a katakana word back
 * onto their neighbours: クラ|ウド|コントローラー → クラウド|コントローラー, リ|ストア → リストア,
 * レジスト|リ → レジストリ.
 */
export function joinFragments(pieces: readonly string[]): string[] {
  const words: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    if (piece.length < 3) {
      pending += piece;
      continue;
    }
    if (pending.length >= 3) words.push(pending);
    words.push(pending.length >= 3 ? piece : pending + piece);
    pending = '';
  }
  if (pending !== '') {
    if (pending.length < 3 && words.length > 0) words[words.length - 1] += pending;
    else words.push(pending);
  }
  return words;
}

export { normalizeText };
