/**
 * Sibling contrast: a question about one member of a family ("SIG Storage のチェアは誰?",
 * "KEP-1234", "Kubernetes 1.31") whose best page talks about other members of that family
 * (SIG Cloud Provider's chair, KEP-2400, v1.30) and never names the asked one. Its words
 * all occur in the corpus ("storage" is an ordinary word, 1.31 may be mentioned in passing
 * elsewhere), so neither the unknown-entity nor the absent-name rule sees it; the answer is
 * about a sibling, and no answer is better than a confident one about the wrong member.
 *
 * Families are derived from the corpus at build time (buildFamilyHeads), never listed by
 * hand: a head is a word the corpus follows by several distinct qualifiers of one kind.
 * Pure: the searcher hands in the texts of the best page.
 */
import { STOPWORDS } from '../text/stopwords.js';
import { phrasePattern } from './phrases.js';

/** How a family names its members: SIG + a capitalised word, KEP + a number, Kubernetes + a version. */
export type FamilyKind = 'name' | 'number' | 'version';

export interface Family {
  /** The head, lower-case (sig, kep, kubernetes). */
  head: string;
  kind: FamilyKind;
  /** The members the corpus names, lower-case, commonest first (node, release, cloud; 1.30, 1.24). */
  members: string[];
}

/**
 * Corpus statistics that make a word a head, measured on the article corpus and the
 * kubernetes.io snapshot (qa/real-docs):
 * - name: at least 5 distinct capitalised words after it, after at least half of its
 *   occurrences. `sig` has 16 (70% of 146 occurrences) in the articles, 18 with the docs;
 *   the next are `cluster` (API, Lifecycle, Autoscaler: 3) and `cloud` (4, 60%) whose
 *   followers are products, and `kubernetes` (8 distinct, after 3% of its occurrences).
 * - number: at least 5 distinct numbers after it, after a quarter of its occurrences:
 *   `kep` (13, 34%; 26, 55% with the docs), not `node` (node 1, node 2: 7, 10%).
 * - version: at least 5 distinct versions (major.minor) after it: `kubernetes` (17; 29).
 *   A version always names a release of the word before it, so no share is asked.
 * Nothing in either corpus names a member before the head (Storage SIG): only heads before
 * qualifiers are counted.
 */
/**
 * A passage naming only siblings of what the question asks about scores this much of its
 * score (namesOnlySiblings); measured with npm run eval (see the commit).
 */
export const SIBLING_FACTOR = 0.5;

export const FAMILY_RULES = {
  minMembers: 5,
  minNameShare: 0.5,
  minNumberShare: 0.25,
  /** Members kept per family in the index (the commonest): enough to recognise siblings. */
  maxMembers: 200,
};

// Not a piece of an identifier (kube-proxy, apps/v1, foo.bar); KEP-1234 and SIG-Node are a head and its qualifier.
const HEAD = /(?<![A-Za-z0-9_.\/\-])[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9_\/]|[.\-][a-z])/g;
/** What may follow a head, tried at the end of its match (sticky): a version, a number, a capitalised word. */
const AFTER = /[ \-](?:v?(\d+\.\d+)(?:\.\d+)?|(\d+)|([A-Z][A-Za-z0-9]*))(?![A-Za-z0-9_]|\.\d)/y;

interface HeadStats {
  occurrences: number;
  counts: Record<FamilyKind, number>;
  members: Record<FamilyKind, Map<string, number>>;
}

