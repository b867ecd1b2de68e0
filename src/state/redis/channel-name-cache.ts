/** The channel-name cache in Redis, so replicas share one conversations.info answer per channel. */
import type { ChannelNameCache } from '../channel-name-cache.js';
import { KEY_PREFIX, type ScriptedRedis } from './scripts.js';

export function createRedisChannelNameCache(redis: ScriptedRedis): ChannelNameCache {
  const key = (channelId: string): string => `${KEY_PREFIX}channel-name:${channelId}`;
  return {
    async get(channelId) {
      const text = await redis.get(key(channelId));
      if (text === null) return undefined;
      const { name } = JSON.parse(text) as { name: string | null };
      return { name: name ?? undefined };
    },
    async set(channelId, name, ttlMs) {
      await redis.set(key(channelId), JSON.stringify({ name: name ?? null }), 'PX', ttlMs);
    },
  };
}
