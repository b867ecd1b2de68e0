import { describe, expect, it } from 'vitest';
import { shouldSkipEvent, TtlSet } from '../../src/slack/event-dedupe.js';

describe('event-dedupe', () => {
  describe('TtlSet', () => {
    it('reports a key seen within its TTL, and forgets it after', () => {
      let now = 0;
      const set = new TtlSet(1000, 10, () => now);
      expect(set.add('a')).toBe(true);
      expect(set.add('a')).toBe(false);
      now = 1001;
      expect(set.add('a')).toBe(true);
    });

    it('keeps at most maxSize keys, dropping the oldest', () => {
      const set = new TtlSet(60_000, 3);
      for (const k of ['a', 'b', 'c', 'd']) set.add(k);
      expect(set.size).toBe(3);
      expect(set.add('a')).toBe(true);
      expect(set.add('d')).toBe(false);
    });
  });

  describe('shouldSkipEvent', () => {
    it('skips an event id already seen, whatever the retry headers', () => {
      const seen = new TtlSet(60_000, 10);
      expect(shouldSkipEvent({ eventId: 'Ev1', retryNum: undefined, retryReason: undefined }, seen)).toBeUndefined();
      expect(shouldSkipEvent({ eventId: 'Ev1', retryNum: 1, retryReason: 'http_error' }, seen)).toBe('duplicate_event');
    });

    it('skips a retry after a timeout (another instance got the first delivery), answers other retries', () => {
      const seen = new TtlSet(60_000, 10);
      expect(shouldSkipEvent({ eventId: 'Ev2', retryNum: 1, retryReason: 'http_timeout' }, seen)).toBe('retry_after_timeout');
      expect(shouldSkipEvent({ eventId: 'Ev3', retryNum: 1, retryReason: 'http_error' }, seen)).toBeUndefined();
    });
  });
});
