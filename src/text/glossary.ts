/**
 * Cross-script vocabulary: a glossary of Kubernetes terms, English ⇄ Japanese with
 * katakana variants, kept as data in `glossary.yml`. When any form of an entry occurs in a
 * text, the analyser adds the entry's concept term, so サイドカー and sidecar find the same
 * passages.
 */
import { parse } from 'yaml';

export interface GlossarySegment {
  text: string;
  latin: boolean;
}

/** Joins segments the way the forms were keyed: Latin words with a space, Japanese without. */
function joinKey(previous: string, prevLatin: boolean, next: GlossarySegment): string {
  if (previous === '') return next.text;
  return prevLatin && next.latin ? `${previous} ${next.text}` : previous + next.text;
}

export class Glossary {
  /** form key → canonical concept names */
  private readonly forms = new Map<string, Set<string>>();
  private maxSegments = 1;
  private formsByConcept: Map<string, string[]> | undefined;

  /**
   * @param entries each entry lists the forms of one concept; the first is its canonical name.
   * @param segment splits a form exactly as the analyser splits text, so keys line up.
   */
  constructor(entries: string[][], segment: (form: string) => GlossarySegment[]) {
    for (const forms of entries) {
      const canonical = forms[0];
      if (canonical === undefined) continue;
      const name = canonical.toLowerCase().replace(/\s+/g, '-');
      for (const form of forms) {
        const segments = segment(form);
        if (segments.length === 0) continue;
        this.maxSegments = Math.max(this.maxSegments, segments.length);
        let key = '';
        let latin = false;
        for (const s of segments) {
          key = joinKey(key, latin, s);
          latin = s.latin;
        }
        const names = this.forms.get(key) ?? new Set<string>();
        names.add(name);
        this.forms.set(key, names);
      }
    }
  }

  get size(): number {
    return this.forms.size;
  }

  /** The normalised forms of a concept, for finding it in text (excerpts, highlights). */
  formsOf(concept: string): string[] {
    if (!this.formsByConcept) {
      // Built on first use: every question asks for the forms of each of its concepts.
      this.formsByConcept = new Map();
      for (const [key, names] of this.forms) for (const name of names) this.formsByConcept.set(name, [...(this.formsByConcept.get(name) ?? []), key]);
    }
    return this.formsByConcept.get(concept) ?? [];
  }

  /** Concept names whose forms occur in the segment sequence, once per occurrence. */
  findConcepts(segments: readonly GlossarySegment[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      let key = '';
      let latin = false;
      for (let j = i; j < segments.length && j < i + this.maxSegments; j++) {
        const s = segments[j]!;
        key = joinKey(key, latin, s);
        latin = s.latin;
        const names = this.forms.get(key);
        if (names) found.push(...names);
      }
    }
    return found;
  }
}

export function parseGlossary(yamlText: string, source = 'glossary'): string[][] {
  const data: unknown = parse(yamlText);
  if (!Array.isArray(data)) throw new Error(`Glossary: ${source} must be a YAML list of term lists`);
  return data.map((entry, i) => {
    if (!Array.isArray(entry) || entry.length < 2 || !entry.every((f) => typeof f === 'string' && f.trim() !== '')) {
      throw new Error(`Glossary: entry ${i + 1} of ${source} must list two or more non-empty forms, got ${JSON.stringify(entry)}`);
    }
    return entry as string[];
  });
}

export const GLOSSARY_FILE = new URL('./glossary.yml', import.meta.url);
