/**
 * Everyday Japanese synonyms from SudachiDict (src/text/data/sudachi-synonyms.tsv, made by
 * scripts/generate-synonyms.ts): a question's やり方 also looks for 方法 and 手段. Used at
 * query time only, weighted below the question's own words (src/search/query.ts), so the
 * index and its build are unchanged.
 */
import { readFileSync } from 'node:fs';
import { foldKatakana, foldPlural, normalizeText } from './normalize.js';
import { parseSynonymGroups, type SynonymForm } from './synonyms-format.js';

export const SYNONYMS_FILE = new URL('./data/sudachi-synonyms.tsv', import.meta.url);

/** A form as the analyser would index it when it is one word: folded case, width, ー and plural. */
export function synonymKey(form: string): string {
  const n = normalizeText(form);
  return /^[a-z]+$/.test(n) ? foldPlural(n) : foldKatakana(n);
}

export class Synonyms {
  private readonly groupsByKey = new Map<string, number[]>();

  constructor(private readonly groups: readonly SynonymForm[][]) {
    groups.forEach((group, index) => {
      for (const { form, triggers } of group) {
        if (!triggers) continue;
        const key = synonymKey(form);
        const list = this.groupsByKey.get(key);
        if (!list) this.groupsByKey.set(key, [index]);
        else if (!list.includes(index)) list.push(index);
      }
    });
  }

  get size(): number {
    return this.groups.length;
  }

  /** The other forms of every group the word triggers, as written in the dictionary. */
  of(word: string): string[] {
    const key = synonymKey(word);
    const out = new Set<string>();
    for (const index of this.groupsByKey.get(key) ?? []) {
      for (const { form } of this.groups[index]!) if (synonymKey(form) !== key) out.add(form);
    }
    return [...out];
  }
}

let cache: Synonyms | undefined;

/** The shipped dictionary, read on first use (about 1 MB of text). */
export function defaultSynonyms(): Synonyms {
  cache ??= new Synonyms(parseSynonymGroups(readFileSync(SYNONYMS_FILE, 'utf8')));
  return cache;
}