/** The corpus's family heads, from its texts (passages, headings, titles) as written. */
export function buildFamilyHeads(texts: Iterable<string>, rules = FAMILY_RULES): Family[] {
  const stats = new Map<string, HeadStats>();
  for (const raw of texts) {
    const text = raw.normalize('NFKC');
    for (const m of text.matchAll(HEAD)) {
      const head = m[0].toLowerCase();
      if (STOPWORDS.has(head)) continue;
      let s = stats.get(head);
      if (!s) stats.set(head, (s = { occurrences: 0, counts: { name: 0, number: 0, version: 0 }, members: { name: new Map(), number: new Map(), version: new Map() } }));
      s.occurrences++;
      const qualifier = qualifierAt(text, m.index + m[0].length);
      if (!qualifier) continue;
      s.counts[qualifier.kind]++;
      s.members[qualifier.kind].set(qualifier.member, (s.members[qualifier.kind].get(qualifier.member) ?? 0) + 1);
    }
  }
  const families: Family[] = [];
  for (const [head, s] of stats) {
    for (const kind of ['name', 'number', 'version'] as const) {
      const members = s.members[kind];
      if (members.size < rules.minMembers) continue;
      const share = s.counts[kind] / s.occurrences;
      if ((kind === 'name' && share < rules.minNameShare) || (kind === 'number' && share < rules.minNumberShare)) continue;
      const sorted = [...members].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([member]) => member);
      families.push({ head, kind, members: sorted.slice(0, rules.maxMembers) });
    }
  }
  // The version family with the most members first: a version the question gives alone is its.
  return families.sort((a, b) => Number(b.kind === 'version') - Number(a.kind === 'version') || b.members.length - a.members.length || a.head.localeCompare(b.head));
}

function qualifierAt(text: string, at: number): { kind: FamilyKind; member: string } | undefined {
  AFTER.lastIndex = at;
  const m = AFTER.exec(text);
  if (!m) return undefined;
  if (m[1]) return { kind: 'version', member: m[1] };
  if (m[2]) return { kind: 'number', member: String(Number(m[2])) };
  const name = m[3]!.toLowerCase();
  return STOPWORDS.has(name) ? undefined : { kind: 'name', member: name };
}

/** A member of a family the question asks about. */
export interface QualifiedName {
  family: Family;
  /** The member, lower-case: a name's first word (cloud of Cloud Provider), a number, a version's major.minor. */
  member: string;
  /** As the question spells it (SIG Storage, KEP-1234, 1.31). */
  surface: string;
}

const Q_HEAD = /(?<![A-Za-z0-9_.\/\-])[A-Za-z][A-Za-z0-9]*/g;
const Q_NAME = /^([ \-])([A-Za-z][A-Za-z0-9]*)((?: [A-Z][A-Za-z0-9]*)*)(?![A-Za-z0-9_])/;
const Q_NUMBER = /^[ \-]?(\d+)(?![A-Za-z0-9_]|\.\d)/;
const Q_VERSION = /^[ \-]?v?(\d+\.\d+)(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)/;
/** A version standing alone (1.30のスワップ, バージョン1.31), not part of an address, a path or a longer number. */
const BARE_VERSION = /(?<![A-Za-z0-9_.\/\-])v?(\d+\.\d+)(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)/g;

/**
 * The family members the question names: a head followed by its qualifier (SIG Storage,
 * sig-storage, SIG Storageのチェア, KEP-1234, Kubernetes 1.31), and a version on its own,
 * taken as the main version family's (the corpus's, whose versions it names most) when its
 * major is one that family has (1.31 for Kubernetes; not 22.04). A lower-case name after a
 * space (sig storage) counts only when the corpus knows it as a member: after a space,
 * "SIG chair" is a role, not a SIG.
 */
