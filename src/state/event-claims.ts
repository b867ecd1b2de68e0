/**
 * Claims on the requests Slack sends, so one request is answered once however many times (and
 * to however many replicas) Slack delivers it. A claim starts as a short lease, renewed while
 * the answer is being worked on, and ends either completed (kept, marked done, for longer than
 * Slack retries) or released (nothing was posted: the next delivery does the work).
 */
export interface EventClaims {
  /** Takes `id` for `ttlMs` unless it is held or done: true when this process got it (atomic everywhere). */
  claim(id: string, ttlMs: number): Promise<boolean>;
  /** Keeps a claim this process holds for another `ttlMs`; false when it is no longer ours. */
  renew(id: string, ttlMs: number): Promise<boolean>;
  /** The work is done: the claim stays, marked done, for `ttlMs`. False when it was no longer ours. */
  complete(id: string, ttlMs: number): Promise<boolean>;
  /** Gives back a claim this process holds (a done one, or someone else's, is left alone). */
  release(id: string): Promise<void>;
  /** Whether `id` was completed by anyone (rather than still being worked on, or free). */
  isDone(id: string): Promise<boolean>;
}

/** The embedded default: one process's memory (a replica on its own sees every delivery). */
export function createMemoryEventClaims(options: { maxEntries?: number; now?: () => number } = {}): EventClaims {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const claims = new Map<string, { done: boolean; expires: number }>();
  const live = (id: string): { done: boolean; expires: number } | undefined => {
    const entry = claims.get(id);
    if (entry && entry.expires > now()) return entry;
    claims.delete(id);
    return undefined;
  };
  return {
    async claim(id, ttlMs) {
      if (live(id)) return false;
      claims.set(id, { done: false, expires: now() + ttlMs });
      // Map keeps insertion order: the first keys are the oldest.
      for (const [key, entry] of claims) {
        if (claims.size <= maxEntries && entry.expires > now()) break;
        claims.delete(key);
      }
      return true;
    },
    async renew(id, ttlMs) {
      const entry = live(id);
      if (!entry || entry.done) return false;
      entry.expires = now() + ttlMs;
      return true;
    },
    async complete(id, ttlMs) {
      const entry = live(id);
      if (!entry || entry.done) return false;
      claims.set(id, { done: true, expires: now() + ttlMs });
      return true;
    },
    async release(id) {
      if (live(id)?.done === false) claims.delete(id);
    },
    async isDone(id) {
      return live(id)?.done === true;
    },
  };
}
