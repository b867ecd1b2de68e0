/**
 * Roles a question states as its premise: a person it names said to hold a governance title
 * (SIG Releaseの議長をしているVerónica Lópezさん, pacoxu さんが SIG Node の chair に就任した).
 * When the pages naming that person give them titles (Verónica López, SIG Releaseのテクニカル
 * リード) but never this one — or this one only of another owner (SIG Nodeのチェア for SIG
 * Network's) — the question is about a fact the articles do not have: the answer is none. A
 * person the pages give no title is left alone. Pure: answer.ts hands in the leading results'
 * pages, read only when the question states such a role.
 */
import { LATIN_PERSON } from './stated-affiliations.js';
import { compact, FAMILIES, OWNER_BEFORE, ownerWords, ROLE_EVIDENCE, ROLE_FAMILIES_ALL, Sentences, type RoleFamily } from './role-evidence.js';

/** A person as a question names one: two capitalised Latin words (accents and McCune too), or a handle or katakana name before さん / 氏. */
const PERSON = `(${LATIN_PERSON}(?:\\s*(?:さん|氏))?|[a-z][a-z0-9_-]{2,}\\s*(?:さん|氏)|[\\p{Script=Katakana}ー]{2,}\\s*(?:さん|氏))`;
/** Holding a role, said after it (議長をしている, を務める) or with it (に就任した, として). */
const HOLDS_AFTER_ROLE = /^\s*(?:を務めて(?:いる|る|いた)|を務める|をして(?:いる|る|いた)|である|の)\s*/u;
const HOLDS_BEFORE_PERSON = /^\s*(?:に就任|を務め|をして|になっ|だっ|として)/u;

export interface StatedRole {
  person: string;
  /** The role as the question writes it (議長, chair). */
  role: string;
  family: RoleFamily;
  /** Whose role, when written right before it (SIG Release). */
  owner?: string;
}

/** The roles a question says people hold: `O の R をしている P`, `P が O の R に就任した`. */
export function selectStatedRoles(question: string): StatedRole[] {
  const text = question.normalize('NFKC');
  const out: StatedRole[] = [];
  for (const family of FAMILIES) {
    for (const m of text.matchAll(ROLE_FAMILIES_ALL[family])) {
      const before = text.slice(0, m.index);
      const after = text.slice(m.index + m[0].length);
      const owner = OWNER_BEFORE.exec(before)?.[1];
      const ownerAt = owner === undefined ? before.length : before.lastIndexOf(owner);
      const held = HOLDS_AFTER_ROLE.exec(after);
      const personAfter = held ? new RegExp(`^${PERSON}`, 'u').exec(after.slice(held[0].length))?.[1] : undefined;
      const personBefore = HOLDS_BEFORE_PERSON.test(after) ? new RegExp(`${PERSON}\\s*(?:が|は|って)\\s*$`, 'u').exec(before.slice(0, ownerAt))?.[1] : undefined;
      const person = (personAfter ?? personBefore)?.replace(/\s*(?:さん|氏)$/u, '');
      if (person) out.push({ person, role: m[0].trim(), family, ...(owner ? { owner } : {}) });
    }
  }
  return out;
}

/**
 * The stated roles the pages contradict: the person is named within reach of some title on
 * them, but never of this title (of this owner, when the question names one).
 */
export function findUnheldRoles(question: string, pages: () => readonly string[], reach = ROLE_EVIDENCE.reach): StatedRole[] {
  const stated = selectStatedRoles(question);
  if (stated.length === 0) return [];
  // Page by page: a title at the top of the next page is no one's on this one.
  const read = pages().map((page) => new Sentences(page));
  return stated.filter((r) => {
    const name = compact(r.person);
    const owner = ownerWords(r.owner);
    let titled = false;
    for (const p of read) {
      for (let i = 0; i < p.text.length; i++) {
        if (!p.compactAt(i).includes(name) || !p.around(i, reach).some((j) => p.familiesAt(j).size > 0)) continue;
        titled = true;
        if (p.around(i, reach).some((j) => p.familiesAt(j).has(r.family) && owner.every((w) => p.around(j, reach).some((n) => p.compactAt(n).includes(w))))) return false;
      }
    }
    return titled;
  });
}
