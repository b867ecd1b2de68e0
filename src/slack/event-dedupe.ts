/**
 * Slack resends an event it thinks was not delivered (X-Slack-Retry-Num, same event_id). A
 * small TTL + LRU set of event ids seen makes sure one event never gets two answers from one
 * process. With several replicas a retry can land on another pod: that needs a shared store
 * (Redis SET NX with a TTL); the http_timeout rule in `shouldSkipEvent` covers the common case.
 */
export class TtlSet {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `key`; false when it was already there (and not expired). */
  add(key: string): boolean {
    const t = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + this.ttlMs);
    // Map keeps insertion order: the first keys are the oldest.
    for (const [k, e] of this.seen) {
      if (this.seen.size <= this.maxSize && e > t) break;
      this.seen.delete(k);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

export interface EventDelivery {
  eventId: string | undefined;
  retryNum: number | undefined;
  retryReason: string | undefined;
}

export type SkipReason = 'duplicate_event' | 'retry_after_timeout';

/**
 * Why an event delivery should not be answered, or undefined to answer it.
 * - the same event_id was seen in this process (Slack's retry, or a replay);
 * - a retry whose reason is `http_timeout`: the first delivery did reach an instance (we ack at
 *   once, so it is still being answered there), so answering again would post twice.
 */
export function shouldSkipEvent(delivery: EventDelivery, seen: TtlSet): SkipReason | undefined {
  if (delivery.eventId !== undefined && !seen.add(delivery.eventId)) return 'duplicate_event';
  if (delivery.retryNum !== undefined && delivery.retryNum > 0 && delivery.retryReason === 'http_timeout') return 'retry_after_timeout';
  return undefined;
}
