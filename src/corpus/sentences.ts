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
