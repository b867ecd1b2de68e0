/**
 * Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks). Slack rejects a whole
 * message that breaks one, so builders stay inside them and `findLimitProblems` checks.
 */
import type { SlackMessage } from './message.js';

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Ours, not Slack's (40,000): the fallback text is for notifications and screen readers. */
  fallbackText: 3000,
} as const;

/** Every limit `message` breaks, as readable lines; empty when it is fine. */
export function findLimitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  check(message.blocks.length <= LIMITS.blocksPerMessage, `${message.blocks.length} blocks > ${LIMITS.blocksPerMessage}`);
  check(message.text.length <= LIMITS.fallbackText, `fallback text ${message.text.length} > ${LIMITS.fallbackText}`);
  message.blocks.forEach((block, i) => {
    const at = `block ${i} (${block.type})`;
    if ('block_id' in block && block.block_id) check(block.block_id.length <= LIMITS.blockId, `${at}: block_id too long`);
    if (block.type === 'section') {
      check((block.text?.text.length ?? 0) <= LIMITS.sectionText, `${at}: text ${block.text?.text.length} > ${LIMITS.sectionText}`);
      check((block.text?.text.length ?? 0) > 0, `${at}: empty text`);
    } else if (block.type === 'header') {
      check(block.text.text.length <= LIMITS.headerText, `${at}: text ${block.text.text.length} > ${LIMITS.headerText}`);
    } else if (block.type === 'context') {
      check(block.elements.length <= LIMITS.contextElements, `${at}: ${block.elements.length} elements > ${LIMITS.contextElements}`);
      for (const e of block.elements) {
        if ('text' in e && typeof e.text === 'string') check(e.text.length > 0 && e.text.length <= LIMITS.contextText, `${at}: element text length ${e.text.length}`);
      }
    } else if (block.type === 'actions') {
      check(block.elements.length <= LIMITS.actionsElements, `${at}: ${block.elements.length} elements > ${LIMITS.actionsElements}`);
      for (const e of block.elements) {
        if (e.type !== 'button') continue;
        check(e.text.text.length <= LIMITS.buttonText, `${at}: button label ${e.text.text.length} > ${LIMITS.buttonText}`);
        check((e.value?.length ?? 0) <= LIMITS.buttonValue, `${at}: button value ${e.value?.length} > ${LIMITS.buttonValue}`);
        check((e.action_id?.length ?? 0) <= LIMITS.actionId, `${at}: action_id too long`);
      }
    }
  });
  return problems;
}
