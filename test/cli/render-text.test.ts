import { describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/cli/render-text.js';
import { buildAnswer } from '../slack/blocks/build-answer.js';

describe('renderAnswerText', () => {
  it('shows low-confidence results under a caveat line', () => {
    const text = renderAnswerText(buildAnswer({ confidence: 'low' }));
    expect(text.split('\n')[0]).toContain('確信はありません');
    expect(text).toContain('1. ');
  });

  it('shows high-confidence results without the caveat', () => {
    expect(renderAnswerText(buildAnswer({ confidence: 'high' }))).not.toContain('確信はありません');
  });
});
