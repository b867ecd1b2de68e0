/**
 * Bolt and @slack/web-api log through their own `Logger` interface (debug/info/warn/error,
 * setLevel/getLevel/setName). This adapter sends those lines to our pino logger, so they are
 * JSON like every other line and pass through the same token redaction.
 */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { errorInfo } from '../logger.js';

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * A Bolt `Logger` writing to a child of `root` bound to `{ component: name }`.
 * Give each consumer (the App, the WebClient) its own adapter: `setName` replaces the binding.
 */
export function createBoltLogger(root: Logger, name = 'bolt'): BoltLogger {
  let child = root.child({ component: name });
  // Bolt passes anything (strings, errors, objects); one formatted message keeps lines uniform
  // and lets the logger's hook mask tokens quoted in it.
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]): void => {
    if (!child.isLevelEnabled(level)) return;
    const error = args.find((a): a is Error => a instanceof Error);
    const message = format(...args.map((a) => (a instanceof Error ? a.message : a)));
    if (error) child[level]({ failure: errorInfo(error) }, message);
    else child[level](message);
  };
  return {
    debug: (...args: unknown[]) => write('debug', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    setLevel: (level: LogLevel) => {
      child.level = level;
    },
    getLevel: () => TO_BOLT[child.level] ?? LogLevel.INFO,
    setName: (newName: string) => {
      const level = child.level;
      child = root.child({ component: newName });
      child.level = level;
    },
  };
}
