/**
 * The one Redis connection a process uses (ioredis). Commands fail fast instead of queueing
 * while Redis is away (`enableOfflineQueue: false`) and time out after COMMAND_TIMEOUT_MS, so a
 * hung or missing Redis delays an answer by at most that, never indefinitely. Reconnection is
 * ioredis' own; a PING every few seconds notices a Redis that is connected but not answering.
 * One log line when Redis becomes unreachable, one when it is back.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import { errorInfo } from '../../logger.js';
import { SCRIPTS, type ScriptedRedis } from './scripts.js';

/** A loopback or in-cluster Redis answers in well under a millisecond; this bounds a hung one. */
export const COMMAND_TIMEOUT_MS = 1000;
const PING_INTERVAL_MS = 2000;

export interface RedisConnection {
  redis: ScriptedRedis;
  /** False while Redis is unreachable or not answering (readiness reports it). */
  isAvailable(): boolean;
  /** Resolves once Redis answers; rejects after `timeoutMs` with a message naming the URL. */
  whenReady(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** The URL with any password replaced, for logs and messages. */
export function formatRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL (not a URL)';
  }
}

export function createRedisConnection(url: string, logger: Logger): RedisConnection {
  const where = formatRedisUrl(url);
  const log = logger.child({ component: 'redis' });
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    // Keep trying, at most a second apart: a restarted Redis is used again within a second.
    retryStrategy: (times) => Math.min(times * 100, 1000),
  }) as ScriptedRedis;
  for (const [name, script] of Object.entries(SCRIPTS)) redis.defineCommand(name, script);

  let connected = false;
  let answering = true;
  let reportedDown = false;
  let everUp = false;
  let closing = false;
  const available = (): boolean => connected && answering;
  const down = (reason: string, error?: unknown): void => {
    if (reportedDown || closing) return;
    reportedDown = true;
    log.error({ event: 'redis_unavailable', redis: where, reason, ...(error ? { failure: errorInfo(error) } : {}) }, `Redis at ${where} is unreachable (${reason}): /readyz is 503, events are left for Slack to retry, commands are answered without a claim`);
  };
  const up = (): void => {
    if (!available()) return;
    if (reportedDown) log.info({ event: 'redis_recovered', redis: where }, `Redis at ${where} is reachable again`);
    else if (!everUp) log.info({ event: 'redis_connected', redis: where }, `shared state in Redis at ${where}`);
    reportedDown = false;
    everUp = true;
  };

  redis.on('ready', () => {
    connected = true;
    answering = true;
    up();
  });
  redis.on('error', (error: Error) => {
    connected = redis.status === 'ready';
    down((error as NodeJS.ErrnoException).code ?? error.message, error);
  });
  redis.on('close', () => {
    connected = false;
    down('connection closed');
  });

  const ping = setInterval(() => {
    if (!connected) return;
    redis.ping().then(
      () => {
        answering = true;
        up();
      },
      (error: unknown) => {
        answering = false;
        down('not answering', error);
      },
    );
  }, PING_INTERVAL_MS);
  ping.unref();

  return {
    redis,
    isAvailable: available,
    async whenReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!available()) {
        if (Date.now() > deadline) throw new Error(`Redis at ${where} (REDIS_URL) did not answer within ${Math.round(timeoutMs / 1000)} s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      closing = true;
      clearInterval(ping);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
