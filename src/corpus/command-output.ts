/**
 * Command output in an article's code: a listing names things (a release in `helm list`, a
 * container in `crictl ps`) without saying anything about them, so neither an example of
 * configuring a thing (answer/answer-evidence.ts) nor the corpus writing about it
 * (search/lone-mention.ts) is found there.
 */

/** A row of command output: columns set apart by runs of spaces (`cozy-x   x   4m1s   True`). */
const OUTPUT_ROW = /\S\s{2,}\S+\s{2,}\S/u;

export function isOutputRow(line: string): boolean {
  return OUTPUT_ROW.test(line);
}

/** A code block of command output: a prompt line, or mostly rows of columns. */
export function looksLikeOutput(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '');
  return lines.some((l) => /^\s*\$ /.test(l)) || lines.filter(isOutputRow).length >= Math.max(2, lines.length / 2);
}
