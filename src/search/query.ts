/**
 * A question analysed for search: its distinct terms, each with a weight that reflects how
 * much it says about the topic: rarer terms say more, identifiers a little more again.
 */
import { analyse, CONCEPT_PREFIX, defaultGlossary, splitIdentifier, type PartOf, type Term, type TermKind } from '../text/analyse.js';
import { foldKatakana, normalizeText } from '../text/normalize.js';

export interface QueryTerm {
  term: string;
  kind: TermKind;
  /** How often the term occurs in the question. */
  count: number;
  /** Surface strings to look for in passage text (for excerpts and proximity). */
  forms: string[];
  /** Set when the term occurs only as a part of a compound (`loop` of `CrashLoopBackOff`). */
  partOf?: PartOf;
  /** Set for a term the question does not use but implies (a synonym, a loanword's other spelling): its weight relative to a word of the question. */
  weight?: number;
}

/**
 * Terms that stand for one idea: a word and the glossary concept it belongs to (restore,
 * ~restore), so an English question about a Japanese passage is not penalised for the
 * English spelling the passage lacks.
 */
export interface TermGroup {
  terms: string[];
  /**
   * Members that are parts of a compound in the group (`loop` of `crashloopbackoff`), with
   * the share of it each stands for: found without a whole member, they cover only that.
   */
  parts?: Record<string, number>;
  /**
   * Parts that spell the same piece as another part: a concept the question spells only by
   * one part of a compound (`~container` by コンテナ of サイドカーコンテナ). Found together they
   * cover that piece once, not twice.
   */
  sameAs?: Record<string, string>;
}

export interface AnalysedQuery {
  text: string;
  terms: QueryTerm[];
  groups: TermGroup[];
}

/** Relative importance of each kind of term; tuned with `npm run eval`. */
export const KIND_WEIGHT: Record<TermKind, number> = {
  ident: 1.5,
  word: 1,
  concept: 0.8,
};

export function analyseQuery(text: string): AnalysedQuery {
  const byTerm = new Map<string, QueryTerm>();
  for (const { term, kind, partOf } of analyse(text)) {
    const existing = byTerm.get(term);
    if (existing) {
      existing.count++;
      // A word the question also uses on its own stands for itself, not for a compound.
      if (!partOf) delete existing.partOf;
      continue;
    }
    byTerm.set(term, { term, kind, count: 1, forms: formsOf(term, kind), ...(partOf ? { partOf } : {}) });
  }
  const terms = withoutSetAside([...byTerm.values()], text);
  return { text, terms, groups: groupTerms(terms) };
}

/** How much a follow-up's earlier question weighs against the new question's own words. */
export const CONTEXT_WEIGHT = 0.5;

/**
 * A follow-up ("それはどのバージョンから?") with the earlier question of its thread as a
 * second, lighter query: the earlier question's terms the new one lacks join it at `scale`
 * of their weight, as ideas of their own.
 */
export function withContext(query: AnalysedQuery, earlier: AnalysedQuery | undefined, scale = CONTEXT_WEIGHT): AnalysedQuery {
  if (!earlier) return query;
  const own = new Set(query.terms.map((t) => t.term));
  const added = earlier.terms.filter((t) => !own.has(t.term)).map((t) => ({ ...t, weight: (t.weight ?? 1) * scale }));
  if (added.length === 0) return query;
  const kept = new Set(added.map((t) => t.term));
  const groups = earlier.groups
    .map((g) => {
      const terms = g.terms.filter((t) => kept.has(t));
      const parts = g.parts ? Object.fromEntries(Object.entries(g.parts).filter(([t]) => kept.has(t))) : undefined;
      const sameAs = g.sameAs ? Object.fromEntries(Object.entries(g.sameAs).filter(([t, of]) => kept.has(t) && kept.has(of))) : undefined;
      if (!parts || Object.keys(parts).length === 0) return { terms };
      return sameAs && Object.keys(sameAs).length > 0 ? { terms, parts, sameAs } : { terms, parts };
    })
    .filter((g) => g.terms.length > 0);
  return { text: query.text, terms: [...query.terms, ...added], groups: [...query.groups, ...groups] };
}

/**
 * A question's terms without those it only uses to say what it does not ask about: "restore
 * inside Kubernetes, not just outside it with crictl" asks about inside, and passages on
 * the outside would otherwise match more of its words. Kept when nothing else would be left.
 */
