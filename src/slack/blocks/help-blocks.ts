/** Usage, newest articles and short notices (apologies, "still starting"), as Block Kit. */
import type { ArticleMeta } from '../../corpus/article.js';
import { LIMITS } from './limits.js';
import { type Block, type SlackMessage, mrkdwn, plainText } from './message.js';
import { fitRendered, joinWithin, linkMrkdwn, plainMrkdwn, trimText } from './mrkdwn.js';

export function buildHelpMessage(command: string): SlackMessage {
  const usage = [
    `\`${command} <question>\` — answers from the Japanese Kubernetes articles, only you see it (then *Share in channel* if it helps others)`,
    `\`${command} latest\` — the newest articles`,
    `\`${command} digest\` — a preview of the next digest of newly added articles`,
    `\`${command} help\` — this message`,
    'Mention me in a channel (`@k8s-bot <question>`) and I answer in the thread; or send me a direct message.',
  ];
  const examples = ['サイドカーコンテナってどう定義するの?', 'dockershim 削除 理由', 'PodDisruptionBudget unhealthy pod eviction'];
  return {
    text: `Ask me about Kubernetes: ${command} <question>, ${command} latest, ${command} help`,
    blocks: [
      { type: 'header', text: plainText(`How to use ${command}`.slice(0, LIMITS.headerText)) },
      { type: 'section', text: mrkdwn(usage.map((u) => `• ${u}`).join('\n')) },
      { type: 'section', text: mrkdwn(`*Examples*\n${examples.map((e) => `• ${plainMrkdwn(e)}`).join('\n')}`) },
      { type: 'context', elements: [mrkdwn('Every answer cites its article, section and date, and names the community channel where the topic is discussed.')] },
    ],
  };
}

const LEAD_MAX = 240;

export function buildLatestMessage(articles: readonly ArticleMeta[]): SlackMessage {
  if (articles.length === 0) return buildNoticeMessage('There are no articles yet.');
  const shown = articles.slice(0, 10);
  const blocks: Block[] = [{ type: 'header', text: plainText('Newest articles') }];
  for (const article of shown) {
    const head = `*${linkMrkdwn(article.url, trimText(article.title, 200))}*${article.date ? `  ${fitRendered(article.date, 40)}` : ''}`;
    const lead = article.lead ? `\n${fitRendered(article.lead, LEAD_MAX)}` : '';
    blocks.push({ type: 'section', text: mrkdwn(`${head}${lead}`) });
  }
  const lines = shown.map((a) => `• ${linkMrkdwn(a.url, trimText(a.title, 200))}${a.date ? ` (${fitRendered(a.date, 40)})` : ''}`);
  return { text: joinWithin(['Newest articles:', ...lines], LIMITS.fallbackText), blocks };
}

/** One short message of our own wording (mrkdwn allowed). */
export function buildNoticeMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

export const NOTICES = {
  starting: "I'm still loading the articles — please ask again in a few seconds.",
  apology: 'Sorry, something went wrong while answering. Please try again in a moment.',
  mayNotHaveArrived: "Sorry, I couldn't confirm that my answer reached you. If you don't see it, please ask again.",
  expired: 'That button has expired. Please ask the question again.',
  thanks: 'Thanks for the feedback!',
  cannotShare: "Sorry, I couldn't share the answer in this channel. If I'm not a member, invite me with `/invite @k8s-bot` and try again.",
  noMoreResults: 'There are no more results for this question.',
} as const;
