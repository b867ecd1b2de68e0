/**
 * Sentence boundaries for Japanese and English: after 。！？ (with any closing bracket or
 * quote), or after . ! ? followed by whitespace, so `v1.30` and `node.kubernetes.io` stay
 * whole. The pieces keep their trailing spaces: joining them gives back the text unchanged.
 */
const END = /[。！？]+[」』）)"'”]*\s*|[.!?]+[)"'”]*\s+/gu;

export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const m of text.matchAll(END)) {
    const end = m.index + m[0].length;
    if (end < text.length) {
      pieces.push(text.slice(start, end));
      start = end;
    }
  }
  pieces.push(text.slice(start));
  return pieces.filter((p) => p.trim() !== '');
}

/** The text of each located sentence, NFKC-normalised as the evidence checks match it. */
export function sentenceTexts(text: string, located: ReadonlyArray<{ start: number; end: number }> = locateLineSentences(text)): string[] {
  return located.map(({ start, end }) => text.slice(start, end).normalize('NFKC'));
}

/** A passage's sentences with their offsets, line by line: a list item or a code line is a sentence of its own. */
export function locateLineSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    let s = at;
    for (const piece of splitSentences(line)) {
      const start = text.indexOf(piece, s);
      out.push({ start, end: start + piece.length });
      s = start + piece.length;
    }
    at += line.length + 1;
  }
  return out;
}

/** The same sentences as text, trimmed, empty ones left out. */
export function lineSentences(text: string): string[] {
  return locateLineSentences(text)
    .map(({ start, end }) => text.slice(start, end).trim())
    .filter((s) => s !== '');
}
