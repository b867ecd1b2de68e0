/** Line-level predicates shared by the plain-text converter. */

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

export function hasJapanese(s: string): boolean {
  return JAPANESE.test(s);
}

export function isBlank(s: string): boolean {
  return s.trim() === '';
}

export function leadingSpaces(s: string): number {
  return s.length - s.trimStart().length;
}

/** A list item as the scrape renders it: `  • text` or `  1. text`, indented two spaces a level. */
export interface ListLine {
  indent: number;
  /** `null` for a bullet, the number for a numbered item. */
  number: number | null;
  text: string;
}

export function parseListLine(s: string): ListLine | undefined {
  const bullet = /^(\s*)•\s+(.*)$/.exec(s);
  if (bullet) return { indent: (bullet[1] as string).length, number: null, text: (bullet[2] as string).trimEnd() };
  // Numbered items are always indented in the seeds; a line starting "1. " at column 0 is prose.
  const numbered = /^(\s+)(\d{1,3})\.\s+(.*)$/.exec(s);
  if (numbered) return { indent: (numbered[1] as string).length, number: Number(numbered[2]), text: (numbered[3] as string).trimEnd() };
  return undefined;
}

/** Commands that open a line of a shell session in the seeds (with or without a prompt). */
const COMMAND =
  /^(?:[$❯]\s+|\/ # )|^(?:kubectl|cat|curl|crictl|crit|checkpointctl|docker|sudo|export|echo|oras|podman|skopeo|buildah|semanage|restorecon|jq|helm|tar|ls|grep|ps)(?:\s|$)|^[A-Za-z_]\w*=\S|^--[a-z]/;

/** A line that reads like a shell command (never prose: no Japanese outside a `#` comment). */
export function isCommandLine(s: string): boolean {
  return COMMAND.test(s) && !hasJapanese(s);
}

/** Inside a block of consecutive lines: does this line look like code rather than prose? */
export function isCodeish(s: string): boolean {
  return !hasJapanese(s) || /^\s*#/.test(s);
}

/** Sentence-final punctuation: a line ending so is prose, never a title or caption. */
export function endsLikeSentence(s: string): boolean {
  return /[。!！:：、]$/.test(s.trimEnd());
}

/** `Name: ...` / `FSM: ...` interview turns are paragraphs even when short. */
export function isSpeakerTurn(s: string): boolean {
  return /^[A-Za-z][\w .()/'-]{0,40}[:：]/.test(s);
}
