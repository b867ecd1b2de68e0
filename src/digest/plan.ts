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
export function buildBaselineState(articles: readonly ArticleMeta[], options: StartOptions, sources: readonly string[] = []): DigestState {
  return buildRecoveredState(articles, new Map(), undefined, options, sources);
}

/** The source an article is counted under for baselines (`corpus` when it says none). */
export function selectSource(article: Pick<ArticleMeta, 'source'>): string {
  return article.source ?? 'corpus';
}

/** The articles the digest considers: those of announced sections (docs pages are reference, not news). */
export function selectAnnounced<T extends Pick<ArticleMeta, 'announce'>>(articles: readonly T[]): T[] {
  return articles.filter((a) => a.announce !== false);
}

/** Sources the record has seen; a record from before sources were kept has seen the corpus. */
export function selectSeenSources(state: DigestState): Set<string> {
  return new Set(state.sources ?? ['corpus']);
}

/**
 * A source seen for the first time (a thousand docs pages, a feed's back catalogue) becomes
 * part of the baseline: its articles are recorded as known, except those dated from `since`.
 * `configured`: sources the sources file names, seen even while they have no article yet,
 * so the first article a new feed brings is announced rather than taken as its baseline.
 */
export function buildSourceBaselines(
  state: DigestState,
  articles: readonly ArticleMeta[],
  configured: readonly string[],
  { since, now }: StartOptions,
): { state: DigestState; added: Array<{ source: string; baseline: number }> } {
  const seen = selectSeenSources(state);
  const present = [...new Set([...configured, ...articles.map(selectSource)])].filter((s) => !seen.has(s));
  if (present.length === 0) return { state, added: [] };
  const fresh = new Set(present);
  const at = now.toISOString();
  const records = { ...state.articles };
  const counts = new Map(present.map((s) => [s, 0]));
  for (const a of articles) {
    const source = selectSource(a);
    if (!fresh.has(source) || Object.hasOwn(records, a.id) || (since !== undefined && a.date >= since)) continue;
    records[a.id] = { origin: 'baseline', recordedAt: at, deliveries: {} };
    counts.set(source, (counts.get(source) ?? 0) + 1);
  }
  return {
    state: { ...state, articles: records, sources: [...seen, ...present].sort() },
    added: [...counts].map(([source, baseline]) => ({ source, baseline })),
  };
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
  sources: readonly string[] = [],
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
  const seen = [...new Set(['corpus', ...sources, ...articles.map(selectSource)])].sort();
  return { version: DIGEST_STATE_VERSION, startedAt: at, articles: records, sources: seen };
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
