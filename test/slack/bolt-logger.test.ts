import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createBoltLogger } from '../../src/slack/bolt-logger.js';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const root = createLogger(level, { write: (l: string) => void lines.push(l) });
  return { root, lines: () => lines.map((l) => JSON.parse(l) as Record<string, any>) };
}

describe('bolt-logger', () => {
  describe('createBoltLogger', () => {
    it('writes Bolt lines as pino JSON with a component, formatting all arguments', () => {
      const { root, lines } = capture();
      const log = createBoltLogger(root, 'bolt');
      log.warn('failed', 42, { a: 1 });
      log.error(new Error('boom'));
      expect(lines()).toMatchObject([
        { level: 'warn', component: 'bolt', msg: 'failed 42 { a: 1 }' },
        { level: 'error', component: 'bolt', msg: 'boom', failure: { type: 'Error', message: 'boom' } },
      ]);
    });

    it('masks tokens quoted in messages', () => {
      const { root, lines } = capture();
      createBoltLogger(root).info('request with xoxb-1234-secret-token failed');
      expect(JSON.stringify(lines())).not.toContain('xoxb-1234-secret-token');
    });

    it('maps levels both ways and renames with setName', () => {
      const { root, lines } = capture('debug');
      const log = createBoltLogger(root, 'bolt');
      expect(log.getLevel()).toBe(LogLevel.DEBUG);
      log.setLevel(LogLevel.WARN);
      expect(log.getLevel()).toBe(LogLevel.WARN);
      log.info('hidden');
      log.setName('web-api:WebClient:0');
      log.warn('shown');
      expect(lines()).toMatchObject([{ component: 'web-api:WebClient:0', msg: 'shown' }]);
    });
  });
});
