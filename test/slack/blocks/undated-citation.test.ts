import { describe, expect, it } from 'vitest';
import { buildAnswerMessage } from '../../../src/slack/blocks/answer-blocks.js';
import { findLimitProblems } from '../../../src/slack/blocks/limits.js';
import { buildAnswer, buildResult } from './build-answer.js';

describe('answer-blocks: a docs page without a date', () => {
  it('shows no date and no empty parentheses, and never an empty context block', () => {
    const docs = buildResult({ date: '', url: 'https://kubernetes.io/ja/docs/concepts/services-networking/service/', channel: null });
    const message = buildAnswerMessage(buildAnswer({ results: [docs, buildResult({ date: '', articleId: 'b' })] }), { ephemeral: false });
    const json = JSON.stringify(message);
    expect(json).not.toContain('📅');
    expect(message.text).not.toContain('()');
    expect(message.blocks.filter((b) => b.type === 'context' && Array.isArray((b as { elements?: unknown[] }).elements) && (b as { elements: unknown[] }).elements.length === 0)).toEqual([]);
    expect(findLimitProblems(message)).toEqual([]);
  });
});
