/**
 * Authorization for a single workspace. Bolt's built-in one calls auth.test once at start-up
 * and keeps the promise, so a network blip then would fail every later request; this one
 * retries on the next request until auth.test has succeeded once.
 */
import type { Authorize } from '@slack/bolt';
import type { WebClient } from './web-client.js';

export function createSingleWorkspaceAuthorize(client: WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}
