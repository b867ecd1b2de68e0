/**
 * Slack text → the question: mentions removed (the bot's and anyone's), channels as `#name`,
 * links as their label, special mentions (`<!channel>`, `<!here>`, user groups) dropped, and
 * the `&amp; &lt; &gt;` entities Slack puts in user text decoded.
 *
 *   questionFromSlackText('<@U0BOT> <#C1|sig-node> の <https://k8s.io|ドキュメント> &lt;Pod&gt;')
 *   // → '#sig-node の ドキュメント <Pod>'
 */
import { decodeEntities } from './blocks/mrkdwn.js';

/**
 * Slack text longer than this is cut (by UTF-8 bytes, before any analysis) — far more than the
 * 500 characters answer() searches, even with markup, so a 2 MB text costs no more than a short one.
 */
export const MAX_SLACK_TEXT_BYTES = 8 * 1024;

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes, never cutting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so slicing first keeps the work bounded by maxBytes.
  const head = text.length > maxBytes ? text.slice(0, maxBytes) : text;
  const bytes = Buffer.from(head, 'utf8');
  if (bytes.length <= maxBytes) return head;
  return bytes.subarray(0, maxBytes).toString('utf8').replace(/\uFFFD+$/, '');
}

export function questionFromSlackText(raw: string): string {
  const text = truncateUtf8(raw, MAX_SLACK_TEXT_BYTES);
  const withoutMarkup = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => replaceMarkup(inner));
  return decodeEntities(withoutMarkup).replace(/\s+/g, ' ').trim();
}

function replaceMarkup(inner: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return ' '; // user mention, including the bot's
  if (target.startsWith('#')) return label ? ` #${label} ` : ' ';
  if (target.startsWith('!')) {
    // <!date^…|fallback> shows its fallback; @channel, @here, @everyone and user groups are dropped.
    return target.startsWith('!date^') && label ? label : ' ';
  }
  return label ?? target; // <https://…|label>, <mailto:…>
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
