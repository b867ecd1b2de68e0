/**
 * The bot's identity in its one workspace (auth.test: bot id, bot user id, team), fetched once
 * at start-up and retried with backoff until Slack answers, then cached for the life of the
 * process. Authorization never makes a round trip per request and never fails: until the
 * identity is known a request is handled with the token alone (our own messages are still
 * recognised by their bot_id), and /readyz stays 503 so no traffic is routed here meanwhile.
 */
import type { Authorize } from '@slack/bolt';
import { errorInfo, type Logger } from '../logger.js';
import { slackErrorCode, type WebClient } from './web-client.js';

export interface Identity {
  botId?: string;
  botUserId?: string;
  teamId?: string;
}

export interface BotIdentity {
  /** The identity, once auth.test has succeeded. */
  current(): Identity | undefined;
  /** Resolves once known. */
  readonly known: Promise<Identity>;
  /** Starts fetching (idempotent). */
  start(): void;
  stop(): void;
  authorize: Authorize<boolean>;
}

export interface BotIdentityOptions {
  client: WebClient;
  botToken: string;
  logger: Logger;
  /** First retry delay, doubled up to maxDelayMs. Default 500 ms → 30 s. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export function createBotIdentity({ client, botToken, logger, minDelayMs = 500, maxDelayMs = 30_000 }: BotIdentityOptions): BotIdentity {
  let identity: Identity | undefined;
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveKnown!: (i: Identity) => void;
  const known = new Promise<Identity>((resolve) => (resolveKnown = resolve));

  const attempt = async (n: number): Promise<void> => {
    try {
      const r = await client.auth.test({ token: botToken });
      identity = { botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id };
      logger.info({ event: 'bot_identity', botUserId: identity.botUserId, team: identity.teamId, attempts: n + 1 }, 'bot identity known (auth.test)');
      resolveKnown(identity);
    } catch (error) {
      if (stopped) return;
      const delay = Math.min(maxDelayMs, minDelayMs * 2 ** n);
      logger.warn({ event: 'bot_identity_unavailable', error: slackErrorCode(error), failure: errorInfo(error), retryInMs: delay }, 'auth.test failed; retrying (requests are still answered)');
      timer = setTimeout(() => void attempt(n + 1), delay);
      timer.unref();
    }
  };

  return {
    current: () => identity,
    known,
    start() {
      if (started) return;
      started = true;
      void attempt(0);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    authorize: async () => ({ botToken, ...(identity ?? {}) }),
  };
}
