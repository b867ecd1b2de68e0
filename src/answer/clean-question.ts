/** Turns raw input into a searchable question: no control characters, bounded length. */
import type { Notice } from './types.js';

export const MAX_QUESTION_CHARS = 500;

export interface CleanQuestion {
  text: string;
  notices: Notice[];
}

export function cleanQuestion(raw: string, maxChars = MAX_QUESTION_CHARS): CleanQuestion {
  const notices: Notice[] = [];
  // Control characters (other than whitespace) and lone surrogates from garbled input.
  let text = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length > maxChars) {
    text = chars.slice(0, maxChars).join('');
    notices.push({ kind: 'truncated', length: chars.length, max: maxChars });
  }
  return { text, notices };
}
