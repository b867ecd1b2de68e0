/**
 * Affiliations a question states as its premise: a person it names paired with a firm (Michael
 * McCune from Google, Verónica López さんって Google の人, Carlos SantanaさんがMicrosoftで). When
 * the pages naming that person give them another firm (Michael McCune(Red Hat), AWSのCarlos
 * Santanaさん) and never this one, the question is about a fact the articles do not have: the
 * answer is none. A person the pages give no firm, or a firm they do give, leaves it alone.
 * Pure: answer.ts hands in the texts of the leading results' pages, normalised and folded, read
 * only when the question pairs a person with a firm.
 */
import { isOrdinaryWord } from '../search/unknown-entities.js';
import { normalizeFolded } from '../text/normalize.js';

/** A person's Latin name as written (two or three capitalised words, accents and McCune too; Japanese may touch it). */
export const LATIN_PERSON = '(?<![\\p{Script=Latin}\\p{N}])\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:\\s+\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?){1,2}(?![\\p{Script=Latin}\\p{N}])';
const PERSON = new RegExp(LATIN_PERSON, 'gu');
/** A firm's name as a question writes it: capitalised, one or two words (Google, Red Hat, AWS). */
const FIRM = '(\\p{Lu}[\\p{Script=Latin}\\p{N}&]+(?:\\s+\\p{Lu}[\\p{Script=Latin}\\p{N}&]+)?)';
const HONORIFIC = '(?:\\s*(?:さん|氏))?';

/** The ways a question pairs a person (P) with a firm: `P from W`, `W's P`, `P って W の人`, `P が W で`, `W の P`. */
function pairings(person: string): RegExp[] {
  const p = escape(person);
  return [
    new RegExp(`${p}${HONORIFIC},?\\s+(?:from|of|at)\\s+${FIRM}`, 'u'),
    new RegExp(`${FIRM}'s\\s+${p}`, 'u'),
    new RegExp(`${p}${HONORIFIC}\\s*(?:って|は|が|も)?\\s*${FIRM}\\s*の\\s*(?:人|社員|エンジニア|方)`, 'u'),
    new RegExp(`${p}${HONORIFIC}\\s*(?:が|は)\\s*${FIRM}\\s*で`, 'u'),
    new RegExp(`${FIRM}\\s*の\\s*${p}`, 'u'),
  ];
}

/** The ways a page gives a person (p, folded) a firm: `p (firm)`, `firm の p`, `p of / from / at firm`. */
function pageAffiliations(person: string, page: string): string[] {
  const p = escape(person);
  const firm = '([a-z][\\w.&-]*(?:\\s[a-z][\\w.&-]*)?)';
  const patterns = [new RegExp(`${p}\\s*[(（]\\s*${firm}\\s*[)）]`, 'gu'), new RegExp(`${firm}\\s*の\\s*${p}`, 'gu'), new RegExp(`${p},?\\s+(?:from|of|at)\\s+${firm}`, 'gu')];
  return patterns.flatMap((re) => [...page.matchAll(re)].map((m) => squash(m[1]!)));
}

const squash = (firm: string): string => firm.replace(/[\s.-]+/g, '');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** A person (or a product) and the firm the question pairs them with, as the question writes both. */
export interface StatedAffiliation {
  person: string;
  firm: string;
  /** Set when the name is a product the firm is said to make (Gardener is Red Hat's tool), not a person. */
  product?: true;
}

/** A product's name as a question writes it: one capitalised Latin word (Gardener, Kamaji, OpenShift). */
const PRODUCT = /(?<![\p{Script=Latin}\p{N}])\p{Lu}[\p{Ll}\p{Lu}\p{N}]{2,}(?![\p{Script=Latin}\p{N}])/gu;
const MAKES_JA = '(?:開発|作|提供|メンテ|リリース)';
const MAKES_EN = '(?:developed|made|built|created|maintained|released)';

