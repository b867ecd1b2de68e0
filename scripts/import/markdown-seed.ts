/**
 * A seed that is already Markdown (the kubernetes/website source file, with Hugo front matter):
 * its body is kept as written, with only what breaks outside the site fixed.
 */

/** Links on the site are relative to this origin. */
export const SITE_ORIGIN = 'https://kubernetes.io';

export function isMarkdownSeed(lines: string[]): boolean {
  return lines[0]?.trim() === '---';
}

export function convertMarkdownSeed(lines: string[]): string {
  const body = dropFrontMatter(lines);
  let inFence = false;
  const out = body.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || /^\s*(```|~~~)/.test(line)) return line;
    return demoteTitleHeading(absolutiseLinks(line));
  });
  return `${out.join('\n').trim()}\n`;
}

function dropFrontMatter(lines: string[]): string[] {
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error('Markdown seed: unterminated front matter');
  return lines.slice(end + 1);
}

const SITE_PATH = String.raw`(\/ja(?:[/#?][^)\s]*)?)`;
const SITE_LINK = new RegExp(String.raw`\]\(${SITE_PATH}\)`, 'g');
const DOUBLED_SITE_LINK = new RegExp(String.raw`\]\(\(${SITE_PATH}\)\)`, 'g');

/**
 * `(/ja/...)` link and image targets point into kubernetes.io; make them absolute so they work
 * from the corpus. Also repairs the source's doubled parentheses `((/ja/...))`.
 */
export function absolutiseLinks(line: string): string {
  return line
    .replace(DOUBLED_SITE_LINK, (_m, path: string) => `](${SITE_ORIGIN}${path})`)
    .replace(SITE_LINK, (_m, path: string) => `](${SITE_ORIGIN}${path})`);
}

/** The title is the only level-1 heading (it lives in front matter); body sections are `##`. */
function demoteTitleHeading(line: string): string {
  return line.replace(/^# (?=\S)/, '## ');
}
