/**
 * Words a question may use that the articles spell differently, added to the query below the
 * question's own words and in the group of the word they came from, so finding either covers
 * that idea once:
 * - everyday Japanese synonyms from SudachiDict (やり方 → 方法, 手段), for a Japanese word the
 *   corpus lacks. Measured with npm run eval: expanding every Japanese word (weight 0.5 or
 *   0.25) cost dev hit@1 0.800 → 0.771 and holdout hit@3 0.833 → 0.813 — the groups are
 *   broad (事由: 経緯, 事情, 経過 …) and pull in passages on neighbouring topics; expanding only
 *   words the articles never use changes neither set and finds the articles' word for them;
 * - katakana loanwords ⇄ English by sound (workflow → ワークフロー): a katakana word the corpus
 *   lacks, and any English word (the corpus may have it only in identifiers: storage in
 *   StorageClass, ストレージ in the prose). Measured with eval:real-docs and npm run eval:
 *   English title → Japanese page hit@3 0.813 → 0.854, English description 0.412 → 0.588,
 *   holdout hit@1/hit@3 0.729/0.833 → 0.750/0.854, dev unchanged. A three-sound key meets
 *   only a word whose vowels agree (loanword-vowels.ts): a wrong spelling (リサイズ as resource)
 *   would vouch for a missing loanword and mislead the unknown-entity check;
 * - the corpus's word for a misspelt one (kubelte → kubelet): a Latin word the corpus lacks and
 *   no word list has, within typoDistance edits of an indexed word; failing one, the katakana
 *   spelling of an ordinary English word one edit from it (blcok → block → ブロック); a
 *   correction brings its glossary concept as the word typed right would (sidcar → サイドカー).
 */
import { analyse } from '../text/analyse.js';
import { foldPlural } from '../text/normalize.js';
import type { LoanwordIndex } from '../text/loanwords.js';
import type { Synonyms } from '../text/synonyms.js';
import { analyseQuery, type AnalysedQuery, type QueryTerm } from './query.js';
import { isOrdinaryWord, surfaceOf, typoDistance } from './unknown-entities.js';

/** An expansion's weight relative to the word it came from; measured with npm run eval. */
export const SYNONYM_WEIGHT = 0.5;
export const LOANWORD_WEIGHT = 0.7;
/** A typo's correction weighs as the word the question meant, a little less: it is a guess. */
export const TYPO_WEIGHT = 0.8;
/** Synonym groups can be long (経緯, 事情, 経過 … for 事由): the first few known forms are enough. */
const MAX_SYNONYMS = 6;

/**
 * Where expansions come from. The dictionaries are asked for only when a word needs them: a
 * question whose every word the corpus has never loads the synonym groups (~0.1 s) or indexes
 * the vocabulary by sound (~0.2 s at 10,000 articles), which start to first answer feels.
 */
export interface ExpansionSources {
  synonyms?: () => Synonyms;
  loanwords?: () => LoanwordIndex;
  /** Whether the corpus has the term at all; expansions it lacks would add nothing. */
  known: (term: string) => boolean;
  /** The indexed term at most `distance` edits from a term, if any. */
  typos?: (term: string, distance: number) => string | undefined;
  /** Ordinary English words one edit from a misspelling (ordinaryWordsNear), for one no indexed word is near. */
  ordinaryNear?: (term: string) => string[];
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_WORD = /^[a-z]{3,}$/;
const KATAKANA = /^[\p{Script=Katakana}ー]{3,}$/u;

export function expandQuery(query: AnalysedQuery, { synonyms, loanwords, known, typos, ordinaryNear }: ExpansionSources): AnalysedQuery {
  const terms = [...query.terms];
  const groups = query.groups.map((g) => ({ ...g, terms: [...g.terms] }));
  const add = (source: QueryTerm, term: string, weight: number, kind: QueryTerm['kind'] = 'word', forms = [term]): void => {
    if (!known(term) || terms.some((q) => q.term === term)) return;
    terms.push({ term, kind, count: 1, forms, weight });
    groups.find((g) => g.terms.includes(source.term))?.terms.push(term);
  };
  for (const t of query.terms) {
    if (typos && (t.kind === 'word' || t.kind === 'ident') && !t.partOf && t.weight === undefined && !known(t.term)) {
      const distance = typoDistance(t.term);
      // The word as typed first: folding a misspelling can make another word's stem of it
      // (containred → containr, one edit from container rather than containerd).
      const typed = surfaceOf(query.text, t.term).toLowerCase();
      const corrected = distance > 0 && !isOrdinaryWord(t.term) ? (typed !== t.term && LATIN_WORD.test(typed) ? typos(typed, typoDistance(typed)) : undefined) ?? typos(t.term, distance) : undefined;
      if (corrected) {
        add(t, corrected, TYPO_WEIGHT, t.kind);
        // The meant word's glossary concept too, as if it had been typed (sidcar → sidecar → サイドカー).
        for (const c of analyseQuery(corrected).terms) if (c.kind === 'concept') add(t, c.term, TYPO_WEIGHT, 'concept', c.forms);
      }
      // The meant word may be one the corpus writes only in katakana (blcok → block → ブロック);
      // capitalised, the word is written as a name (Linkerd is no misspelt linker).
      else if (distance > 0 && loanwords && ordinaryNear && !isOrdinaryWord(t.term) && !/^[A-Z]/.test(surfaceOf(query.text, t.term))) {
        for (const word of ordinaryNear(t.term)) for (const term of loanwords().katakanaFor(foldPlural(word))) add(t, term, TYPO_WEIGHT * LOANWORD_WEIGHT);
      }
    }
    if (t.kind !== 'word' || t.partOf || t.weight !== undefined) continue;
    if (synonyms && JAPANESE.test(t.term) && !known(t.term)) {
      let added = 0;
      for (const form of synonyms().of(t.term)) {
        const words = analyse(form).filter((w) => w.kind !== 'concept' && !w.partOf);
        // A synonym of several words (業務フロー) is not one term to look for.
        if (words.length !== 1 || !known(words[0]!.term)) continue;
        add(t, words[0]!.term, SYNONYM_WEIGHT);
        if (++added >= MAX_SYNONYMS) break;
      }
    }
    // An English word meets its katakana spelling even when the corpus has the English one:
    // Japanese articles write the English word in identifiers and quotes (storage in
    // StorageClass) and the katakana one in the prose (ストレージ), which is what answers.
    if (loanwords && (!known(t.term) || LATIN_WORD.test(t.term))) {
      const found = LATIN_WORD.test(t.term) ? loanwords().katakanaFor(t.term) : KATAKANA.test(t.term) ? loanwords().englishFor(t.term) : [];
      for (const term of found) add(t, term, LOANWORD_WEIGHT);
    }
  }
  return terms.length === query.terms.length ? query : { ...query, terms, groups };
}
