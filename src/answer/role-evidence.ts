/**
 * Role evidence: a who-question naming a role (`SIG Releaseのチェアって誰？`, `who is the tech
 * lead of SIG Cloud Provider?`) is answered by a person named beside that role, and beside the
 * role's owner when the question names one (`SIG Release`, `Release Engineering`). A page
 * naming a person in another role (SIG Release's technical leader for its chair) or another
 * group's holder (the Release Team's for Release Engineering's) does not say who holds it.
 * Likewise a question asking what role a named person has (`Mrunal PatelってSIG Nodeで何の
 * 役職？`) is answered only where a role word stands beside that person's name.
 *
 * The role words are the community's governance titles (the Kubernetes community's own
 * vocabulary: chair, lead, maintainer, reviewer, approver; an event's organizer), grouped by title so that `テック
 * リード` finds `テクニカル・リーダー` (both a lead) and `チェア` finds `議長` but never a lead.
 */
import { sentenceTexts } from '../corpus/sentences.js';
import { personFinder, selectEvidenceKinds } from '../search/asked-things.js';
import { labelNames, speakerLabels } from './speaker-turns.js';

/**
 * reach: sentences either side of a person's within which the role (and its owner) must be. A
 * self-introduction gives the name, then a line of background, then the role (`Matthias
 * Bertschyと申します。フランス人で…。…SIG Nodeのレビュアー、そしてProwのメンテナーを務めています`):
 * 2, one more than a date's or a person's share of the question's words (ANSWER_EVIDENCE.reach).
 */
export const ROLE_EVIDENCE = { reach: 2 };

/** A governance title as written, by family (NFKC text; `メンテナンス` is upkeep, not a maintainer). */
const ROLE_FAMILIES = {
  chair: /\b(?:co-?)?chair(?:s|person|persons)?\b|(?:共同)?チェア(?:マン)?|議長|座長/iu,
  lead: /\b(?:tech(?:nical)?\s+)?lead(?:er)?s?\b|(?:テック|テクニカル)?[・･\s]?リード|リーダー?/iu,
  maintainer: /\bmaintainers?\b|メンテナ(?!ンス)ー?/iu,
  reviewer: /\breviewers?\b|レビュ(?:ア|ーア)ー?|レビュワー/iu,
  approver: /\bapprovers?\b|アプ(?:ル|ロ)ーバー?|承認者/iu,
  organizer: /\borgani[sz]ers?\b|オーガナイザー?|主催者/iu,
} as const;
export type RoleFamily = keyof typeof ROLE_FAMILIES;
export const FAMILIES = Object.keys(ROLE_FAMILIES) as RoleFamily[];

/**
 * What role someone has (役職, 肩書き, what role does … have / hold): answered by any governance
 * title beside them. Not 役割 or "what role does X play", which ask what a thing does.
 */
const ASKS_ROLE = /役職|肩書き?|\bwhat\s+(?:role|position)\s+(?:does|do|did)\s+.+?\s+(?:have|hold)\b/iu;
/**
 * A job title (シニア・ソリューション・アーキテクト at AWS, a staff engineer, CTO): what a firm
 * calls someone's position, which answers 役職 / 肩書き as a governance title does, but names
 * no title a who-question asks about.
 */
const JOB_TITLE = /アーキテクト|エンジニア|マネージャー?|ディレクター?|エバンジェリスト|アドボケイト|コンサルタント|デベロッパー?|プログラマー?|創業者|共同創業者|社長|部長|\b(?:architect|engineer|manager|director|evangelist|advocate|consultant|developer|programmer|founder|co-founder|cto|ceo|vp|president)s?\b/iu;

/** A role word used as a verb (`who leads SIG Node`, `誰がリードしている`): it names no title to look for. */
const VERB_BEFORE = /\b(?:who|will|does|did|to|that|which)\s+$/iu;
const VERB_AFTER = /^(?:し|す|さ)/u;
/** A person named right after a role (の Sergeyさん, Sergey Kanzhelev, のカンジェレフ氏): the role is theirs. */
const PERSON_AFTER = /^\s*(?:の|である|,)?\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*(?:さん|氏)|[A-Z][a-z]+\s+[A-Z][a-z]+\b|[\p{Script=Katakana}ー\p{Script=Han}]{2,}\s*(?:さん|氏))/u;

