/**
 * Slack text → the question: mentions removed (the bot's and anyone's), channels as `#name`,
 * links as their label, special mentions (`<!channel>`, `<!here>`, user groups) dropped, and
 * the `&amp; &lt; &gt;` entities Slack puts in user text decoded.
 *
 *   questionFromSlackText('<@U0BOT> <#C1|sig-node> の <https://k8s.io|ドキュメント> &lt;Pod&gt;')
 *   // → '#sig-node の ドキュメント <Pod>'
 */
import { decodeEntities } from './blocks/mrkdwn.js';

export function questionFromSlackText(text: string): string {
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
