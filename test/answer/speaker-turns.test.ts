import { describe, expect, it } from 'vitest';
import { labelNames, speakerLabels } from '../../src/answer/speaker-turns.js';

describe('speaker turns', () => {
  it('runs a turn from a speaker label to the next one', () => {
    const labels = speakerLabels(['Carlos Santana (CS): もちろんです。', '6年前に始めました。', 'FSM: それで？', 'CS: はい。']);
    expect(labels).toEqual([['Carlos Santana', 'CS'], ['Carlos Santana', 'CS'], ['FSM'], ['CS']]);
    expect(speakerLabels(['ノードの話です。', 'kubelet: 設定'])).toEqual([undefined, undefined]);
  });

  it('knows a speaker by full name, first name or initials, and no one else', () => {
    expect(labelNames(['CS'], 'Carlos Santana')).toBe(true);
    expect(labelNames(['Carlos'], 'Carlos Santana')).toBe(true);
    expect(labelNames(['Carlos Santana', 'CS'], 'Carlos Santana')).toBe(true);
    expect(labelNames(['FSM'], 'Carlos Santana')).toBe(false);
    expect(labelNames(['Arpit'], 'Carlos Santana')).toBe(false);
  });
});
