/**
 * Pure: which articles are new, where each goes, and which deliveries are still due.
 * Destinations are fixed when an article is first found new and kept in the record, so a
 * run that resumes after a crash posts exactly the missing (article × channel) deliveries,
 * and the bot joining a SIG channel later never re-announces older articles there.
 */
import type { ArticleMeta } from '../corpus/article.js';
import { selectChannel, type ChannelMap } from '../corpus/channels.js';
import { DIGEST_STATE_VERSION, type ArticleRecord, type DigestState } from './state.js';

/** A Slack channel: its id and its name (for reports). */
export interface Destination {
  id: string;
  name: string;
}

export interface StartOptions {
  /** YYYY-MM-DD: articles dated from this day on are announced rather than taken as known. */
  since?: string;
  now: Date;
}

/** Articles with no record: never announced, never part of a baseline. */
export function selectNewArticles(articles: readonly ArticleMeta[], state: DigestState): ArticleMeta[] {
  return sortArticles(articles.filter((a) => !Object.hasOwn(state.articles, a.id)));
}

/** First run: the corpus as it is becomes the baseline (except articles dated from `since`). */
export function buildBaselineState(articles: readonly ArticleMeta[], options: StartOptions): DigestState {
  return buildRecoveredState(articles, new Map(), undefined, options);
}

/**
 * A lost record, rebuilt from the digest channel: articles named in earlier digests' metadata
 * are recorded as announced. The other articles of the corpus cannot be told apart from the
 * original baseline, so — never twice winning over never lost — they are taken as known,
 * unless dated from `since`. The run's report says how many were taken so.
 */
export function buildRecoveredState(
  articles: readonly ArticleMeta[],
  announced: ReadonlyMap<string, string>,
  digestChannel: Destination | undefined,
  { since, now }: StartOptions,
): DigestState {
  const at = now.toISOString();
  const records: Record<string, ArticleRecord> = {};
  for (const [id, ts] of announced) {
    records[id] = { origin: 'recovered', recordedAt: at, deliveries: digestChannel ? { [digestChannel.id]: { name: digestChannel.name, ts } } : {} };
  }
  for (const a of articles) {
    if (records[a.id] || (since !== undefined && a.date >= since)) continue;
    records[a.id] = { origin: 'baseline', recordedAt: at, deliveries: {} };
  }
  return { version: DIGEST_STATE_VERSION, startedAt: at, articles: records };
}

/** The names of the community channels mirroring an article's SIGs (a sig-node article → sig-node). */
export function selectSigChannelNames(article: ArticleMeta, map: ChannelMap): string[] {
  const names = article.sigs.map((sig) => selectChannel(map, [sig], [])?.name).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

/** Records the new articles with their destinations, all still due. */
export function buildPlannedState(state: DigestState, articles: readonly ArticleMeta[], destinationsOf: (a: ArticleMeta) => Destination[], now: Date): DigestState {
  const records = { ...state.articles };
  for (const a of articles) {
    const deliveries = Object.fromEntries(destinationsOf(a).map((d) => [d.id, { name: d.name, ts: null }]));
    records[a.id] = { origin: 'new', recordedAt: now.toISOString(), deliveries };
  }
  return { ...state, articles: records };
}

export interface DueDelivery {
  channel: Destination;
  articles: ArticleMeta[];
  /** The earliest time one of these deliveries was planned: a post may have gone out since. */
  plannedSince: string;
}

export interface DueSelection {
  /** Per channel, the digest channel first. */
  due: DueDelivery[];
  /** Ids due somewhere but not in the corpus now (removed, or broken): announced once they are back. */
  waiting: string[];
}

export function selectDueDeliveries(state: DigestState, articles: readonly ArticleMeta[], firstChannelId?: string): DueSelection {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byChannel = new Map<string, DueDelivery>();
  const waiting = new Set<string>();
  for (const [id, record] of Object.entries(state.articles)) {
    for (const [channelId, delivery] of Object.entries(record.deliveries)) {
      if (delivery.ts !== null) continue;
      const article = byId.get(id);
      if (!article) {
        waiting.add(id);
        continue;
      }
      const entry = byChannel.get(channelId) ?? { channel: { id: channelId, name: delivery.name }, articles: [], plannedSince: record.recordedAt };
      entry.articles.push(article);
      if (record.recordedAt < entry.plannedSince) entry.plannedSince = record.recordedAt;
      byChannel.set(channelId, entry);
    }
  }
  const due = [...byChannel.values()]
    .map((d) => ({ ...d, articles: sortArticles(d.articles) }))
    .sort((a, b) => Number(b.channel.id === firstChannelId) - Number(a.channel.id === firstChannelId) || a.channel.name.localeCompare(b.channel.name));
  return { due, waiting: [...waiting].sort() };
}

/** Marks the deliveries of these articles in one channel as posted by the message `ts`. */
export function markDelivered(state: DigestState, channelId: string, articleIds: readonly string[], ts: string): DigestState {
  const records = { ...state.articles };
  for (const id of articleIds) {
    const record = records[id];
    const delivery = record?.deliveries[channelId];
    if (!record || !delivery || delivery.ts !== null) continue;
    records[id] = { ...record, deliveries: { ...record.deliveries, [channelId]: { ...delivery, ts } } };
  }
  return { ...state, articles: records };
}

/** Forgets the due deliveries of these articles to one channel: they will not be posted there. */
export function dropDeliveries(state: DigestState, channelId: string, articleIds: readonly string[]): DigestState {
  const records = { ...state.articles };
  for (const id of articleIds) {
    const record = records[id];
    if (record?.deliveries[channelId]?.ts !== null) continue;
    const { [channelId]: _, ...rest } = record.deliveries;
    records[id] = { ...record, deliveries: rest };
  }
  return { ...state, articles: records };
}

/** Newest first, then by id: the order of the digest. */
function sortArticles(articles: readonly ArticleMeta[]): ArticleMeta[] {
  return [...articles].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
