import { describe, expect, it } from 'vitest';
import { selectClaimTarget } from '../../src/slack/claim-requests.js';

describe('selectClaimTarget', () => {
  it('claims events by event_id, commands and button clicks by trigger_id', () => {
    expect(selectClaimTarget({ type: 'event_callback', event_id: 'Ev1', event: {} })).toEqual({ kind: 'event', key: 'event:Ev1' });
    expect(selectClaimTarget({ command: '/k8s', text: 'x', trigger_id: '123.456.abc' })).toEqual({ kind: 'command', key: 'command:123.456.abc' });
    expect(selectClaimTarget({ type: 'block_actions', trigger_id: '789.1.def', actions: [] })).toEqual({ kind: 'action', key: 'action:789.1.def' });
  });

  it('claims nothing it cannot name', () => {
    expect(selectClaimTarget({ type: 'event_callback' })).toBeUndefined();
    expect(selectClaimTarget({ command: '/k8s' })).toBeUndefined();
    expect(selectClaimTarget({ type: 'view_submission', trigger_id: 't' })).toBeUndefined();
    expect(selectClaimTarget(null)).toBeUndefined();
    expect(selectClaimTarget('text')).toBeUndefined();
  });
});
