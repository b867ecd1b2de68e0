/**
 * What a button remembers: the question and the page offset (and, for feedback, the articles
 * shown), as compact JSON within Slack's 2,000-character value limit. A long question is
 * trimmed; answer() only searches its first MAX_QUESTION_CHARS characters anyway.
 */
import { MAX_QUESTION_CHARS } from '../../answer/clean-question.js';
import { LIMITS } from './limits.js';

export interface AnswerRef {
  /** The question as searched. */
  q: string;
  /** Offset of the page. */
  o: number;
  /** Article ids on the page (feedback buttons only). */
  a?: string[];
  /** The thread's earlier question a follow-up was searched with. */
  c?: string;
  /** The asker's language when not Japanese. */
  l?: 'en';
}

export function encodeAnswerRef(ref: AnswerRef, maxLength: number = LIMITS.buttonValue): string {
  let q = [...ref.q].slice(0, MAX_QUESTION_CHARS).join('');
  let a = ref.a;
  // The context matters less than the question: it is trimmed harder and dropped first.
  let c = ref.c === undefined ? undefined : [...ref.c].slice(0, 200).join('');
  const cut = (s: string, over: number): string => [...s].slice(0, Math.max(0, [...s].length - Math.ceil(over / 2) - 1)).join('');
  for (;;) {
    const value = JSON.stringify({ q, o: ref.o, ...(a ? { a } : {}), ...(c ? { c } : {}), ...(ref.l ? { l: ref.l } : {}) });
    if (value.length <= maxLength || (q === '' && !a?.length && !c)) return value;
    if (a && a.length > 0) a = a.slice(0, -1);
    else if (c) c = cut(c, value.length - maxLength) || undefined;
    else q = cut(q, value.length - maxLength);
  }
}

/** The ref in a button value, or undefined when the value is not one of ours. */
export function decodeAnswerRef(value: string | undefined): AnswerRef | undefined {
  if (!value) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  const d = data as Partial<AnswerRef> | null;
  if (typeof d?.q !== 'string' || typeof d.o !== 'number' || !Number.isInteger(d.o) || d.o < 0 || d.o > 1000) return undefined;
  const a = Array.isArray(d.a) ? d.a.filter((x): x is string => typeof x === 'string').slice(0, 20) : undefined;
  return { q: d.q, o: d.o, ...(a ? { a } : {}), ...(typeof d.c === 'string' && d.c !== '' ? { c: d.c } : {}), ...(d.l === 'en' ? { l: 'en' as const } : {}) };
}