export function findQualifiedNames(question: string, families: readonly Family[]): QualifiedName[] {
  if (families.length === 0) return [];
  const text = question.normalize('NFKC');
  const byHead = new Map<string, Family[]>();
  for (const f of families) byHead.set(f.head, [...(byHead.get(f.head) ?? []), f]);
  const found: QualifiedName[] = [];
  for (const m of text.matchAll(Q_HEAD)) {
    const word = m[0].toLowerCase();
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    for (const family of byHead.get(word) ?? []) {
      const name = family.kind === 'name' ? Q_NAME.exec(rest) : null;
      const number = family.kind === 'number' ? Q_NUMBER.exec(rest) : null;
      const version = family.kind === 'version' ? Q_VERSION.exec(rest) : null;
      if (name) {
        const [whole, separator, first] = name;
        const member = first!.toLowerCase();
        const capitalised = /^[A-Z]/.test(first!);
        if (STOPWORDS.has(member) || (!capitalised && separator !== '-' && !family.members.includes(member))) continue;
        found.push({ family, member, surface: `${m[0]}${whole}` });
      } else if (number) {
        found.push({ family, member: String(Number(number[1])), surface: `${m[0]}${number[0]}` });
      } else if (version) {
        found.push({ family, member: version[1]!, surface: `${m[0]}${version[0]}` });
      }
    }
  }
  const main = families.find((f) => f.kind === 'version');
  if (main) {
    const majors = new Set(main.members.map((v) => v.split('.')[0]));
    for (const m of text.matchAll(BARE_VERSION)) {
      // A version after another word (containerd 2.0, TLS 1.3) is that thing's, not the main family's; after a function word (in 1.31) it stands alone.
      const before = /([A-Za-z][A-Za-z0-9]*)[ \-]$/.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1]?.toLowerCase();
      if (before !== undefined && !STOPWORDS.has(before)) continue;
      if (!majors.has(m[1]!.split('.')[0]) || found.some((q) => q.family === main && q.member === m[1])) continue;
      found.push({ family: main, member: m[1]!, surface: m[0] });
    }
  }
  return found;
}

/** What the best page says instead of what the question asks (the notice names both). */
export interface SiblingContrast {
  /** As the question spells it (SIG Storage). */
  asked: string;
  /** The siblings the answering passages name, as they spell them (SIG Cloud Provider). */
  found: string[];
}

export interface SiblingPage {
  /** The best result's page title, as written. */
  title: string;
  /** The answering passages' text (the best result and its page's other results) and the page's title, as written. */
  answering: readonly string[];
  /** Every passage of the best result's page, with its headings, and its title. */
  page: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One family's asked members, with the patterns that find them and their siblings; built once per question. */
interface FamilyMatch {
  family: Family;
  asked: QualifiedName[];
  members: ReadonlySet<string>;
  /** Any asked member named (sig storage, sig-storage, SIGStorage; kep-1234; v1.31, 1.31.2), or a name's qualifier used at all. */
  named: RegExp;
  /** A member of the family, captured (group 1; for versions the word before is group 1, the version group 2). */
  member: RegExp;
  /** Bare versions (no head before them) are this family's: it is the main version family. */
  main: boolean;
  /** A text can name the family only if it has this (the head; a digit, dot, digit for versions). */
  hint: (text: string) => boolean;
}

const VERSION_HINT = /\d\.\d/;

/**
 * The question's family members set against passages: whether a passage names only their
 * siblings (ranking) and whether the best page does (the contrast). Patterns are built once
 * per question; each text is checked with a plain substring test before any of them runs.
 */
export class SiblingMatcher {
  private readonly matches: FamilyMatch[];

