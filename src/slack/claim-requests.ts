/**
 * Every request Slack sends is claimed before it is acknowledged, so it is answered once however
 * many times, and to however many replicas, Slack delivers it (with REDIS_URL the claims are
 * shared). Bolt acknowledges events before any middleware runs, hence a subclass of App that
 * claims in processEvent, the receivers' entry point.
 *
 * - An event whose claim cannot be made (Redis unreachable) is NOT acknowledged: HTTP answers
 *   503 and Socket Mode leaves it un-acked, so Slack delivers it again later.
 * - A retry (X-Slack-Retry-Num) of an event still being answered elsewhere also gets a 503:
 *   if that replica dies, Slack's next retry finds the claim expired and answers it. On its last
 *   retry, or when the event was answered, the delivery is acknowledged and dropped.
 * - A slash command or button click whose claim cannot be made is answered all the same.
 * - A claim is a CLAIM_LEASE_MS lease, renewed while the answer is worked on; when done it is kept
 *   CLAIM_DONE_MS, far beyond Slack's retries (the last comes about 5 minutes after the first
 *   delivery). A request that failed with nothing posted gives its claim back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { EventClaims } from '../state/event-claims.js';

/** Default lease (CLAIM_LEASE_MS): a dead replica's claim frees this long after its last renewal, before Slack's 1-minute retry. */
export const CLAIM_LEASE_MS = 30_000;
export const CLAIM_DONE_MS = 60 * 60_000;
/** Slack retries an event 3 times (about 1 s, 1 min and 5 min after the first delivery). */
const LAST_RETRY = 3;

export type ClaimKind = 'event' | 'command' | 'action';

export interface ClaimTarget {
  kind: ClaimKind;
  key: string;
}

/** What a delivery is claimed as: events by event_id, commands and clicks by their trigger_id. */
export function selectClaimTarget(body: unknown): ClaimTarget | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (b.type === 'event_callback') return typeof b.event_id === 'string' ? { kind: 'event', key: `event:${b.event_id}` } : undefined;
  if (typeof b.trigger_id !== 'string' || b.trigger_id === '') return undefined;
  if (typeof b.command === 'string') return { kind: 'command', key: `command:${b.trigger_id}` };
  if (b.type === 'block_actions') return { kind: 'action', key: `action:${b.trigger_id}` };
  return undefined;
}

/** The delivery was not taken on: the receiver answers 503 (HTTP) or leaves it un-acked (Socket Mode), and Slack retries. */
export class DeliveryDeferredError extends Error {
  constructor(readonly reason: 'store_unavailable' | 'answering_elsewhere') {
    super(`delivery deferred: ${reason}`);
  }
}

interface DeliveryRecord {
  undelivered: boolean;
}

const delivery = new AsyncLocalStorage<DeliveryRecord>();

/** A request failed with nothing reaching the user: its claim is given back, for Slack's retry. */
export function markUndelivered(): void {
  const record = delivery.getStore();
  if (record) record.undelivered = true;
}

export interface ClaimingOptions {
  claims: EventClaims;
  logger: Logger;
  /** Default CLAIM_LEASE_MS; renewed every third of it while answering. */
  leaseMs?: number;
}

export class ClaimingApp extends App {
  readonly #claiming: ClaimingOptions;

  constructor(options: AppOptions, claiming: ClaimingOptions) {
    super(options);
    this.#claiming = claiming;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    return processClaimed(event, this.#claiming, (e) => super.processEvent(e));
  }
}

export async function processClaimed(event: ReceiverEvent, { claims, logger, leaseMs = CLAIM_LEASE_MS }: ClaimingOptions, process: (event: ReceiverEvent) => Promise<void>): Promise<void> {
  const target = selectClaimTarget(event.body);
  if (!target) return process(event);
  const { kind, key } = target;
  const ids = { key, retryNum: event.retryNum, retryReason: event.retryReason };

  let claimed: boolean;
  try {
    claimed = await claims.claim(key, leaseMs);
  } catch (error) {
    if (kind === 'event') {
      logger.warn({ event: 'event_deferred', reason: 'store_unavailable', ...ids, error: String(error) }, 'could not claim the event; not acknowledged, so Slack delivers it again');
      throw new DeliveryDeferredError('store_unavailable');
    }
    logger.warn({ event: 'claim_unavailable', kind, ...ids, error: String(error) }, `could not claim the ${kind}; answering it anyway`);
    return process(event);
  }

  if (!claimed) {
    const retry = event.retryNum ?? 0;
    if (kind === 'event' && retry > 0 && retry < LAST_RETRY && !(await claims.isDone(key).catch(() => false))) {
      logger.info({ event: 'event_deferred', reason: 'answering_elsewhere', ...ids }, 'retry of an event still being answered; Slack will retry it later');
      throw new DeliveryDeferredError('answering_elsewhere');
    }
    const id = key.slice(key.indexOf(':') + 1);
    logger.info({ event: kind === 'event' ? 'event_skipped' : 'request_skipped', reason: 'duplicate_event', kind, ...ids, ...(kind === 'event' ? { eventId: id } : { triggerId: id }) }, 'already answered; not answered again');
    await event.ack();
    return;
  }

  const renew = setInterval(() => void claims.renew(key, leaseMs).catch(() => false), leaseMs / 3);
  renew.unref();
  const record: DeliveryRecord = { undelivered: false };
  let failed = false;
  try {
    await delivery.run(record, () => process(event));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    clearInterval(renew);
    const giveBack = failed || record.undelivered;
    const settle = giveBack ? claims.release(key) : claims.complete(key, CLAIM_DONE_MS);
    await settle.catch((error: unknown) => logger.warn({ event: 'claim_not_settled', ...ids, giveBack, error: String(error) }, 'could not update the claim; it expires on its own'));
    if (giveBack) logger.info({ event: 'claim_released', ...ids }, 'nothing was posted; the claim is given back for a retry');
  }
}
