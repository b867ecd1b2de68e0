/**
 * Unknown entities: what a question names that the corpus lacks. A question about
 * "Karpenter NodePools" or "AppArmor" may share every other word with the corpus (configure,
 * profile, CRI-O) and look answerable by word overlap; when something it names appears in no
 * passage, heading, title, longer identifier or glossary concept, the corpus cannot answer it.
 * A word the corpus never uses is a name only when it is not an ordinary English or Japanese
 * word (the shipped word lists): ordinary words are paraphrase or filler (configure,
 * ゲートウェイ, 教えてほしい), and weigh nothing in coverage either (see fillerTerms). A glossary
 * concept is a topic, though: one the question names whose every spelling the corpus lacks
 * (backup / バックアップ) is an unknown entity.
 */
import { splitIdentifier } from '../text/analyse.js';
import { capitalisedNames, phrasePattern } from './phrases.js';
import { foldKatakana, foldPlural, normalizeFolded, normalizeText } from '../text/normalize.js';
import { ordinaryWords, type WordList } from '../text/ordinary-words.js';
import { STOPWORDS } from '../text/stopwords.js';
import { termWeight, type AnalysedQuery, type QueryTerm } from './query.js';
import { onlyAsContext } from './own-setup.js';

export interface EntityLookup {
  /** Passages whose headings or text contain the term. */
  documentFrequency(term: string): number;
  /** Whether an article title contains the text (normalised, katakana folded). */
  inTitle(text: string): boolean;
  /** Whether the term names the site an article was published on (zenn of zenn.dev): "the Zenn write-up" is that article. */
  isSiteName?(term: string): boolean;
  /** Whether an indexed term contains the text inside a longer one (a dotted or CamelCase identifier). */
  inLongerTerm(text: string): boolean;
  /** Indexed terms holding the text inside a longer one (ログロテション for ロテション), a few at most. */
  longerTermsWith(text: string): string[];
  /** Whether the words occur together in a title, heading or passage (phrases.ts). */
  containsPhrase(words: readonly string[]): boolean;
}

const LATIN = /^[a-z][a-z0-9]*$/;
const LATIN_IDENT = /^[a-z0-9]+(?:[.\-_/:][a-z0-9]+)+$/;
const HAS_LETTER = /[a-z]/;
const CAMEL_CASE = /[a-z][A-Z]/;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const KANJI = /^[\p{Script=Han}々]+$/u;
const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+$/u;
/** Shorter Latin strings occur inside longer terms by chance. */
const MIN_INNER_LENGTH = 4;
/** Shorter katakana runs are often pieces of words the analyser cut (ゾン of ゾーンごと). */
const MIN_LOANWORD_LENGTH = 3;

