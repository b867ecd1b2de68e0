/** Turns raw input into a searchable question: no control characters, no emoji shortcodes, bounded length. */
import type { Notice } from './types.js';

export const MAX_QUESTION_CHARS = 500;

/**
 * A Slack emoji shortcode (:thinking_face:, :x:, :+1::skin-tone-2:, one after another) as Slack and chat users type
 * it: a mood, not a word to search. One letter at least, +1 and -1 aside (10:30: is a time), not inside a word
 * or a chain of colons (kube-system:default:view).
 */
const EMOJI_SHORTCODE = /(?<![\p{L}\p{N}:])(?::(?:[+-]1|(?=[a-z0-9_+'-]*[a-z])[a-z0-9_+'-]+):)+(?![\p{L}\p{N}:])/giu;

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
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length > maxChars) {
    text = chars.slice(0, maxChars).join('');
    notices.push({ kind: 'truncated', length: chars.length, max: maxChars });
  }
  return { text, notices };
}
