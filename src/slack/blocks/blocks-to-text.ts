/**
 * Block Kit → readable terminal text, for the shell: links become `label (url)`, bold stays
 * visible through a style, entities are decoded, buttons are listed as `[More results]`.
 */
import type { Block, SlackMessage } from './message.js';
import { decodeEntities } from './mrkdwn.js';
import { PLAIN_STYLE, type TextStyle } from '../../text-style.js';

export function renderMessageAsText(message: SlackMessage, style: TextStyle = PLAIN_STYLE): string {
  if (message.blocks.length === 0) return mrkdwnToText(message.text, style);
  return message.blocks.map((b) => renderBlock(b, style)).filter((s) => s !== undefined).join('\n');
}

function renderBlock(block: Block, style: TextStyle): string | undefined {
  switch (block.type) {
    case 'header':
      return style.bold(block.text.text);
    case 'section':
      return block.text ? mrkdwnToText(block.text.text, style, block.text.type === 'plain_text') : undefined;
    case 'context':
      return style.dim(block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToText(e.text, style, e.type === 'plain_text') : '')).join('  '));
    case 'divider':
      return style.dim('—'.repeat(20));
    case 'actions':
      return block.elements.map((e) => (e.type === 'button' ? `[${e.text.text}]` : `[${e.type}]`)).join(' ');
    default:
      return undefined;
  }
}

/** mrkdwn → text: `<url|label>` → `label (url)`, `*bold*` → style.bold, entities decoded. */
export function mrkdwnToText(text: string, style: TextStyle = PLAIN_STYLE, plain = false): string {
  if (plain) return text;
  return decodeEntities(
    text
      .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, url: string, label: string) => `${label} (${url})`)
      .replace(/<(https?:[^<>]+)>/g, '$1')
      .replace(/\u200B?\*([^*\n]+)\*\u200B?/g, (_m, inner: string) => style.bold(inner))
      .replace(/[\u200B\u2060]/g, '')
      .replace(/\u2217/g, '*'),
  );
}
