/** src/config.ts: every setting problem in one message, in plain words, values shown unless secret. */
import { describe, expect, it } from 'vitest';
import { loadDigestConfig, loadSearchConfig, loadSlackConfig } from '../src/config.js';
import { problemsOf } from './support/config-problems.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh' };

describe('config', () => {
  describe('loadSlackConfig', () => {
    it('names PORT, DIGEST_CRON and DIGEST_TZ in one pass, in plain words', () => {
      const problems = problemsOf(() => loadSlackConfig({ ...SLACK, PORT: 'abc', DIGEST_CRON: 'bogus', DIGEST_TZ: 'Mars/Base' }));
      expect(problems).toHaveLength(3);
      expect(problems[0]).toBe('PORT is "abc": must be a whole number from 1 to 65535');
      expect(problems[1]).toMatch(/^DIGEST_CRON is "bogus": is not a cron schedule .*"0 9 \* \* \*"/);
      expect(problems[2]).toMatch(/^DIGEST_TZ is "Mars\/Base": is not a time zone .*Asia\/Tokyo/);
      expect(problems.join('\n')).not.toMatch(/NaN|expected number|received/);
    });

    it('checks DIGEST_CRON and DIGEST_TZ even when DIGEST_CHANNEL is not set', () => {
      const problems = problemsOf(() => loadSlackConfig({ ...SLACK, DIGEST_CHANNEL: '', DIGEST_CRON: '61 9 * * *', DIGEST_TZ: 'Nowhere' }));
      expect(problems.map((p) => p.split(' ')[0])).toEqual(['DIGEST_CRON', 'DIGEST_TZ']);
      expect(problems[0]).toContain('minute');
    });

    it('lists the missing Slack settings together with the malformed ones', () => {
      const problems = problemsOf(() => loadSlackConfig({ PORT: '70000', LOG_LEVEL: 'loud' }));
      expect(problems[0]).toMatch(/^no Slack settings/);
      expect(problems).toContain('PORT is "70000": must be a whole number from 1 to 65535');
      expect(problems).toContain('LOG_LEVEL is "loud": must be one of fatal, error, warn, info, debug, trace, silent');
    });

    it('never shows a secret value, even a malformed one', () => {
      const error = (() => {
        try {
          loadSlackConfig({ SLACK_BOT_TOKEN: 'hunter2-secret', SLACK_APP_TOKEN: 'also-secret' });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error?.message).toContain('SLACK_BOT_TOKEN must be a bot token');
      expect(error?.message).toContain('SLACK_APP_TOKEN must be an app-level token');
      expect(error?.message).not.toMatch(/hunter2|also-secret/);
    });

    it('accepts an empty DIGEST_CRON (schedule off), 6-field patterns and IANA aliases', () => {
      expect(loadSlackConfig({ ...SLACK, DIGEST_CRON: '' }).digest.cron).toBe('');
      expect(loadSlackConfig({ ...SLACK, DIGEST_CRON: ' 0 30 9 * * 1-5 ', DIGEST_TZ: 'UTC' }).digest).toMatchObject({ cron: '0 30 9 * * 1-5', timeZone: 'UTC' });
      expect(loadSlackConfig(SLACK).digest).toMatchObject({ cron: '0 9 * * *', timeZone: 'Asia/Tokyo' });
    });
  });

  describe('loadDigestConfig', () => {
    it('needs the bot token and DIGEST_CHANNEL for a real run, and names both with any other problem', () => {
      const problems = problemsOf(() => loadDigestConfig({ DIGEST_TZ: 'Mars/Base' }));
      expect(problems.map((p) => p.split(' ')[0])).toEqual(['DIGEST_TZ', 'SLACK_BOT_TOKEN', 'DIGEST_CHANNEL']);
    });

    it('needs no Slack settings for a dry run, but still checks the others', () => {
      expect(loadDigestConfig({}, { dryRun: true })).toMatchObject({ botToken: undefined, digest: { channel: undefined } });
      expect(problemsOf(() => loadDigestConfig({ DIGEST_CRON: 'x' }, { dryRun: true }))[0]).toMatch(/^DIGEST_CRON is "x"/);
    });
  });

  describe('loadSearchConfig', () => {
    it('ignores Slack settings it does not need', () => {
      expect(loadSearchConfig({ PORT: 'abc', CORPUS_DIR: 'c' }).corpusDir).toBe('c');
    });
  });
});