function withoutSetAside(terms: QueryTerm[], text: string): QueryTerm[] {
  const asideCount = new Map<string, number>();
  for (const phrase of setAsidePhrases(text)) for (const { term } of analyse(phrase)) asideCount.set(term, (asideCount.get(term) ?? 0) + 1);
  const kept = terms.filter((t) => (asideCount.get(t.term) ?? 0) < t.count);
  return kept.length > 0 ? kept : terms;
}

// English: what follows "not just" or "not only", to the clause's end. Not "instead of" or
// "rather than": they name an alternative the question compares (why the default instead of
// AlwaysAllow?), which is part of the topic.
const ASIDE_EN = /\b(?:not just|not only)\s+([^,.;:?!]+)/giu;
// Japanese: the phrase before (だけ)ではなく / じゃなく / 以外, back to the previous particle or
// comma; not ではなくなる (no longer is), which says something about the phrase.
const ASIDE_JA = /([^、。，,？！?!\sをにでがはの]+?)(?:だけ)?(?:ではなく(?!な)|じゃなく(?!な)|以外)/gu;

/** The phrases a question sets aside as not what it asks about (`not just outside it with crictl` → `outside it with crictl`). */
export function setAsidePhrases(text: string): string[] {
  return [...text.matchAll(ASIDE_EN), ...text.matchAll(ASIDE_JA)].map((m) => m[1]!);
}

function groupTerms(terms: readonly QueryTerm[]): TermGroup[] {
  const groupOf = new Map<string, Set<string>>();
  const conceptParts = new Map<string, PartOf>();
  const conceptSpelledBy = new Map<string, string>();
  for (const t of terms) groupOf.set(t.term, new Set([t.term]));
  const words = new Set(terms.filter((t) => t.kind === 'word' || t.kind === 'ident').map((t) => t.term));
  // An identifier is keyed in the glossary by its parts (`cri-o` as "cri o").
  const identKeys = terms.filter((t) => t.kind === 'ident').map((t) => [t.term, splitIdentifier(t.term).join(' ')] as const);
  for (const concept of terms.filter((t) => t.kind === 'concept')) {
    // A word belongs to a concept when it is one of its forms, or one word of a multi-word
    // form the question spells out (control + plane for "control plane").
    const members = new Set(concept.forms.filter((f) => words.has(f)));
    for (const [term, key] of identKeys) if (concept.forms.includes(key)) members.add(term);
    for (const form of concept.forms) {
      const parts = form.split(' ');
      if (parts.length < 2 || !parts.every((p) => words.has(p))) continue;
      for (const p of parts) members.add(p);
      // An identifier whose every part is a word of the form (API-initiated in "API-initiated
      // eviction") is those words written joined: it spells the concept too.
      for (const t of terms) {
        if (t.kind !== 'ident') continue;
        const own = terms.filter((p) => p.partOf?.whole === t.term);
        if (own.length > 0 && own.every((p) => parts.includes(p.term))) members.add(t.term);
      }
    }
    // A concept the question also spells on its own (設定 in "StatefulSetの設定") is that idea,
    // not a part of a compound that happens to contain one of its forms (`set`). A concept
    // spelled only by a part (`app` of `AppArmor`) stands for that part: it covers its share.
    const memberTerms = terms.filter((t) => members.has(t.term));
    const wholes = memberTerms.filter((t) => !t.partOf);
    for (const word of wholes.length > 0 ? wholes : memberTerms) merge(groupOf, concept.term, word.term);
    if (wholes.length === 0 && memberTerms[0]?.partOf) {
      conceptParts.set(concept.term, memberTerms[0].partOf);
      conceptSpelledBy.set(concept.term, memberTerms[0].term);
    }
  }
  // The words of a Japanese form the question spells out (読書 + 会 for 読書会) are parts of its
  // concept, unless they stand for ideas of their own.
  const formParts = new Map<string, PartOf>();
  for (const concept of terms.filter((t) => t.kind === 'concept')) {
    for (const form of concept.forms) {
      if (form.includes(' ')) continue;
      const words = wordsOfForm(form);
      if (words.length < 2 || !words.every((w) => groupOf.get(w.term)?.size === 1)) continue;
      for (const w of words) formParts.set(w.term, { whole: concept.term, share: 1 / words.length });
    }
  }
  for (const [term, partOf] of formParts) merge(groupOf, partOf.whole, term);
  // The parts of a compound say what the compound says: one idea, not one per part.
  for (const part of terms) if (part.partOf && groupOf.has(part.partOf.whole)) merge(groupOf, part.partOf.whole, part.term);
  return [...new Set(groupOf.values())].map((g) => {
    const parts = terms.flatMap((t) => {
      const partOf = t.partOf ?? formParts.get(t.term) ?? conceptParts.get(t.term);
      return partOf && g.has(t.term) && g.has(partOf.whole) ? [[t.term, partOf.share] as const] : [];
    });
    if (parts.length === 0) return { terms: [...g] };
    const sameAs = [...conceptSpelledBy].filter(([concept, word]) => g.has(concept) && parts.some(([t]) => t === word));
    return sameAs.length > 0 ? { terms: [...g], parts: Object.fromEntries(parts), sameAs: Object.fromEntries(sameAs) } : { terms: [...g], parts: Object.fromEntries(parts) };
  });
}

