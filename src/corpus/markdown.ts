/**
 * Just enough Markdown for the corpus: headings, fenced code, list items and paragraphs as
 * blocks, and inline markup removed to give the plain text that passages carry. Plain text
 * keeps the wording unchanged: only syntax goes.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'paragraph'; text: string };

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flushParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: plainInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[2]!;
      const code: string[] = [];
      // An unclosed fence runs to the end of the file, as in CommonMark.
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(marker); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', lang: fence[3] ?? '', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: plainInline(heading[2]!) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flushParagraph();
      blocks.push({ kind: 'item', text: plainInline(item[1]!) });
      continue;
    }
    if (line.trim() === '') flushParagraph();
    else paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks.filter((b) => b.kind === 'code' || b.text.trim() !== '');
}

/** Removes inline Markdown: emphasis, code spans, links and images, HTML tags, escapes. */
export function plainInline(text: string): string {
  // Code spans are literal: `<pod-name>` inside one is text, not an HTML tag.
  let out = '';
  let at = 0;
  for (const m of text.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out += plainProse(text.slice(at, m.index)) + m[2]!.replace(/^ (.*) $/s, '$1');
    at = m.index + m[0].length;
  }
  return out + plainProse(text.slice(at));
}

function plainProse(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}
