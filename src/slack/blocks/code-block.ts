/**
 * Code as code: a passage's code block as a mrkdwn ``` block, line breaks kept, cut at a line
 * boundary to fit (Slack would reject the whole message over its limits).
 */
import { escapeMrkdwn } from './mrkdwn.js';

export interface CodeBlockOptions {
  /** Most characters of the rendered block, fences included. */
  maxChars: number;
  /** Most lines shown. Default 15: a glance, the article has the rest. */
  maxLines?: number;
  /** Wording for the lines left out (from the message catalogue). */
  cutNote: (lines: number) => string;
}

/** ```…``` with the code escaped; '' when not even one line fits. */
export function formatCodeBlock(code: string, { maxChars, maxLines = 15, cutNote }: CodeBlockOptions): string {
  // A ``` inside the code would end our block early: a zero-width space keeps it literal.
  const lines = code.replace(/\t/g, '  ').split('\n').map((l) => escapeMrkdwn(l).replace(/```/g, '`\u200B``'));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const render = (n: number): string => {
    const note = n < lines.length ? `\n${cutNote(lines.length - n)}` : '';
    return `\`\`\`\n${lines.slice(0, n).join('\n')}\n\`\`\`${note}`;
  };
  for (let n = Math.min(lines.length, maxLines); n > 0; n--) {
    const out = render(n);
    // One over-long line is cut rather than lost.
    if (out.length <= maxChars) return out;
    if (n === 1) {
      const room = maxChars - (render(1).length - lines[0]!.length) - 1;
      if (room < 20) return '';
      lines[0] = `${lines[0]!.slice(0, room).replace(/&[a-z]*$/, '')}…`;
      return render(1).length <= maxChars ? render(1) : '';
    }
  }
  return '';
}
