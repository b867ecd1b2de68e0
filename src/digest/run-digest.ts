/**
 * One digest run: read (corpus, record, channels) → plan (pure) → post, writing the record
 * after every successful post. The record is written before posting too, with each new
 * article's destinations, so a run killed at any point resumes with exactly what is missing;
 * deliveries planned by an earlier run are first looked up in the channel's history, since
 * a kill between a post and the write that records it leaves the message without a record.
 */
import type { ArticleMeta, CorpusProblem } from '../corpus/article.js';
import { readChannelMap, type ChannelMap } from '../corpus/channels.js';
import { readArticles } from '../sources/read-articles.js';
import type { Logger } from '../logger.js';
import { buildArticleMeta } from '../search/build-index.js';
import { errorInfo } from '../logger.js';
import { slackErrorCode } from '../slack/web-client.js';
import { withDigestLock } from './lock.js';
import { buildDigestMessages } from './message.js';
import {
  buildBaselineState,
  buildPlannedState,
  buildRecoveredState,
  buildSourceBaselines,
  selectAnnounced,
  dropDeliveries,
  markDelivered,
  selectDueDeliveries,
  selectNewArticles,
  selectSigChannelNames,
  type Destination,
  type DueDelivery,
} from './plan.js';
import { postDigestMessage, readAnnouncedArticles, readChannels, toSlackTs, type DigestSlack, type SlackChannel } from './slack.js';
import { readDigestState, writeDigestState, type DigestState } from './state.js';

/** How far before a delivery was planned to look for its message: covers clock skew with Slack. */
const HISTORY_MARGIN_MS = 10 * 60_000;
/** Slack errors saying the bot cannot post to a channel any more (left, removed, archived, deleted). */
const CHANNEL_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export interface DigestRunOptions {
  corpusDir: string;
  /** SOURCES_FILE, when not CORPUS_DIR/sources.yml. */
  sourcesFile?: string | undefined;
  statePath: string;
  /** DIGEST_CHANNEL: a channel id (C…) or name (with or without #). Only an offline dry run may leave it out. */
  channel: string | undefined;
  /** Undefined: offline (a dry run without Slack settings); the preview comes from the record and the corpus alone. */
  slack: DigestSlack | undefined;
  log: Logger;
  /** Read and plan only: nothing is posted and the record is not written. */
  dryRun?: boolean;
  /** YYYY-MM-DD; only used when there is no record yet. */
  since?: string;
  now?: () => Date;
  /** Tests replace it to crash between a post and its record. */
  writeState?: (path: string, state: DigestState) => Promise<void>;
}

export interface PostOutcome {
  channel: Destination;
  articles: Array<Pick<ArticleMeta, 'id' | 'title'>>;
  ts?: string;
  /** Slack's error code (or the HTTP status) when the post failed. */
  error?: string;
}

export interface DigestReport {
  dryRun: boolean;
  /** A dry run that asked Slack nothing: channel membership and history were not checked. */
  offline?: boolean;
  digestChannel?: Destination;
  /** How the record began this run, when there was none. */
  start?: { kind: 'baseline' | 'recovered'; baseline: number; recovered: number; since?: string };
  /** `--since` given while a record exists: it only applies to a first run (and to new sources). */
  sinceIgnored?: boolean;
  /** Sources seen for the first time this run, each taken as baseline (how many articles). */
  newSources?: Array<{ source: string; baseline: number }>;
  posts: PostOutcome[];
  /** SIG channels an article was not announced in, and why. */
  skipped: Array<{ channel: string; articleIds: string[]; reason: string }>;
  /** Due somewhere but not in the corpus now (removed or broken). */
  waiting: string[];
  /** Broken articles, skipped. */
  problems: CorpusProblem[];
  /** What stopped the run, if something did. */
  fatal?: string;
}

export function isDigestRunOk(report: DigestReport): boolean {
  return report.fatal === undefined && report.posts.every((p) => p.error === undefined);
}

export async function runDigest(options: DigestRunOptions): Promise<DigestReport> {
  const report: DigestReport = { dryRun: options.dryRun === true, posts: [], skipped: [], waiting: [], problems: [] };
  if (!options.slack) report.offline = true;
  try {
    if (!options.slack && !options.dryRun) throw new Error('Digest: a run that posts needs Slack (SLACK_BOT_TOKEN); only --dry-run works offline');
    if (!options.channel && !options.dryRun) throw new Error('Digest: DIGEST_CHANNEL is not set');
    if (options.dryRun) await runSteps(options, report);
    else await withDigestLock(options.statePath, () => runSteps(options, report));
  } catch (error) {
    report.fatal = errorInfo(error).message;
    options.log.error({ event: 'digest_stopped', failure: errorInfo(error) }, 'digest run stopped');
  }
  return report;
}