/** The ways a question says a firm makes a product (P): `P is W's`, `W's P`, `P by W`, `W が開発した P`, `P って W が作った`. */
function makerPairings(product: string): RegExp[] {
  const p = escape(product);
  return [
    new RegExp(`${p}\\s+(?:is|was)\\s+(?:an?\\s+|the\\s+)?${FIRM}'s`, 'u'),
    new RegExp(`${FIRM}'s\\s+${p}`, 'u'),
    new RegExp(`${p},?\\s+(?:is\\s+|was\\s+)?${MAKES_EN}\\s+by\\s+${FIRM}`, 'u'),
    new RegExp(`${p}\\s*(?:って|は|も)\\s*${FIRM}\\s*(?:が|の)\\s*${MAKES_JA}`, 'u'),
    new RegExp(`${FIRM}\\s*が\\s*${MAKES_JA}[^。?？]{0,12}?${p}`, 'u'),
  ];
}

/** The ways a page gives a product (p, folded) a maker: `p という firm が開発`, `firm が開発 … p`, `p (developed) by firm`, `firm's p`. */
function pageMakers(product: string, page: string): string[] {
  const p = escape(product);
  const firm = '([a-z][\\w.&-]*(?:\\s[a-z][\\w.&-]*)?)';
  const patterns = [
    new RegExp(`${p}\\s*(?:という|は|って|も)?\\s*${firm}\\s*(?:が|の)\\s*${MAKES_JA}`, 'gu'),
    new RegExp(`${firm}\\s*が\\s*${MAKES_JA}[^。]{0,12}?${p}`, 'gu'),
    new RegExp(`${p},?\\s+(?:is\\s+|was\\s+)?${MAKES_EN}\\s+by\\s+${firm}`, 'gu'),
    new RegExp(`${firm}'s\\s+${p}`, 'gu'),
  ];
  return patterns.flatMap((re) => [...page.matchAll(re)].map((m) => squash(m[1]!)));
}

/** What one kind of pairing reads: the names it looks at, how a question pairs a name with a firm, how a page does. */
interface PairingKind {
  names: RegExp;
  /** A name that only looks like one of these (capitalised ordinary words). */
  skip: (name: string) => boolean;
  stated: (name: string) => RegExp[];
  /** A firm that is part of the name itself, not a pairing (McCune in Michael McCune). */
  isSelf: (name: string, firm: string) => boolean;
  given: (folded: string, page: string) => string[];
  product?: true;
}

const PEOPLE: PairingKind = {
  names: PERSON,
  // Capitalised ordinary words are a title, not a person (Pod Quality of Service Classes).
  skip: (person) => person.split(/\s+/).every((w) => isOrdinaryWord(w.toLowerCase())),
  stated: pairings,
  isSelf: (person, firm) => person.includes(firm),
  given: pageAffiliations,
};

/** Products a firm is said to make (Gardener is Red Hat's tool; the page: Gardener という SAP が開発している). */
const PRODUCTS: PairingKind = {
  names: PRODUCT,
  skip: () => false,
  stated: makerPairings,
  isSelf: (product, firm) => product === firm,
  given: pageMakers,
  product: true,
};

/** The firms the question pairs with a name of this kind whom the pages give another firm, never this one. */
function findUnheld(text: string, kind: PairingKind, read: () => readonly string[]): StatedAffiliation[] {
  const unheld: StatedAffiliation[] = [];
  for (const [name] of text.matchAll(kind.names)) {
    if (kind.skip(name)) continue;
    const stated = kind.stated(name).map((re) => re.exec(text)?.[1]).find((w) => w !== undefined && !kind.isSelf(name, w));
    if (stated === undefined) continue;
    const folded = normalizeFolded(name);
    const given = read().flatMap((page) => (page.includes(folded) ? kind.given(folded, page) : []));
    if (given.length === 0) continue;
    const firm = squash(normalizeFolded(stated));
    const held = given.some((g) => g === firm || g.endsWith(firm) || firm.endsWith(g));
    if (!held && !unheld.some((u) => u.person === name)) unheld.push({ person: name, firm: stated, ...(kind.product ? { product: true as const } : {}) });
  }
  return unheld;
}

/**
 * The firms the question pairs with a person (or says make a product) whom the pages give another
 * firm, never this one. Empty for most questions (no name, no firm, or the pages silent on it).
 */
export function findUnheldAffiliations(question: string, pages: readonly string[] | (() => readonly string[])): StatedAffiliation[] {
  const text = question.normalize('NFKC');
  const read = typeof pages === 'function' ? pages : () => pages;
  return [...findUnheld(text, PEOPLE, read), ...findUnheld(text, PRODUCTS, read)];
}
