/** Rendering of classified plain-text lines (see plaintext.ts) as Markdown. */
import { fence } from './code.js';
import { splitLongParagraph } from './paragraphs.js';

/** One classified element of a plain-text article. `indent` is the seed's indentation. */
export type Node =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'code'; lines: string[] }
  | { kind: 'item'; indent: number; number: number | null; text: string }
  | { kind: 'cont'; indent: number; text: string; caption: boolean };

/** A paragraph that would otherwise start a Markdown block (list, heading, quote) is escaped. */
function escapeBlockStart(text: string): string {
  return /^(#{1,6}\s|>|[-+*]\s|\d+[.)]\s)/.test(text) ? `\\${text}` : text;
}

/**
 * Placeholders such as `/proc/<PID>/comm` would be read as HTML tags by Markdown renderers and
 * vanish; the ASCII run holding one becomes a code span (text unchanged, backticks added).
 */
export function protectPlaceholders(text: string): string {
  return text.replace(/[!-~]*<[A-Za-z][\w-]*>[!-~]*/g, (run) => {
    if (run.includes('`')) return run;
    const lead = /^[:(]*/.exec(run)?.[0] ?? '';
    return `${lead}\`${run.slice(lead.length)}\``;
  });
}

export function render(nodes: Node[]): string {
  const out: string[] = [];
  // Open list items: seed indentation and the output column where their content starts.
  let stack: { indent: number; col: number }[] = [];
  let prev: Node['kind'] | undefined;
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const paragraphs = (text: string, pad: string): void => {
    splitLongParagraph(text).forEach((p, i) => {
      if (i > 0) out.push('');
      out.push(pad + escapeBlockStart(protectPlaceholders(p)));
    });
  };

  for (const node of nodes) {
    if (node.kind === 'item' || node.kind === 'cont') {
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= node.indent) stack.pop();
    } else {
      stack = [];
    }
    const pad = ' '.repeat(stack[stack.length - 1]?.col ?? 0);
    switch (node.kind) {
      case 'heading':
        blank();
        out.push(`${'#'.repeat(node.level)} ${node.text}`);
        break;
      case 'para':
        blank();
        paragraphs(node.text, '');
        break;
      case 'caption':
        blank();
        out.push(`*${node.text}*`);
        break;
      case 'code':
        blank();
        out.push(fence(node.lines));
        break;
      case 'item': {
        if (prev !== 'item') blank();
        const marker = node.number === null ? '- ' : `${node.number}. `;
        out.push(pad + marker + protectPlaceholders(node.text));
        stack.push({ indent: node.indent, col: pad.length + marker.length });
        break;
      }
      case 'cont':
        blank();
        if (node.caption) out.push(`${pad}*${node.text}*`);
        else paragraphs(node.text, pad);
        break;
    }
    prev = node.kind;
  }
  return `${out.join('\n').trim()}\n`;
}