function merge(groupOf: Map<string, Set<string>>, a: string, b: string): void {
  const merged = new Set([...groupOf.get(a)!, ...groupOf.get(b)!]);
  for (const member of merged) groupOf.set(member, merged);
}

/**
 * How much of a group `has` finds (0..1): all of it for any whole member; parts of a compound
 * found without one cover their shares (`loop` alone: a quarter of `crashloopbackoff`).
 * With `piecesOnce`, a part and the concept it spells (コンテナ and ~container of
 * サイドカーコンテナ) are one piece, credited once. Title matching counts so; passage and
 * corpus coverage, which the confidence cuts were measured on, still count each part.
 */
export function groupCredit(group: TermGroup, has: (term: string) => boolean, { piecesOnce = false }: CoverageOptions = {}): number {
  const parts = group.parts;
  for (const t of group.terms) if ((parts === undefined || parts[t] === undefined) && has(t)) return 1;
  if (parts === undefined) return 0;
  let credit = 0;
  if (!piecesOnce || group.sameAs === undefined) {
    // Each part is its own piece.
    for (const t in parts) if (has(t)) credit += parts[t]!;
    return Math.min(1, credit);
  }
  const pieces = new Map<string, number>();
  for (const t in parts) {
    if (!has(t)) continue;
    const piece = group.sameAs[t] ?? t;
    pieces.set(piece, Math.max(pieces.get(piece) ?? 0, parts[t]!));
  }
  for (const share of pieces.values()) credit += share;
  return Math.min(1, credit);
}

export interface CoverageOptions {
  /** Credit a part and the concept it spells once (see groupCredit). */
  piecesOnce?: boolean;
}

/**
 * Share of the question's weight (group by group, each weighing as its heaviest term) that
 * `has` finds; parts of a compound found without it cover their share of their group.
 */
export function groupCoverage(query: AnalysedQuery, weights: ReadonlyMap<string, number>, has: (term: string) => boolean, options: CoverageOptions = {}): number {
  let total = 0;
  let covered = 0;
  for (const group of query.groups) {
    let weight = -Infinity;
    for (const t of group.terms) weight = Math.max(weight, weights.get(t) ?? 0);
    total += weight;
    covered += weight * groupCredit(group, has, options);
  }
  return total > 0 ? covered / total : 0;
}

/** Each group's weight: its heaviest term's (0 for a group of filler only). */
export function groupWeightsOf(query: AnalysedQuery, weights: ReadonlyMap<string, number>): number[] {
  return query.groups.map((g) => Math.max(0, ...g.terms.map((t) => weights.get(t) ?? 0)));
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]{4,}$/u;

/**
 * Splits katakana compounds the corpus never uses whole into words it does use
 * (リリースシャドウ → リリース + シャドウ): the dictionary keeps some compounds whole in a short
 * question while splitting them inside an article's longer run; and an English word formed
 * with a prefix from a word the corpus has (multicontainer → container). The parts join the
 * compound's group, so finding them covers it.
 */