async function runSteps(o: DigestRunOptions, report: DigestReport): Promise<void> {
  const now = o.now ?? (() => new Date());
  const runStart = now().toISOString();
  const save = o.dryRun ? async () => undefined : (s: DigestState) => (o.writeState ?? writeDigestState)(o.statePath, s);
  const { articles, problems, channelMap, sources } = await readDigestCorpus(o.corpusDir, o.sourcesFile);
  report.problems = problems;
  for (const p of problems) o.log.warn({ file: p.file, problem: p.message }, 'digest: skipped a broken article');

  let state = await readDigestState(o.statePath);
  const slack = o.slack;
  let listed: Promise<SlackChannel[]> | undefined;
  // Offline, the workspace is unknown: every SIG channel is listed as if the bot were a member there.
  const channels = (): Promise<SlackChannel[]> => (listed ??= slack ? readChannels(slack) : Promise.resolve([]));
  const digest = slack ? await resolveDigestChannel(o.channel!, channels) : selectOfflineDigestChannel(o.channel, state);
  report.digestChannel = digest;

  if (!state) {
    // No record: a first run, or a lost file. The channel's digest metadata tells them apart (offline: taken as a first run).
    const announced = slack ? await readAnnouncedArticles(slack, digest.id) : new Map<string, string>();
    state =
      announced.size === 0
        ? buildBaselineState(articles, { since: o.since, now: now() }, sources)
        : buildRecoveredState(articles, announced, digest, { since: o.since, now: now() }, sources);
    const baseline = Object.values(state.articles).filter((r) => r.origin === 'baseline').length;
    report.start = { kind: announced.size === 0 ? 'baseline' : 'recovered', baseline, recovered: announced.size, since: o.since };
    o.log.info(report.start, o.dryRun ? 'digest (dry run): no record; a real run would start one' : 'digest: no record; started one');
    await save(state);
  } else {
    const baselines = buildSourceBaselines(state, articles, sources, { since: o.since, now: now() });
    if (baselines.added.length > 0) {
      state = baselines.state;
      report.newSources = baselines.added;
      o.log.info({ newSources: baselines.added }, 'digest: new sources taken as baseline');
      await save(state);
    } else if (o.since !== undefined) report.sinceIgnored = true;
  }

  const fresh = selectNewArticles(articles, state);
  if (fresh.length > 0) {
    const workspace = fresh.some((a) => a.sigs.length > 0) ? await channels() : [];
    const destinationsOf = slack ? (a: ArticleMeta) => selectDestinations(a, digest, channelMap, workspace, report, o.log) : (a: ArticleMeta) => selectOfflineDestinations(a, digest, channelMap);
    state = buildPlannedState(state, fresh, destinationsOf, now());
    await save(state);
  }

  const { due, waiting } = selectDueDeliveries(state, articles, digest.id);
  report.waiting = waiting;
  const run: RunContext = { o, report, save, digest, runStart };
  for (const delivery of due) state = await postDelivery(run, state, delivery);
}

interface RunContext {
  o: DigestRunOptions;
  report: DigestReport;
  save: (state: DigestState) => Promise<void>;
  digest: Destination;
  runStart: string;
}

/**
 * Posts one channel's due articles; returns the record with what was posted. After a failure
 * the channel's remaining messages wait for the next run. A SIG channel the bot can no longer
 * post to is dropped from those articles' destinations, as if it had been skipped when planned.
 */
async function postDelivery({ o, report, save, digest, runStart }: RunContext, state: DigestState, delivery: DueDelivery): Promise<DigestState> {
  const { channel } = delivery;
  const outcomeOf = (articles: ArticleMeta[]): PostOutcome => ({ channel, articles: articles.map(({ id, title }) => ({ id, title })) });
  const giveUp = async (articles: ArticleMeta[], code: string, doing: string): Promise<DigestState> => {
    o.log.error({ event: 'digest_post_failed', channel: channel.id, articleIds: articles.map((a) => a.id), error: code }, `digest: ${doing} failed`);
    if (channel.id === digest.id || !CHANNEL_GONE.has(code)) {
      report.posts.push({ ...outcomeOf(articles), error: doing === 'post' ? code : `${doing}: ${code}` });
      return state;
    }
    report.skipped.push({ channel: channel.name, articleIds: articles.map((a) => a.id), reason: `the bot can no longer post there (${code})` });
    const dropped = dropDeliveries(state, channel.id, articles.map((a) => a.id));
    await save(dropped);
    return dropped;
  };

  if (delivery.plannedSince < runStart && o.slack) {
    // Planned by an earlier run, which may have died right after posting: look before posting.
    try {
      const posted = await readAnnouncedArticles(o.slack, channel.id, toSlackTs(Date.parse(delivery.plannedSince) - HISTORY_MARGIN_MS));
      for (const [id, ts] of posted) state = markDelivered(state, channel.id, [id], ts);
    } catch (error) {
      return giveUp(delivery.articles, slackErrorCode(error), 'reading the channel history');
    }
    await save(state);
  }
  const pending = delivery.articles.filter((a) => state.articles[a.id]?.deliveries[channel.id]?.ts === null);
  const audience = channel.id === digest.id ? ({ kind: 'digest' } as const) : ({ kind: 'sig', channelName: channel.name } as const);
  const messages = buildDigestMessages(pending, audience);
  for (const [i, message] of messages.entries()) {
    const articles = pending.filter((a) => message.articleIds.includes(a.id));
    if (o.dryRun) {
      report.posts.push(outcomeOf(articles));
      continue;
    }
    let ts: string;
    try {
      ts = await postDigestMessage(o.slack!, channel.id, message);
    } catch (error) {
      // The rest of this channel's articles wait too, so the digest keeps its order.
      return giveUp(pending.filter((a) => messages.slice(i).some((m) => m.articleIds.includes(a.id))), slackErrorCode(error), 'post');
    }
    state = markDelivered(state, channel.id, message.articleIds, ts);
    await save(state);
    report.posts.push({ ...outcomeOf(articles), ts });
    o.log.info({ event: 'digest_posted', channel: channel.id, articleIds: message.articleIds, ts }, 'digest: posted');
  }
  return state;
}

