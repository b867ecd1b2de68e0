/** Turns raw input into a searchable question: no control characters, bounded length. */
export const MAX_QUESTION_CHARS = 500;

export interface CleanQuestion {
  text: string;
  notices: string[];
}

export function cleanQuestion(raw: string, maxChars = MAX_QUESTION_CHARS): CleanQuestion {
  const notices: string[] = [];
  // Control characters (other than whitespace) and lone surrogates from garbled input.
  let text = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length > maxChars) {
    text = chars.slice(0, maxChars).join('');
    notices.push(`The question was ${chars.length} characters long; only the first ${maxChars} were searched.`);
  }
  return { text, notices };
}