/** The question's terms that name something the corpus lacks, spelled as the question spells them. */
export function findUnknownEntities(question: string, query: AnalysedQuery, lookup: EntityLookup, words: WordList = ordinaryWords()): string[] {
  const known = (term: string): boolean => lookup.documentFrequency(term) > 0;
  const unknown: string[] = [];
  for (const group of query.groups) {
    // A command-line flag (--container-runtime-endpoint) is spelled one way or not at all: no
    // other member of its idea (cri-dockerd, sharing ~container-runtime), no ordinary words and
    // no parts found apart vouch for one the corpus never writes.
    // (A misspelt flag's correction, a known term a typo away, does: --enable-criu-suport.)
    const corrects = (flag: string): boolean => group.terms.some((other) => other !== flag && known(other) && editDistanceWithin(flag, other, typoDistance(flag)) <= typoDistance(flag));
    const flags = group.terms.filter((term) => writtenAsFlag(question, term) && !known(term) && !corrects(term));
    if (flags.length > 0) {
      unknown.push(...flags.map((term) => surfaceOf(question, term)));
      continue;
    }
    // A whole member the corpus has (the word itself, its glossary concept, a synonym, a typo's
    // correction from expandQuery) vouches for the group.
    if (group.terms.some((term) => known(term) && group.parts?.[term] === undefined)) continue;
    // A glossary concept is a named topic: the question names it, and no spelling of it is in the corpus.
    const concept = group.terms.find((term) => query.terms.find((q) => q.term === term)?.kind === 'concept' && group.parts?.[term] === undefined);
    // A spelling in a title counts: titles are not indexed with the passages (サイドカーコンテナの紹介).
    if (concept && !group.terms.some(known) && !group.terms.some((term) => !term.startsWith('~') && lookup.inTitle(normalizeFolded(term)))) {
      const spelled = group.terms.find((term) => term !== concept && group.parts?.[term] === undefined);
      unknown.push(surfaceOf(question, spelled ?? concept.slice(1)));
      continue;
    }
    for (const term of group.terms) {
      const t = query.terms.find((q) => q.term === term);
      // A katakana word names a thing (ローテーション, リサイズ) even when ordinary: everyday
      // paraphrase in Japanese is written in kanji and kana, so a loanword the corpus never uses is a missing topic.
      // Not one given as an example of something else (パスワードみたいな文字列, a password-like string): the head noun is the topic.
      const loanword = KATAKANA.test(term) && term.length >= MIN_LOANWORD_LENGTH && !givenAsExample(question, surfaceOf(question, term));
      // So does an English word a Japanese question writes in Latin letters (Cozystack の license):
      // the writer chose the term over the Japanese for it, and no spelling of it is in the corpus.
      // Beside another Latin word it is a modifier of an English phrase (worker node, PDB violation), whose head answers.
      // Not one given as an example (password とか, license など): the thing asked about is another.
      // Capitalised it is a product's name (Volatilityみたいなツール, ZoomとかMeet), an example or not;
      // before な it is an adjective (declarative なやり方), describing the thing asked about.
      const latin = surfaceOf(question, term);
      // Nor one naming the form the asker wants the answer in (bullet で教えて, year と month で知りたい)
      // or a thing of the asker's own (社内wiki で紹介する): neither is what the question is about.
      const latinTerm = LATIN.test(term) && term.length >= MIN_INNER_LENGTH && HAS_JAPANESE.test(question) && standsAlone(question, latin) && (/^[A-Z]/.test(latin) || !givenAsExample(question, latin, LATIN_EXAMPLE_MARKER)) && !NA_ADJECTIVE.test(around(question, latin)?.after ?? '') && (/^[A-Z]/.test(latin) || !namesFormOrOwnThing(question, latin));
      if (!t || !isEntityCandidate(t) || known(term) || (!loanword && !latinTerm && (isOrdinaryTerm(t, query, words) || isCutVerb(question, term, words) || isClosedCompound(surfaceOf(question, term), words)))) continue;
      if (!loanword && correctionIn(term, query, known) !== undefined) continue;
      // A word before 系 names a kind of thing (DB 系のオペレーター, MQ 系とか): the thing asked about is that kind's member.
      if (KIND_SUFFIX.test(around(question, surfaceOf(question, term))?.after ?? '')) continue;
      // A unit after a number (500 GB, 30 s) measures the asker's situation; it names nothing.
      if (UNIT.test(surfaceOf(question, term)) && /\d\s*$/u.test(around(question, surfaceOf(question, term))?.before ?? '')) continue;
      // A compound whose every part the corpus has (kube-style, NodePool as node pool) is spelled otherwise there.
      // (Its pieces, not the overlapping spans the analyser adds at no weight: セルフホスト of セルフホストレジストリ.)
      const parts = query.terms.filter((p) => p.partOf?.whole === term && p.partOf.share > 0);
      // A CamelCase one must have them together: NetworkPolicy is not named by "network" and "policy" apart.
      const surface = surfaceOf(question, term);
      // Or all but its first, a qualifier of a phrase the corpus writes (imagePullSecrets, as "pull secrets").
      const pieces = CAMEL_CASE.test(surface) ? splitIdentifier(surface) : [];
      if (parts.length > 1 && parts.every((p) => known(p.term)) && (!CAMEL_CASE.test(surface) || lookup.containsPhrase(pieces) || (pieces.length >= 3 && lookup.containsPhrase(pieces.slice(1))))) continue;
      // A hyphenated word of a known name and ordinary words (PXE-based, kube-style) is that name, said so.
      if (parts.length > 1 && surface.includes('-') && !CAMEL_CASE.test(surface) && parts.some((p) => known(p.term) && !isOrdinaryTerm(p, query, words)) && parts.every((p) => known(p.term) || isOrdinaryTerm(p, query, words))) continue;
      if (lookup.inTitle(normalizeFolded(term)) || lookup.isSiteName?.(term)) continue;
      // A lower-case word one slip from an ordinary one (diffrent) is that word misspelt, not a name.
      if (!loanword && surface.length >= MIN_SLIP_LENGTH && /^[a-z]+$/.test(surface) && !words.has(surface) && ordinaryWordsNear(surface, words).length > 0) continue;
      // Two letters swapped (laod, teh) is a slip at any length: few names are an ordinary word so scrambled;
      // a long word two edits from one (reccomend) is one too, as typoDistance allows against the corpus.
      if (!loanword && /^[a-z]{4,}$/.test(surface) && !words.has(surface) && (swappedWordsNear(surface, words).length > 0 || ordinaryWordsWithinTwo(surface, words))) continue;
      if (loanword ? inCompoundAsAsked(term, query, lookup) : term.length >= MIN_INNER_LENGTH && lookup.inLongerTerm(term)) continue;
      if (!loanword && LATIN_IDENT.test(term) && misspeltIdentifier(surface, words, (text) => known(text) || lookup.inLongerTerm(text))) continue;
      unknown.push(surfaceOf(question, term));
    }
  }
  for (const name of capitalisedNames(question)) {
    // A word of it reported on its own says enough; ordinary words the corpus lacks (Vertical) are part of the name.
    if (name.some((word) => unknown.includes(word)) || lookup.containsPhrase(name) || namedByKnownConcept(name, query, known)) continue;
    // Misspelt (SIG Cloud Provder), it is the name its words' corrections spell.
    const corrected = correctedWords(name, query, known);
    if (corrected && lookup.containsPhrase(corrected)) continue;
    // A known word before a name of two or more words qualifies it (Kubernetes Steering Committee
    // is the corpus's Steering Committee, Kubernetes Book Club its book club).
    const core = name.slice(1);
    if (core.length >= 2 && known(normalizeFolded(name[0]!)) && (lookup.containsPhrase(core) || namedByKnownConcept(core, query, known))) continue;
    unknown.push(name.join(' '));
  }
  // Two capitalised ordinary words (Sealed Secrets) are a name too when the corpus never uses one
  // of them: each is skipped as ordinary above, and the pair is no phrase the articles write.
  // A stopword (Hard Way) is not indexed, so the corpus's lacking it says nothing.
  for (const name of capitalisedNames(question, 2)) {
    if (name.length !== 2 || opensSentence(question, name) || name.some((word) => unknown.includes(word) || STOPWORDS.has(word.toLowerCase())) || !name.every((word) => isOrdinaryWord(word.toLowerCase(), words))) continue;
    if (name.every((word) => known(foldPlural(normalizeText(word)))) || lookup.containsPhrase(name) || namedByKnownConcept(name, query, known)) continue;
    unknown.push(name.join(' '));
  }
  return [...new Set(unknown)].filter((name) => !onlyAsContext(question, name));
}

