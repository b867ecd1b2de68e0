/**
 * The name of the workspace channel a question was asked in (conversations.info, cached), so
 * a question in your own #sig-node ranks SIG Node's articles higher. Needs channels:read (and
 * groups:read for private channels); when the call fails the answer just goes without the boost.
 */
import type { Logger } from '../logger.js';
import { slackErrorCode, type WebClient } from './web-client.js';

export interface ChannelNames {
  /** The channel's name without `#`, or undefined (DM, no scope, unknown channel). */
  lookup(client: WebClient, channelId: string): Promise<string | undefined>;
}

export interface ChannelNameOptions {
  /** How long a name (or a failure) is remembered. Default 10 minutes: renames are rare. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createChannelNames(logger: Logger, options: ChannelNameOptions = {}): ChannelNames {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { name: string | undefined; expires: number }>();

  return {
    async lookup(client, channelId) {
      // DMs (D…) have no name worth boosting.
      if (!/^[CG][A-Z0-9]+$/.test(channelId)) return undefined;
      const hit = cache.get(channelId);
      if (hit && hit.expires > now()) return hit.name;
      let name: string | undefined;
      try {
        const info = await client.conversations.info({ channel: channelId });
        name = info.channel?.name ?? undefined;
      } catch (error) {
        // Failures are cached too: a missing scope would otherwise cost a call per question.
        logger.warn({ event: 'channel_name_unavailable', channel: channelId, error: slackErrorCode(error) }, 'conversations.info failed; answering without the channel boost');
      }
      cache.delete(channelId);
      cache.set(channelId, { name, expires: now() + ttlMs });
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      return name;
    },
  };
}
