/**
 * `/k8s digest`: what the next digest would post, shown only to the asker. Built from the
 * corpus and the record as they are now; Slack is not asked anything, so the SIG channels
 * are those the articles belong to (the run posts only where the bot is a member).
 */
import type { ArticleMeta, CorpusProblem } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import { mrkdwn, plainText, type Block, type SlackMessage } from '../slack/blocks/message.js';
import { plainMrkdwn } from '../slack/blocks/mrkdwn.js';
import { messages, type Lang } from '../i18n/messages.js';
import { formatArticleBlocks, MAX_ARTICLES_PER_MESSAGE } from './message.js';
import { selectDueDeliveries, selectNewArticles, selectSigChannelNames } from './plan.js';
import { readDigestCorpus } from './run-digest.js';
import { selectNextDigestRun } from './schedule.js';
import type { DigestRecordStore } from '../state/digest-record.js';
import type { DigestState } from './state.js';

export interface DigestPreviewInput {
  articles: ArticleMeta[];
  /** Undefined when no digest has run yet. */
  state: DigestState | undefined;
  channelMap: ChannelMap;
  problems?: CorpusProblem[];
  /** DIGEST_CHANNEL, when set. */
  channel?: string;
  /** When the in-process schedule runs next, if it is on. */
  nextRun?: Date;
  timeZone?: string;
  /** DIGEST_LANG. Default Japanese. */
  lang?: Lang;
}

export function buildDigestPreview(input: DigestPreviewInput): SlackMessage {
  const m = messages(input.lang);
  const where = input.channel ? input.channel.replace(/^#/, '') : undefined;
  const when = input.nextRun ? formatTime(input.nextRun, input.timeZone) : undefined;
  const blocks: Block[] = [{ type: 'header', text: plainText(m.previewHeader) }];
  const footer: string[] = [];
  let text: string;
  if (!input.state) {
    text = m.previewNoRun(input.articles.length, where);
    blocks.push({ type: 'section', text: mrkdwn(text) });
  } else {
    const due = new Map(selectDueDeliveries(input.state, input.articles).due.flatMap((d) => d.articles.map((a) => [a.id, a] as const)));
    const listed = [...due.values(), ...selectNewArticles(input.articles, input.state)];
    text = listed.length === 0 ? m.previewNothingNew : m.previewAnnounces(listed.length, where, when);
    blocks.push({ type: 'section', text: mrkdwn(text) });
    for (const article of listed.slice(0, MAX_ARTICLES_PER_MESSAGE)) blocks.push(...formatArticleBlocks(article));
    if (listed.length > MAX_ARTICLES_PER_MESSAGE) footer.push(m.previewMore(listed.length - MAX_ARTICLES_PER_MESSAGE));
    const sigs = [...new Set(listed.flatMap((a) => selectSigChannelNames(a, input.channelMap)))];
    if (sigs.length > 0) footer.push(m.previewAlsoIn(sigs.map((s) => `#${s}`).join(', ')));
  }
  const broken = [...new Set((input.problems ?? []).map((p) => p.file.split(/[\\/]/).pop()))];
  if (broken.length > 0) footer.push(m.previewBroken(plainMrkdwn(broken.join(', '))));
  if (footer.length > 0) blocks.push({ type: 'context', elements: [mrkdwn(footer.join('\n'))] });
  return { text, blocks };
}

/** Reads the corpus and the record (the same one the runs use, shared in Redis when REDIS_URL is set), then builds the preview. */
export async function readDigestPreview(config: { corpusDir: string; sourcesFile?: string | undefined; digest: { cron: string; timeZone: string; channel?: string; lang?: Lang } }, record: DigestRecordStore): Promise<SlackMessage> {
  const [{ articles, problems, channelMap }, state] = await Promise.all([readDigestCorpus(config.corpusDir, config.sourcesFile), record.read()]);
  const { cron, timeZone, channel, lang } = config.digest;
  return buildDigestPreview({ articles, state, channelMap, problems, channel, nextRun: selectNextDigestRun(cron, timeZone), timeZone, lang });
}

function formatTime(date: Date, timeZone = 'UTC'): string {
  return `${date.toLocaleString('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' })} ${timeZone}`;
}