/** Whether the question writes the term as a command-line flag, with its dashes (--container-runtime-endpoint). */
function writtenAsFlag(question: string, term: string): boolean {
  return LATIN_IDENT.test(term) && question.normalize('NFKC').toLowerCase().includes(`--${term}`);
}

/** The question's text (NFKC) before and after where it spells the word, if it does. */
function around(question: string, surface: string): { before: string; after: string } | undefined {
  const text = question.normalize('NFKC');
  const at = text.indexOf(surface);
  return at < 0 ? undefined : { before: text.slice(0, at), after: text.slice(at + surface.length) };
}
/** Whether a Latin word has Japanese, not another Latin word, on either side (spaces aside). */
export function standsAlone(question: string, surface: string): boolean {
  const sides = around(question, surface);
  return sides !== undefined && !LATIN_BEFORE.test(sides.before) && !LATIN_AFTER.test(sides.after);
}
/** Whether the question writes the word as an example of the thing it asks about (X みたいな / のような / などの Y). */
function givenAsExample(question: string, surface: string, marker = EXAMPLE_MARKER): boolean {
  const sides = around(question, surface);
  return sides !== undefined && marker.test(sides.after);
}
const EXAMPLE_MARKER = /^ー?\s*(?:みたいな|みたいに|のような|のように|などの|とかの)/u;
/**
 * An ordinary English word in Latin letters followed by とか or など is an example too: a name
 * (Velero とか) is no ordinary word and is judged without this.
 */
