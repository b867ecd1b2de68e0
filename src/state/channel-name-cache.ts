/** Channel id → name (or "no name we can read"), remembered for a while so conversations.info is not asked per question. */
export interface CachedName {
  /** Undefined: the lookup failed or the channel has no name; remembered all the same. */
  name: string | undefined;
}

export interface ChannelNameCache {
  get(channelId: string): Promise<CachedName | undefined>;
  set(channelId: string, name: string | undefined, ttlMs: number): Promise<void>;
}

export function createMemoryChannelNameCache(options: { maxEntries?: number; now?: () => number } = {}): ChannelNameCache {
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { name: string | undefined; expires: number }>();
  return {
    async get(channelId) {
      const hit = cache.get(channelId);
      return hit && hit.expires > now() ? { name: hit.name } : undefined;
    },
    async set(channelId, name, ttlMs) {
      cache.delete(channelId);
      cache.set(channelId, { name, expires: now() + ttlMs });
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    },
  };
}