  constructor(asked: readonly QualifiedName[], families: readonly Family[]) {
    const main = families.find((f) => f.kind === 'version');
    this.matches = [...new Set(asked.map((q) => q.family))].map((family) => {
      const own = asked.filter((q) => q.family === family);
      const head = escape(family.head);
      const named = own.flatMap((q) =>
        family.kind === 'version'
          ? [`(?<![0-9.])${escape(q.member)}(?![0-9])`]
          : family.kind === 'number'
            ? [`(?<![0-9])0*${escape(q.member)}(?![0-9])`]
            : [phrasePattern([family.head, q.member]).source, `(?<![a-z0-9])${escape(q.member)}(?![a-z0-9])`],
      );
      const member =
        family.kind === 'name'
          ? new RegExp(`(?<![A-Za-z0-9])${head}[ \\-_]([A-Za-z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*)`, 'giu')
          : family.kind === 'number'
            ? new RegExp(`(?<![A-Za-z0-9])${head}[ \\-]?#?(\\d+)(?![0-9])`, 'giu')
            : /(?<![A-Za-z0-9_.\/\-])(?:([A-Za-z][A-Za-z0-9\-]*)[ \-]?)?v?(\d+\.\d+)(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)/g;
      const isMain = family === main;
      const headHint = new RegExp(head, 'i');
      const hint = family.kind === 'version' ? (t: string) => VERSION_HINT.test(t) : (t: string) => headHint.test(t);
      return { family, asked: own, members: new Set(own.map((q) => q.member)), named: new RegExp(named.join('|'), 'iu'), member, main: isMain, hint };
    });
  }

  get empty(): boolean {
    return this.matches.length === 0;
  }

  /**
   * Whether a passage (its headings and text, with its page's title) names siblings of an
   * asked member and none of the asked members of that family: it is about another member
   * (SIG Cloud Provider's remit for a question on SIG Node's) and ranks below what names the asked one.
   */
  namesOnlySiblings(texts: readonly string[]): boolean {
    return this.matches.some((m) => !names(m, texts) && siblingsIn(m, texts).length > 0);
  }

  /**
   * The asked members that the best page never names, where its answering passages name other
   * members of the same family; and those of a page titled with a sibling (SIG Nodeの紹介),
   * which is about it though it may list the asked one among others. A family of which the
   * page names any asked member is no contrast (SIG Node and SIG Storage compared), nor a
   * member whose qualifier the page uses on its own (Chair in "各 SIG には Chair"). Titles
   * name versions in passing (Kubernetes v1.30をそっと覗く covers 1.29's features too): for
   * versions only the page counts.
   */
  contrasts({ title, answering, page }: SiblingPage): SiblingContrast[] {
    const contrasts: SiblingContrast[] = [];
    for (const m of this.matches) {
      const titled = m.family.kind === 'version' || names(m, [title]) ? [] : siblingsIn(m, [title]);
      const found = titled.length > 0 ? titled : names(m, page) ? [] : siblingsIn(m, answering);
      if (found.length === 0) continue;
      for (const surface of new Set(m.asked.map((q) => q.surface))) contrasts.push({ asked: surface, found });
    }
    return contrasts;
  }
}

function names(m: FamilyMatch, texts: readonly string[]): boolean {
  return texts.some((text) => m.hint(text) && m.named.test(text));
}

/** The family's other members that the texts name, as written, in order of appearance. */
function siblingsIn(m: FamilyMatch, texts: readonly string[]): string[] {
  const found = new Map<string, string>();
  const { family } = m;
  const known = family.kind === 'name' ? new Set(family.members) : undefined;
  const majors = family.kind === 'version' ? new Set(family.members.map((v) => v.split('.')[0])) : undefined;
  for (const raw of texts) {
    if (!m.hint(raw)) continue;
    const text = raw.normalize('NFKC');
    for (const match of text.matchAll(m.member)) {
      let member: string;
      if (family.kind === 'name') {
        member = match[1]!.split(' ')[0]!.toLowerCase();
        if (!known!.has(member)) continue;
      } else if (family.kind === 'number') {
        member = String(Number(match[1]));
      } else {
        // The family's own versions: after its head, or alone (or after a function word: removed in 1.30) in the main family.
        const word = match[1]?.toLowerCase();
        const before = word === undefined || word === 'v' || STOPWORDS.has(word) ? undefined : word;
        member = match[2]!;
        if (before !== undefined ? before !== family.head : !(m.main && majors!.has(member.split('.')[0]))) continue;
      }
      if (!m.members.has(member) && !found.has(member)) found.set(member, match[0].trim());
    }
  }
  return [...found.values()];
}