/** The owner's name right before the role, as `SIG Releaseの` or `SIG Release's` (Latin words: a SIG, a subproject, a tool). */
export const OWNER_BEFORE = /([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*)*)\s*[\p{Script=Katakana}ー\p{Script=Han}]*\s*(?:の|'s)\s*(?:共同|co-)?\s*$/u;
/** The owner's name right after the role, as `tech lead of SIG Cloud Provider`. */
const OWNER_AFTER = /^\s*(?:of|for|in)\s+(?:the\s+)?([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*)*)/u;
/** Words that end an owner's name read after the role (`of SIG Node now`, `of SIG Node these days`). */
const OWNER_STOP = /\s+(?:now|today|currently|these|this|at|in|right|then)\b.*$/iu;

/** A role the question asks about and whose it is. */
export interface AskedRole {
  family: RoleFamily;
  /** The role as the question writes it (チェア, tech lead). */
  written: string;
  /** Whose role it is, when the question names a Latin-script owner right beside it (SIG Release). */
  owner?: string;
}

/** What a role question asks that the shown passages do not say (the answer is none). */
export interface RoleGap {
  /** `holder`: who holds the role (written, of owner); `role`: what role the named person (owner) has. */
  asks: 'holder' | 'role';
  /** The role as the question writes it (チェア, tech lead, 役職). */
  role: string;
  /** Its title family, for a holder asked about (a notice in another language names the title by it). */
  family?: RoleFamily;
  of?: string;
}

export function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The same, global, for reading every role a question names (matchAll copies them, so they hold no state). */
export const ROLE_FAMILIES_ALL = Object.fromEntries(FAMILIES.map((f) => [f, new RegExp(ROLE_FAMILIES[f].source, 'giu')])) as Record<RoleFamily, RegExp>;

function familiesIn(text: string): Set<RoleFamily> {
  return new Set(FAMILIES.filter((f) => ROLE_FAMILIES[f].test(text)));
}

/** The roles a question names, each with its owner if written beside it. */
export function selectAskedRoles(question: string): AskedRole[] {
  const text = question.normalize('NFKC');
  const out: AskedRole[] = [];
  for (const family of FAMILIES) {
    for (const m of text.matchAll(ROLE_FAMILIES_ALL[family])) {
      if (VERB_BEFORE.test(text.slice(0, m.index)) || VERB_AFTER.test(text.slice(m.index + m[0].length))) continue;
      // The role of a person the question names (議長のSergeyさん以外で, chair Sergey): said of them, not asked.
      if (PERSON_AFTER.test(text.slice(m.index + m[0].length))) continue;
      const before = OWNER_BEFORE.exec(text.slice(0, m.index))?.[1];
      const after = OWNER_AFTER.exec(text.slice(m.index + m[0].length))?.[1]?.replace(OWNER_STOP, '');
      const owner = (before ?? after)?.replace(/^(?:the|a|an)\s+/i, '');
      out.push({ family, written: m[0].trim(), ...(owner ? { owner } : {}) });
    }
  }
  return out;
}

export interface RolePassage {
  text: string;
}

/** A passage's sentences (NFKC), each read at most once for its titles and its compact text. */
export class Sentences {
  readonly text: string[];
  private readonly families: Array<Set<RoleFamily> | undefined> = [];
  private readonly compacted: Array<string | undefined> = [];
  constructor(passage: string) {
    this.text = sentenceTexts(passage);
  }
  familiesAt(i: number): Set<RoleFamily> {
    return (this.families[i] ??= familiesIn(this.text[i]!));
  }
  compactAt(i: number): string {
    return (this.compacted[i] ??= compact(this.text[i]!));
  }
  /** Indices of the sentences within `reach` of sentence i. */
  around(i: number, reach: number): number[] {
    const out: number[] = [];
    for (let j = Math.max(0, i - reach); j <= Math.min(this.text.length - 1, i + reach); j++) out.push(j);
    return out;
  }
}

/**
 * For a who-question naming a role: the roles no shown passage names beside a person (and
 * beside the role's owner, when the question names one). For a question asking what role a
 * person it names has: that person, when no shown passage names them beside any governance
 * title. Empty for every other question, and nothing read.
 */
export function findRoleGaps(question: string, shown: readonly RolePassage[], reach = ROLE_EVIDENCE.reach): RoleGap[] {
  const asksWho = selectEvidenceKinds(question).includes('person');
  const asked = asksWho ? selectAskedRoles(question) : [];
  const named = !asksWho && ASKS_ROLE.test(question) ? namedPersons(question) : [];
  if ((asked.length === 0 && named.length === 0) || shown.length === 0) return [];
  // A passage without any title asked about (or, for 役職, any title or job title at all) answers nothing: not read further.
  const wanted = asked.length > 0 ? new Set<RoleFamily>(asked.flatMap((r) => (r.family === 'lead' ? ['lead', 'chair'] : [r.family]))) : new Set(FAMILIES);
  const titled = (text: string): boolean => [...familiesIn(text)].some((f) => wanted.has(f)) || (asked.length === 0 && JOB_TITLE.test(text));
  const passages = shown.filter((p) => titled(p.text.normalize('NFKC'))).map((p) => new Sentences(p.text));
  if (asked.length > 0) {
    const holdsPerson = personFinder(question);
    const owners = asked.map((r) => ownerWords(r.owner));
    // Any one role the question names, found beside a person, answers it (`チェアかテックリード`).
    // Read from the titles out: a person is looked for only near a sentence holding one (the person pattern is the costly scan).
    const held = passages.some((p) => {
      const person = new Map<number, boolean>();
      const personAt = (i: number): boolean => person.get(i) ?? (person.set(i, holdsPerson(p.text[i]!)), person.get(i)!);
      return asked.some((r, k) =>
        p.text.some((_, j) => answersRole(r, p.familiesAt(j)) && p.around(j, reach).some((i) => personAt(i) && owners[k]!.every((word) => p.around(i, reach).some((n) => p.compactAt(n).includes(word))))),
      );
    });
    return held ? [] : asked.slice(0, 1).map((r) => ({ asks: 'holder', role: r.written, family: r.family, ...(r.owner ? { of: r.owner } : {}) }));
  }
  const role = ASKS_ROLE.exec(question.normalize('NFKC'))?.[0].trim() ?? '';
  const beside = (person: string): boolean => {
    const name = compact(person);
    const titleAt = (p: Sentences, j: number): boolean => p.familiesAt(j).size > 0 || JOB_TITLE.test(p.text[j]!);
    // Beside their name, or anywhere in their own turn of an interview (speaker-turns.ts).
    return passages.some((p) => {
      const labels = speakerLabels(p.text);
      return p.text.some((_, i) => (p.compactAt(i).includes(name) && p.around(i, reach).some((j) => titleAt(p, j))) || (labels[i] !== undefined && labelNames(labels[i]!, person) && titleAt(p, i)));
    });
  };
  return named.filter((p) => !beside(p)).map((p) => ({ asks: 'role' as const, role, of: p }));
}

/**
 * The owner's name words, each to be found beside the person (`Node SIG`, `sig-node` for SIG
 * Node): those written with a capital or a digit; a lowercase word (`subproject`) may be
 * written in Japanese on the page.
 */
export function ownerWords(owner: string | undefined): string[] {
  return owner === undefined ? [] : owner.normalize('NFKC').split(/[\s._-]+/).filter((w) => /[A-Z0-9]/.test(w)).map((w) => w.toLowerCase());
}

/** Whether a title in a sentence is the one asked: a plain lead (リード, leader) is any of a group's leads, its chairs too; a tech lead is a tech lead. */
function answersRole(r: AskedRole, families: ReadonlySet<RoleFamily>): boolean {
  return families.has(r.family) || (r.family === 'lead' && !/tech|テック|テクニカル/iu.test(r.written) && families.has('chair'));
}

/** Latin two-word names the question asks about (Mrunal Patel); roles and titles are no names. */
function namedPersons(question: string): string[] {
  const text = question.normalize('NFKC');
  return [...text.matchAll(/\b[A-Z][a-z]+\s+[A-Z][a-z]+\b/gu)].map((m) => m[0]).filter((n) => personFinder('')(n) && familiesIn(n).size === 0);
}
