/**
 * Names a question asks about that no article mentions. A question about "Karpenter NodePools"
 * or "AppArmor" may share every other word with the corpus (configure, profile, CRI-O) and
 * look answerable by word overlap; when the thing it names appears in no passage, heading or
 * title, the corpus cannot answer it. Names are told from ordinary words by their spelling:
 * CamelCase (AppArmor), capitals (IPVS), or a capital letter anywhere but at the start of an
 * English sentence (Karpenter, Prometheus).
 */
import { analyse, CONCEPT_PREFIX, defaultGlossary, splitIdentifier } from '../text/analyse.js';

const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)*/g;

/** Latin-script tokens of the question that are spelled like names. */
export function namedTokens(question: string): string[] {
  const names: string[] = [];
  for (const match of question.matchAll(LATIN_TOKEN)) {
    const token = match[0];
    if (token.length < 2) continue;
    const at = match.index;
    const before = question.slice(0, at);
    const after = question.slice(at + token.length);
    // "Explain eviction": an English sentence's first word is capitalised whatever it is.
    const startsEnglishSentence = (before.trim() === '' || /[.?!。？！]\s*$/.test(before)) && /^\s+[A-Za-z]/.test(after);
    const camel = /[a-z][A-Z]/.test(token);
    const capitals = /^[A-Z0-9.\-_]+$/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2;
    const capitalised = /^[A-Z]/.test(token) && !startsEnglishSentence;
    if (camel || capitals || capitalised) names.push(token);
  }
  return names;
}

export interface NameLookup {
  /** Passages containing the term. */
  documentFrequency(term: string): number;
  /** Whether an article title contains the text (normalised as the analyser does). */
  inTitle(normalized: string): boolean;
}

/** The question's names that the corpus never mentions. */
export function findUnknownNames(question: string, lookup: NameLookup): string[] {
  return [...new Set(namedTokens(question))].filter((name) => !isKnownName(name, lookup));
}

function isKnownName(name: string, { documentFrequency, inTitle }: NameLookup): boolean {
  const terms = analyse(name);
  const whole = terms.find((t) => t.kind !== 'concept' && !t.partOf);
  // A function word ("How", "Is") names nothing.
  if (!whole) return true;
  if (documentFrequency(whole.term) > 0) return true;
  // A glossary concept of the whole name (not of one of its parts) the corpus spells otherwise.
  const key = whole.kind === 'ident' ? splitIdentifier(whole.term).join(' ') : whole.term;
  for (const concept of terms.filter((t) => t.kind === 'concept')) {
    const forms = defaultGlossary().formsOf(concept.term.slice(CONCEPT_PREFIX.length));
    if (documentFrequency(concept.term) > 0 && forms.some((f) => f === key || f === whole.term)) return true;
  }
  return inTitle(whole.term) || inTitle(name.toLowerCase());
}
