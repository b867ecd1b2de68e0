/**
 * The name of the workspace channel a question was asked in (conversations.info, cached), so
 * a question in your own #sig-node ranks SIG Node's articles higher. Needs channels:read (and
 * groups:read for private channels); when the call fails the answer just goes without the boost.
 * Single-flight: however many questions arrive at once, one conversations.info per channel per
 * process is in flight, and its answer lands in the cache (shared by replicas with REDIS_URL).
 */
import type { Logger } from '../logger.js';
import type { ChannelNameCache } from '../state/channel-name-cache.js';
import { slackErrorCode, type WebClient } from './web-client.js';

export interface ChannelNames {
  /** The channel's name without `#`, or undefined (DM, no scope, unknown channel). */
  lookup(client: WebClient, channelId: string): Promise<string | undefined>;
}

export interface ChannelNameOptions {
  /** How long a name (or a failure) is remembered. Default 10 minutes: renames are rare. */
  ttlMs?: number;
}

export function createChannelNames(cache: ChannelNameCache, logger: Logger, options: ChannelNameOptions = {}): ChannelNames {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const inFlight = new Map<string, Promise<string | undefined>>();

  async function fetchName(client: WebClient, channelId: string): Promise<string | undefined> {
    // A cache that cannot be read (Redis away) only costs the call it would have saved.
    const hit = await cache.get(channelId).catch(() => undefined);
    if (hit) return hit.name;
    let name: string | undefined;
    try {
      const info = await client.conversations.info({ channel: channelId });
      name = info.channel?.name ?? undefined;
    } catch (error) {
      // Failures are cached too: a missing scope would otherwise cost a call per question.
      logger.warn({ event: 'channel_name_unavailable', channel: channelId, error: slackErrorCode(error) }, 'conversations.info failed; answering without the channel boost');
    }
    await cache.set(channelId, name, ttlMs).catch(() => undefined);
    return name;
  }

  return {
    lookup(client, channelId) {
      // DMs (D…) have no name worth boosting.
      if (!/^[CG][A-Z0-9]+$/.test(channelId)) return Promise.resolve(undefined);
      const pending = inFlight.get(channelId);
      if (pending) return pending;
      const lookup = fetchName(client, channelId).finally(() => inFlight.delete(channelId));
      inFlight.set(channelId, lookup);
      return lookup;
    },
  };
}