export function splitUnknownCompounds(query: AnalysedQuery, known: (term: string) => boolean, isWord: (term: string) => boolean = () => false): AnalysedQuery {
  const terms = [...query.terms];
  const groups = query.groups.map((g) => ({ ...g, terms: [...g.terms] }));
  for (const t of query.terms) {
    // A dictionary word (バックアップ) is one word, not a compound of バック and アップ.
    if (t.kind !== 'word' || known(t.term) || isWord(t.term)) continue;
    const split = KATAKANA_WORD.test(t.term) ? (splitIntoKnown(t.term, known) ?? splitPrefixedKatakana(t.term, known)) : splitPrefixed(t.term, known);
    const group = groups.find((g) => g.terms.includes(t.term))!;
    for (const part of split ?? []) {
      if (terms.some((q) => q.term === part)) continue;
      terms.push({ term: part, kind: 'word', count: 1, forms: [part] });
      group.terms.push(part);
    }
  }
  return terms.length === query.terms.length ? query : { ...query, terms, groups };
}

/**
 * English prefixes that are no word of their own: multicontainer is multi + container, a
 * word formed from the corpus's, where an unknown name made of two words (Crossplane) is not
 * taken apart. Not de- or anti-: they make a thing working against the word's (a descheduler
 * evicts what the scheduler placed), which pages on the word do not describe.
 */
const BOUND_PREFIXES = ['multi', 'inter', 'intra', 'sub', 'non', 'pre', 'post', 'un', 're', 'co', 'auto', 'semi', 'micro', 'hyper'];

/** A prefixed English word the corpus lacks as the known word after its prefix (multicontainer → container). */
function splitPrefixed(word: string, known: (term: string) => boolean): string[] | undefined {
  if (!/^[a-z]{6,}$/.test(word)) return undefined;
  for (const prefix of BOUND_PREFIXES) {
    const rest = word.slice(prefix.length).replace(/^-/, '');
    if (word.startsWith(prefix) && rest.length >= 4 && known(rest)) return [rest];
  }
  return undefined;
}

/** BOUND_PREFIXES as katakana writes them (サブコマンド, マルチクラスタ), folded as terms are. */
const KATAKANA_PREFIXES = ['サブ', 'マルチ', 'インター', 'ノン', 'プレ', 'ポスト', 'セミ', 'マイクロ', 'ハイパ', 'オト'];

/** A prefixed katakana word the corpus lacks as the known word after its prefix (サブコマンド → コマンド). */
function splitPrefixedKatakana(word: string, known: (term: string) => boolean): string[] | undefined {
  for (const prefix of KATAKANA_PREFIXES) {
    const rest = word.slice(prefix.length);
    if (word.startsWith(prefix) && rest.length >= 3 && known(rest)) return [rest];
  }
  return undefined;
}

/** The split of `word` into the fewest known parts of two or more characters, if any. */
function splitIntoKnown(word: string, known: (term: string) => boolean): string[] | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 2; end <= word.length; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      const part = foldKatakana(word.slice(start, end));
      if (before && known(part) && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, part];
    }
  }
  const parts = best[word.length];
  return parts && parts.length > 1 ? parts : undefined;
}

function formsOf(term: string, kind: TermKind): string[] {
  if (kind !== 'concept') return [term];
  return defaultGlossary()
    .formsOf(term.slice(CONCEPT_PREFIX.length))
    .map((f) => foldKatakana(normalizeText(f)));
}

/** Inverse document frequency (BM25's), from the number of passages containing a term. */
const SINGLE_KANJI = /^\p{Script=Han}$/u;

/**
 * How much a term says about the topic, relative to others of its kind: its boost in BM25
 * and its share in coverage and confidence. A lone kanji is mostly a piece the word
 * segmenter cut off a longer word (保存|先, 非|推奨, 変|えたい): rare as a word of its own, so
 * idf would make it the heaviest term of a question while it names nothing. It weighs 0.
 * Measured with npm run eval on the dev set and on qa/holdout.jsonl (see the commits).
 */
export function termWeight(term: QueryTerm): number {
  return term.kind === 'word' && SINGLE_KANJI.test(term.term) ? 0 : KIND_WEIGHT[term.kind] * (term.weight ?? 1);
}

export function idf(df: number, passageCount: number): number {
  return Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
}

/**
 * The words of a glossary form, analysed once: forms are fixed data, and a question's concepts
 * brought their forms' analysis to ~1 ms of every question.
 */
const formWords = new Map<string, Term[]>();
function wordsOfForm(form: string): Term[] {
  let words = formWords.get(form);
  if (!words) {
    words = analyse(form).filter((t) => t.kind !== 'concept' && !t.partOf);
    formWords.set(form, words);
  }
  return words;
}
