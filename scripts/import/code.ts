import { isCommandLine } from './lines.js';

/**
 * The language hint of a fenced block, from its content alone:
 * shell (commands only), console (commands with their output), toml, json, yaml, else text.
 */
export function codeLanguage(lines: string[]): string {
  const content = lines.filter((l) => l.trim() !== '');
  const first = content[0] ?? '';

  // A shell session starts with a command (or a comment before one).
  const startsSession = isCommandLine(first) || (/^#\s/.test(first) && content.some(isCommandLine));
  if (startsSession) {
    let continued = false;
    const allCommands = content.every((l) => {
      const ok = continued || isCommandLine(l) || /^#\s/.test(l);
      // `\` and a trailing pipe carry the command on to the next line.
      continued = /[\\|]\s*$/.test(l);
      return ok;
    });
    return allCommands ? 'shell' : 'console';
  }
  if (/^\[[\w.]+\]$/.test(first.trim()) && content.some((l) => /^\s*[\w.-]+\s*=/.test(l))) return 'toml';
  if (/^[{[]\s*$/.test(first.trim())) return 'json';
  const yamlLine = /^\s*(?:#.*|-(?:\s.*)?|[\w.\-/"']+:(?:\s.*)?)$/;
  if (/^[\w.-]+:(?:\s|$)/.test(first) && content.every((l) => yamlLine.test(l))) return 'yaml';
  return 'text';
}

/** Fences a block; falls back to `~~~` should the content itself contain a backtick fence. */
export function fence(lines: string[]): string {
  const mark = lines.some((l) => l.trimStart().startsWith('```')) ? '~~~' : '```';
  return [`${mark}${codeLanguage(lines)}`, ...lines, mark].join('\n');
}
