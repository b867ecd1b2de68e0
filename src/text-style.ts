/** How terminal renderers (`ask`, the shell) mark bold and dim text: ANSI codes on a TTY, nothing otherwise. */
export interface TextStyle {
  bold: (s: string) => string;
  dim: (s: string) => string;
}

export const PLAIN_STYLE: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ANSI_STYLE: TextStyle = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };
