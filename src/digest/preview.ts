/**
 * `/k8s digest`: what the next digest would post, shown only to the asker. Built from the
 * corpus and the record as they are now; Slack is not asked anything, so the SIG channels
 * are those the articles belong to (the run posts only where the bot is a member).
 */
import type { ArticleMeta, CorpusProblem } from '../corpus/article.js';
import type { ChannelMap } from '../corpus/channels.js';
import { mrkdwn, plainText, type Block, type SlackMessage } from '../slack/blocks/message.js';
import { plainMrkdwn } from '../slack/blocks/mrkdwn.js';
import { formatArticleBlocks, MAX_ARTICLES_PER_MESSAGE } from './message.js';
import { selectDueDeliveries, selectNewArticles, selectSigChannelNames } from './plan.js';
import { readDigestCorpus } from './run-digest.js';
import { selectNextDigestRun } from './schedule.js';
import { readDigestState, type DigestState } from './state.js';

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
}

export function buildDigestPreview(input: DigestPreviewInput): SlackMessage {
  const where = input.channel ? ` in #${input.channel.replace(/^#/, '')}` : '';
  const when = input.nextRun ? ` (next run ${formatTime(input.nextRun, input.timeZone)})` : '';
  const blocks: Block[] = [{ type: 'header', text: plainText('Next digest (preview)') }];
  const footer: string[] = [];
  let text: string;
  if (!input.state) {
    text = `No digest has run yet. The first run takes the ${input.articles.length} articles in the corpus now as the baseline and announces none of them; articles added after it are announced${where}.`;
    blocks.push({ type: 'section', text: mrkdwn(text) });
  } else {
    const due = new Map(selectDueDeliveries(input.state, input.articles).due.flatMap((d) => d.articles.map((a) => [a.id, a] as const)));
    const listed = [...due.values(), ...selectNewArticles(input.articles, input.state)];
    text = listed.length === 0 ? 'Nothing new since the last digest: the next run posts nothing.' : `The next digest${where}${when} announces ${listed.length} article(s):`;
    blocks.push({ type: 'section', text: mrkdwn(text) });
    for (const article of listed.slice(0, MAX_ARTICLES_PER_MESSAGE)) blocks.push(...formatArticleBlocks(article));
    if (listed.length > MAX_ARTICLES_PER_MESSAGE) footer.push(`…and ${listed.length - MAX_ARTICLES_PER_MESSAGE} more.`);
    const sigs = [...new Set(listed.flatMap((a) => selectSigChannelNames(a, input.channelMap)))];
    if (sigs.length > 0) footer.push(`Also announced in ${sigs.map((s) => `#${s}`).join(', ')} where the bot is a member.`);
  }
  const broken = [...new Set((input.problems ?? []).map((p) => p.file.split(/[\\/]/).pop()))];
  if (broken.length > 0) footer.push(`Skipped until fixed (broken): ${plainMrkdwn(broken.join(', '))}`);
  if (footer.length > 0) blocks.push({ type: 'context', elements: [mrkdwn(footer.join('\n'))] });
  return { text, blocks };
}

/** Reads the corpus and the record, then builds the preview. */
export async function readDigestPreview(config: { corpusDir: string; sourcesFile?: string | undefined; digest: { cron: string; timeZone: string; channel?: string; statePath: string } }): Promise<SlackMessage> {
  const [{ articles, problems, channelMap }, state] = await Promise.all([readDigestCorpus(config.corpusDir, config.sourcesFile), readDigestState(config.digest.statePath)]);
  const { cron, timeZone, channel } = config.digest;
  return buildDigestPreview({ articles, state, channelMap, problems, channel, nextRun: selectNextDigestRun(cron, timeZone), timeZone });
}

function formatTime(date: Date, timeZone = 'UTC'): string {
  return `${date.toLocaleString('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' })} ${timeZone}`;
}
