import { describe, expect, it } from 'vitest';
import { DigestScheduleError, selectNextDigestRun, startDigestSchedule } from '../../src/digest/schedule.js';
import { createLogger } from '../../src/logger.js';
import { eventually } from '../support/eventually.js';

const logger = createLogger('silent');

describe('digest/schedule', () => {
  describe('startDigestSchedule', () => {
    it('runs the digest on the cron pattern until stopped', async () => {
      let runs = 0;
      const stop = startDigestSchedule({ cron: '* * * * * *', timeZone: 'Asia/Tokyo', logger, run: async () => void runs++ });
      try {
        await eventually('a scheduled run', () => runs >= 1, 10_000);
      } finally {
        stop();
      }
      const after = runs;
      await new Promise((r) => setTimeout(r, 1500));
      expect(runs).toBe(after);
    });

    it('skips a run while the previous one is still going, and survives a run that throws', async () => {
      let started = 0;
      let release!: () => void;
      const stop = startDigestSchedule({
        cron: '* * * * * *',
        timeZone: 'UTC',
        logger,
        run: () => {
          started++;
          if (started === 1) return new Promise<void>((r) => (release = r));
          return Promise.reject(new Error('boom'));
        },
      });
      try {
        await eventually('the first run', () => started === 1);
        await new Promise((r) => setTimeout(r, 2200));
        expect(started).toBe(1);
        release();
        await eventually('runs after the first', () => started >= 3, 10_000);
      } finally {
        stop();
      }
    });

    it('is off when DIGEST_CRON is empty', () => {
      const stop = startDigestSchedule({ cron: '', timeZone: 'Asia/Tokyo', logger, run: async () => expect.unreachable() });
      expect(typeof stop).toBe('function');
      stop();
    });

    it('refuses a malformed pattern or an unknown time zone, naming the setting', () => {
      expect(() => startDigestSchedule({ cron: 'daily', timeZone: 'Asia/Tokyo', logger, run: async () => undefined })).toThrow(DigestScheduleError);
      expect(() => startDigestSchedule({ cron: '0 9 * * *', timeZone: 'Mars/Base', logger, run: async () => undefined })).toThrow(/DIGEST_CRON "0 9 \* \* \*" in DIGEST_TZ "Mars\/Base"/);
    });
  });

  describe('selectNextDigestRun', () => {
    it('reads the pattern in DIGEST_TZ: 09:00 in Tokyo is 00:00 UTC', () => {
      expect(selectNextDigestRun('0 9 * * *', 'Asia/Tokyo', new Date('2024-07-01T01:00:00Z'))?.toISOString()).toBe('2024-07-02T00:00:00.000Z');
      expect(selectNextDigestRun('', 'Asia/Tokyo')).toBeUndefined();
    });
  });
});