const LATIN_EXAMPLE_MARKER = new RegExp(`${EXAMPLE_MARKER.source}|^\\s*(?:とか|など|なんか)`, 'u');
/**
 * Whether the question writes the word as the form of the answer it wants (X で教えて, X と Y で
 * 知りたい) or as a thing of the asker's own (社内 X, うちの X).
 */
function namesFormOrOwnThing(question: string, surface: string): boolean {
  const sides = around(question, surface);
  return sides !== undefined && (ANSWER_FORM.test(sides.after) || OWN_THING.test(sides.before));
}
/** で before a verb of telling or learning, after the word and any words listed with it (と, や, 、). */
const ANSWER_FORM = /^(?:\s*(?:と|や|か|、|,|\/)\s*[\p{L}\p{N}]+)*\s*で\s*(?:教え|知り|知ら|紹介|共有|説明|まとめ|答え|回答|伝え|見せ|示し|書いて|返し|出して|list)/iu;
/** The asker's own organisation or team just before the word (社内wiki, うちの Jira). */
const OWN_THING = /(?:社内|うちの|弊社の?|自社の?|我々の|私たちの|自分たちの)\s*$/u;
/** 系 after a word: "of the X kind" (DB 系, 推論系). */
const KIND_SUFFIX = /^\s*系/u;
/** Units of data, time and compute (GB, GiB, Mi, ms, min, vCPU), as written after a number. */
const UNIT = /^(?:[KMGTPE]i?B|[KMGTPE]i|[mnµ]?s|min|h|vCPUs?)$/iu;
/** A na-adjective's ending (simple な, declarative なやり方), not など, なの, なん or なら. */
const NA_ADJECTIVE = /^\s*な(?![どのんら])/u;
/** Shorter lower-case words one edit from an ordinary word are often names (falco, kata). */
const MIN_SLIP_LENGTH = 7;
const LATIN_BEFORE = /[A-Za-z0-9][\s'’\-]*$/u;
const LATIN_AFTER = /^[\s'’\-]*[A-Za-z0-9]/u;

/** What may come before a sentence's first word: nothing, or a sentence's end. */
const SENTENCE_OPENING = /(?:^|[.!?。！？:])\s*["'“(]?$/u;

const HAS_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether the words begin an English sentence (Understand Pods, …), where the first is
 * capitalised by grammar. In Japanese a Latin run is a name wherever it stands.
 */
function opensSentence(question: string, name: readonly string[]): boolean {
  const text = question.normalize('NFKC');
  if (HAS_JAPANESE.test(text)) return false;
  const at = text.indexOf(name.join(' '));
  return at >= 0 && SENTENCE_OPENING.test(text.slice(0, at));
}

/**
 * Whether the corpus has the loanword inside a longer word whose rest the question has too
 * (ログ + ローテーション for ログローテーション): inside another compound (証明書の
 * ローテーション against ログローテーション) it is another thing.
 */
function inCompoundAsAsked(term: string, query: AnalysedQuery, lookup: EntityLookup): boolean {
  const asked = new Set(query.terms.map((t) => t.term));
  return lookup.longerTermsWith(term).some((longer) => longer.split(term).every((rest) => rest === '' || asked.has(rest)));
}

/** A glossary concept spelled by the name (Horizontal Pod Autoscaler → ~hpa) that the corpus has in another spelling. */
/** The name with each misspelt word replaced by its correction (the known term a typo away in its idea, from expandQuery); undefined when none is misspelt. */
function correctedWords(name: readonly string[], query: AnalysedQuery, known: (term: string) => boolean): string[] | undefined {
  let changed = false;
  const words = name.map((word) => {
    const term = foldPlural(normalizeText(word));
    if (known(term)) return word;
    const correction = correctionIn(term, query, known);
    if (correction === undefined) return word;
    changed = true;
    return correction;
  });
  return changed ? words : undefined;
}

/**
 * Whether a file name or other identifier the corpus lacks (strage.conf) is one it has with a
 * word of it misspelt: a piece one slip from an ordinary word (storage) spells a known one,
 * whole or inside a longer term (/etc/containers/storage.conf).
 */
/** Slips of a piece tried at most: each is a look through the vocabulary. */
const MAX_IDENTIFIER_SLIPS = 12;
function misspeltIdentifier(surface: string, words: WordList, has: (text: string) => boolean): boolean {
  const pieces = surface.toLowerCase().split(/([.\-_/:])/);
  return pieces.some((piece, i) => /^[a-z]{5,}$/.test(piece) && !words.has(piece) && ordinaryWordsNear(piece, words).slice(0, MAX_IDENTIFIER_SLIPS).some((near) => has(pieces.map((p, j) => (j === i ? near : p)).join(''))));
}

/**
 * The known Latin term a typo away from the term in its own idea (expandQuery's correction) or
 * elsewhere in the question (Kata Contaners … ordinary containers: the word written twice, once
 * misspelt, which expandQuery does not add twice).
 */
function correctionIn(term: string, query: AnalysedQuery, known: (term: string) => boolean): string | undefined {
  const distance = typoDistance(term);
  if (distance === 0) return undefined;
  const near = (other: string): boolean => other !== term && LATIN.test(other) && other[0] === term[0] && known(other) && editDistanceWithin(term, other, distance) <= distance;
  return query.groups.find((g) => g.terms.includes(term))?.terms.find(near) ?? query.terms.map((t) => t.term).find(near);
}

function namedByKnownConcept(name: readonly string[], query: AnalysedQuery, known: (term: string) => boolean): boolean {
  const pattern = phrasePattern(name);
  return query.terms.some((t) => t.kind === 'concept' && t.forms.some((f) => pattern.test(f)) && query.groups.some((g) => g.terms.includes(t.term) && g.terms.some(known)));
}

/**
 * Edits a misspelling may be from the corpus's word: none for short words (IPVS is not a typo
 * of IPAM), one from five letters, two from nine. A typo is asked about what the corpus has.
 */
export function typoDistance(term: string): number {
  if (!LATIN.test(term) && !LATIN_IDENT.test(term)) return 0;
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

const LOWER_LATIN = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Ordinary English words one edit (two letters swapped, one changed, one more or fewer; the
 * first letter kept, as nearestTerm keeps it) from a misspelling the corpus lacks. The corpus
 * may write the meant word only in katakana (blcok → block → ブロック), so no indexed Latin
 * word is near; the word list names it, and its loanword finds the corpus's spelling.
 */
export function ordinaryWordsNear(term: string, words: WordList = ordinaryWords()): string[] {
  if (!/^[a-z]+$/.test(term) || typoDistance(term) === 0) return [];
  const edits = new Set<string>();
  for (let i = 1; i < term.length; i++) {
    if (i + 1 < term.length) edits.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
    edits.add(term.slice(0, i) + term.slice(i + 1));
    for (const c of LOWER_LATIN) edits.add(term.slice(0, i) + c + term.slice(i + 1));
  }
  for (let i = 1; i <= term.length; i++) for (const c of LOWER_LATIN) edits.add(term.slice(0, i) + c + term.slice(i));
  edits.delete(term);
  return [...edits].filter((w) => w.length >= 4 && words.has(w));
}

/** Ordinary words two adjacent letters of the term swapped spell (laod → load; the first letter kept). */
export function swappedWordsNear(term: string, words: WordList = ordinaryWords()): string[] {
  const out: string[] = [];
  for (let i = 1; i + 1 < term.length; i++) {
    const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (swapped !== term && words.has(swapped)) out.push(swapped);
  }
  return out;
}

/** Whether a word of nine or more letters is two edits from an ordinary word sharing its first two letters. */
function ordinaryWordsWithinTwo(term: string, words: WordList): boolean {
  if (term.length < 9) return false;
  return words.withPrefix(term.slice(0, 2)).some((w) => w.length >= 7 && Math.abs(w.length - term.length) <= 2 && editDistanceWithin(term, w, 2) <= 2);
}

/**
 * Whether a kanji term is a verb or adjective cut from its kana ending (全然受 of 全然受からない):
 * the question writes kana right after it, not a particle (全然受の is a noun), and it is an
 * ordinary word without its last kanji.
 */
const PARTICLE_AFTER = /^(?:の|は|が|を|に|で|と|も|へ|や|って|など|とか)/u;
function isCutVerb(question: string, term: string, words: WordList): boolean {
  if (!KANJI.test(term) || term.length < 3) return false;
  const sides = around(question, term);
  return sides !== undefined && /^\p{Script=Hiragana}/u.test(sides.after) && !PARTICLE_AFTER.test(sides.after) && isOrdinaryWord(term.slice(0, -1), words);
}

/** Damerau–Levenshtein (adjacent swaps count one) distance of a and b when at most `max`, else max + 1. */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * Whole words that can name something: Latin words and identifiers with a letter, katakana and
 * kanji words. Not parts of a compound (the compound is looked up), glossary concepts (they
 * stand for their forms), version numbers, lone kanji, or words with kana endings (inflection).
 */
function isEntityCandidate(t: QueryTerm): boolean {
  if (t.partOf || t.kind === 'concept' || termWeight(t) === 0) return false;
  if (LATIN.test(t.term) || LATIN_IDENT.test(t.term)) return HAS_LETTER.test(t.term) && t.term.length >= 2;
  return KATAKANA.test(t.term) || (KANJI.test(t.term) && t.term.length >= 2);
}

/**
 * A question's term is ordinary when it is an ordinary word, or when it is a Japanese compound
 * the analyser joined (何度|応募, リリース|シャドウ) whose parts all are (a lone kanji counts as
 * one). Not a CamelCase identifier: AppArmor is a name though app and armor are words.
 */
function isOrdinaryTerm(t: QueryTerm, query: AnalysedQuery, words: WordList): boolean {
  if (isOrdinaryWord(t.term, words)) return true;
  if (!(KATAKANA.test(t.term) || KANJI.test(t.term))) return false;
  const parts = query.terms.filter((p) => p.partOf?.whole === t.term && p.partOf.share > 0);
  return parts.length > 1 && parts.every((p) => (KANJI.test(p.term) && p.term.length === 1) || isOrdinaryWord(p.term, words));
}

/**
 * Whether a term (as the analyser folds it) is an ordinary word of English or Japanese:
 * listed itself; a hyphenated or slash-joined word when each part is; a hiragana word (grammar, everyday
 * verbs: ばらす); a Japanese word that splits into listed words (single characters at either
 * end, and one inside a longer word: 再|起動, とき|の, 調査|用|以外).
 */
export function isOrdinaryWord(term: string, words: WordList = ordinaryWords()): boolean {
  const w = foldKatakana(normalizeText(term));
  if (words.has(w) || words.has(foldPlural(w))) return true;
  // Slash-joined words are alternatives (public/private), each judged alone.
  if (/^[a-z0-9]+(?:[-/][a-z0-9]+)+$/.test(w)) return w.split(/[-/]/).every((p) => /^\d+$/.test(p) || words.has(p) || words.has(foldPlural(p)));
  if (HIRAGANA.test(w)) return true;
  if (!JAPANESE.test(w)) return false;
  return splitsIntoWords(w, words);
}

/**
 * A lower-case word written as two ordinary words run together (walkthrough, tarball, failover,
 * codebase): English closes compounds the word lists do not all hold. Each part has three letters
 * or more, the whole seven (shorter ones are often names: podman), and a capitalised word
 * (Crossplane, OpenShift) is left a name.
 */
function isClosedCompound(surface: string, words: WordList): boolean {
  if (!/^[a-z]{7,}$/.test(surface)) return false;
  for (let cut = MIN_COMPOUND_PART; cut <= surface.length - MIN_COMPOUND_PART; cut++) {
    const head = surface.slice(0, cut);
    const rest = surface.slice(cut);
    if (words.has(head) && (words.has(rest) || words.has(foldPlural(rest)))) return true;
  }
  return false;
}
const MIN_COMPOUND_PART = 3;

function splitsIntoWords(w: string, words: WordList): boolean {
  // interior[i]: fewest single characters inside w.slice(0, i) over its splits into listed
  // words (Infinity: none). Singles are free at either end (再|起動, とき|の); one inside a
  // word of four or more characters is a suffix or particle the analyser kept (調査|用|以外).
  const interior: number[] = [0];
  for (let end = 1; end <= w.length; end++) {
    interior[end] = Infinity;
    for (let start = 0; start < end; start++) {
      if (interior[start] === Infinity || !words.has(w.slice(start, end))) continue;
      const inside = end - start === 1 && start !== 0 && end !== w.length ? 1 : 0;
      interior[end] = Math.min(interior[end]!, interior[start]! + inside);
    }
  }
  return w.length > 1 && interior[w.length]! <= (w.length >= 4 ? 1 : 0);
}


const LATIN_TOKEN = /[A-Za-z0-9][A-Za-z0-9]*(?:[.\-_/:][A-Za-z0-9]+)*/g;

/** The question's own spelling of a term (Karpenter for `karpenter`, ローテーション for `ロテション`), else the term. */
export function surfaceOf(question: string, term: string): string {
  if (KATAKANA.test(term)) {
    for (const [run] of question.normalize('NFKC').matchAll(/[\p{Script=Katakana}ー]+/gu)) {
      for (let start = 0; start < run.length; start++) for (let end = run.length; end > start; end--) if (foldKatakana(run.slice(start, end)) === term) return run.slice(start, end);
    }
  }
  for (const [token] of question.normalize('NFKC').matchAll(LATIN_TOKEN)) {
    const lower = token.toLowerCase();
    // A version the analyser wrote with its v (1.29 → v1.29) is spelled as the question wrote it.
    if (lower === term || foldPlural(lower) === term || `v${lower}` === term || splitIdentifier(token).join('') === term.replace(/[.\-_/:]/g, '')) return token;
  }
  return term;
}

/**
 * Terms of ideas the corpus never uses, spelled only with ordinary words (configure,
 * 教えてほしい): filler or paraphrase, not a missing topic. They weigh nothing in coverage, so
 * a question is not found lacking for its everyday words.
 */
export function fillerTerms(query: AnalysedQuery, known: (term: string) => boolean, words: WordList = ordinaryWords()): Set<string> {
  const fillers = new Set<string>();
  for (const group of query.groups) {
    if (group.terms.some(known)) continue;
    const wholes = group.terms.filter((term) => {
      const t = query.terms.find((q) => q.term === term);
      return t !== undefined && t.kind !== 'concept' && !t.partOf;
    });
    if (wholes.length > 0 && wholes.every((term) => isOrdinaryWord(term, words))) for (const term of group.terms) fillers.add(term);
  }
  return fillers;
}
