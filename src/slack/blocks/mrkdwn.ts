/**
 * Safe mrkdwn from untrusted text (articles, echoed questions): Slack's three entities escaped
 * so nothing can ping (`<!channel>`, `<@U…>`) or inject a link, `@here`/`@channel`/`@everyone`
 * and bare URLs broken with an invisible word joiner so they stay text even where Slack parses
 * plain text (the fallback `text`; every text object is also `verbatim`, see message.ts),
 * length trimmed at sentence boundaries, bold that survives Japanese text.
 */

/** `&`, `<`, `>` → entities: the only escaping Slack's mrkdwn needs, and all it needs. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack encodes user-typed `&<>` in event and command text; undo it before searching. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Slack only opens bold at a word boundary; Japanese has no spaces, so a zero-width space
// marks the boundary (`これは\u200B*太字*\u200Bです`).
const BOUNDARY = '\u200B';
// `*` from the text would close our bold early (or open a new one): show a look-alike instead.
const ASTERISK_LOOKALIKE = '\u2217';

// U+2060 WORD JOINER: invisible, and no mention or URL is recognised across it.
const JOINER = '\u2060';

/** `@here`, `@channel`, `@everyone` and `scheme://` / `www.` links made inert (shown the same). */
export function neutraliseAutoLinks(text: string): string {
  return text
    .replace(/@(?=(?:here|channel|everyone)\b)/giu, `@${JOINER}`)
    .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/giu, `$1:${JOINER}`)
    .replace(/\b(www)\./giu, `$1${JOINER}.`);
}

/** Article text for mrkdwn: escaped, mentions and URLs made inert, asterisks neutralised. */
export function plainMrkdwn(text: string): string {
  return neutraliseAutoLinks(escapeMrkdwn(text)).replace(/\*/g, ASTERISK_LOOKALIKE);
}

/** `*text*` around escaped text; whitespace stays outside the markers, or Slack ignores them. */
export function boldMrkdwn(text: string): string {
  const match = /^(\s*)(.*?)(\s*)$/su.exec(text)!;
  const [, lead, core, trail] = match;
  if (!core) return plainMrkdwn(text);
  return `${lead}${BOUNDARY}*${plainMrkdwn(core)}*${BOUNDARY}${trail}`;
}

/** A URL fit for `<url|label>`; undefined when it is not an http(s) URL or too long to be worth a link. */
export function linkUrl(url: string, maxLength = 1500): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(url)) return undefined;
  const safe = url.replace(/[<>|"\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return safe.length <= maxLength ? safe : undefined;
}

/** `<url|label>` with the label escaped; just the label when the URL cannot be linked. */
export function linkMrkdwn(url: string, label: string): string {
  const safe = linkUrl(url);
  const text = plainMrkdwn(label).replace(/\|/g, '\u2223');
  return safe ? `<${safe}|${text}>` : text;
}

const ELLIPSIS = '…';
// A sentence ends at 。！？ or at .!? followed by whitespace; a line break ends one too.
const SENTENCE_END = /[。！？]|[.!?](?=\s)|\n/g;

/**
 * Text of at most `maxLength` UTF-16 units: cut after the last sentence that fits when that
 * keeps at least half, else at a space, else anywhere (never inside a surrogate pair); `…` marks the cut.
 */
export function trimText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= ELLIPSIS.length) return '';
  const window = text.slice(0, maxLength - ELLIPSIS.length);
  let cut = -1;
  for (const m of window.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  if (cut < window.length / 2) {
    const space = window.search(/\s\S*$/);
    cut = space >= window.length / 2 ? space : window.length;
  }
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * `render(trimText(text, n))` for the largest n whose result fits `maxLength` (escaping makes
 * text longer, up to 5× for `&`); '' when even the empty text does not fit.
 */
export function fitRendered(text: string, maxLength: number, render: (s: string) => string = plainMrkdwn): string {
  const attempt = (n: number): string => render(trimText(text, n));
  const whole = attempt(text.length);
  if (whole.length <= maxLength) return whole;
  let best = attempt(0).length <= maxLength ? attempt(0) : '';
  let lo = 1;
  let hi = Math.min(text.length, maxLength);
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const out = attempt(mid);
    if (out.length <= maxLength) {
      best = out;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Whole lines joined with `\n`, as many as fit in `maxLength` (a line is never cut: it may hold a link). */
export function joinWithin(lines: readonly string[], maxLength: number): string {
  let out = '';
  for (const line of lines) {
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length > maxLength) break;
    out = next;
  }
  return out;
}