export interface DigestCorpus {
  /** Articles the digest may announce: the corpus, feeds and announced Hugo sections. */
  articles: ArticleMeta[];
  problems: CorpusProblem[];
  channelMap: ChannelMap;
  /** Every announced source the sources file names (Hugo sections in `announce`, feeds), and `corpus`. */
  sources: string[];
}

/** The corpus as the digest sees it: valid announced articles (with their leads) and the broken files. */
export async function readDigestCorpus(corpusDir: string, sourcesFile?: string): Promise<DigestCorpus> {
  const [{ articles, problems, sources }, channelMap] = await Promise.all([readArticles(corpusDir, { sourcesFile }), readChannelMap(corpusDir)]);
  return { articles: selectAnnounced(articles).map((a) => buildArticleMeta(a, channelMap)), problems, channelMap, sources };
}

/** DIGEST_CHANNEL as a listed channel's id or name, whatever the id's length. */
async function resolveDigestChannel(setting: string, channels: () => Promise<SlackChannel[]>): Promise<Destination> {
  const name = setting.replace(/^#/, '');
  const listed = await channels();
  const found = listed.find((c) => c.id === name) ?? listed.find((c) => c.name === name);
  // A private channel the bot is not in is not listed; an id (names are lower-case) is still worth trying.
  if (!found && /^[CG][A-Z0-9]+$/.test(name)) return { id: name, name };
  if (!found) throw new Error(`Digest: DIGEST_CHANNEL "${setting}" is not a channel the bot can see; invite the bot to it, or give the channel id`);
  return { id: found.id, name: found.name };
}

/** Offline: DIGEST_CHANNEL as the record knows it (by id or name), else as written. */
function selectOfflineDigestChannel(setting: string | undefined, state: DigestState | undefined): Destination {
  if (!setting) return { id: '', name: '(DIGEST_CHANNEL not set)' };
  const name = setting.replace(/^#/, '');
  for (const record of Object.values(state?.articles ?? {})) {
    for (const [id, d] of Object.entries(record.deliveries)) if (id === name || d.name === name) return { id, name: d.name };
  }
  return { id: name, name };
}

/** Offline: the digest channel and every mirrored SIG channel; a real run posts only where the bot is a member. */
function selectOfflineDestinations(article: ArticleMeta, digest: Destination, map: ChannelMap): Destination[] {
  const out = [digest];
  for (const name of selectSigChannelNames(article, map)) if (!out.some((d) => d.name === name)) out.push({ id: `#${name}`, name });
  return out;
}

/** The digest channel, and each mirrored SIG channel the bot is a member of. */
function selectDestinations(article: ArticleMeta, digest: Destination, map: ChannelMap, workspace: SlackChannel[], report: DigestReport, log: Logger): Destination[] {
  const out = [digest];
  for (const name of selectSigChannelNames(article, map)) {
    const channel = workspace.find((c) => c.name === name);
    if (channel?.isMember) {
      if (!out.some((d) => d.id === channel.id)) out.push({ id: channel.id, name: channel.name });
      continue;
    }
    const reason = channel ? 'the bot is not a member' : 'no such channel in this workspace';
    log.info({ channel: name, articleId: article.id, reason }, 'digest: not announced in a SIG channel');
    const entry = report.skipped.find((s) => s.channel === name);
    if (entry) entry.articleIds.push(article.id);
    else report.skipped.push({ channel: name, articleIds: [article.id], reason });
  }
  return out;
}
