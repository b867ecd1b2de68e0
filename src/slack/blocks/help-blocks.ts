/** Usage, newest articles, App Home and short notices (apologies, "still starting"), as Block Kit, in the asker's language. */
import type { ArticleMeta } from '../../corpus/article.js';
import type { ChannelMap } from '../../corpus/channels.js';
import { messages, type Lang } from '../../i18n/messages.js';
import { LIMITS } from './limits.js';
import { type Block, type SlackMessage, mrkdwn, plainText } from './message.js';
import { fitRendered, joinWithin, linkMrkdwn, plainMrkdwn, trimText } from './mrkdwn.js';

export function buildHelpMessage(command: string, lang: Lang = 'ja'): SlackMessage {
  const m = messages(lang);
  return {
    text: m.helpFallback(command),
    blocks: [
      { type: 'header', text: plainText(trimText(m.helpHeader(command), LIMITS.headerText)) },
      { type: 'section', text: mrkdwn(m.helpUsage(command).map((u) => `• ${u}`).join('\n')) },
      { type: 'section', text: mrkdwn(`${m.helpExamplesTitle}\n${m.helpExamples.map((e) => `• ${plainMrkdwn(e)}`).join('\n')}`) },
      { type: 'context', elements: [mrkdwn(m.helpFooter)] },
    ],
  };
}

const LEAD_MAX = 240;

/** One section per article: linked title, date, lead. */
function articleBlocks(articles: readonly ArticleMeta[]): Block[] {
  return articles.map((article) => {
    const head = `*${linkMrkdwn(article.url, trimText(article.title, 200))}*${article.date ? `  ${fitRendered(article.date, 40)}` : ''}`;
    const lead = article.lead ? `\n${fitRendered(article.lead, LEAD_MAX)}` : '';
    return { type: 'section', text: mrkdwn(`${head}${lead}`) };
  });
}

export function buildLatestMessage(articles: readonly ArticleMeta[], lang: Lang = 'ja'): SlackMessage {
  const m = messages(lang);
  if (articles.length === 0) return buildNoticeMessage(m.noArticles);
  const shown = articles.slice(0, 10);
  const blocks: Block[] = [{ type: 'header', text: plainText(m.latestHeader) }, ...articleBlocks(shown)];
  const lines = shown.map((a) => `• ${linkMrkdwn(a.url, trimText(a.title, 200))}${a.date ? ` (${fitRendered(a.date, 40)})` : ''}`);
  return { text: joinWithin([`${m.latestHeader}:`, ...lines], LIMITS.fallbackText), blocks };
}

/** The App Home tab: how to ask, the newest articles, the community channels. */
export function buildHomeView(input: { command: string; articles: readonly ArticleMeta[]; channels: ChannelMap; lang?: Lang }): { type: 'home'; blocks: Block[] } {
  const m = messages(input.lang);
  const channels = input.channels.channels.slice(0, 20).map((c) => `• ${m.homeChannelLine(linkMrkdwn(c.url, `#${trimText(c.name, 80)}`), plainMrkdwn(c.sigs.filter((s) => s !== c.name).join(', ')))}`);
  const blocks: Block[] = [
    { type: 'header', text: plainText(trimText(m.homeTitle, LIMITS.headerText)) },
    { type: 'section', text: mrkdwn(m.homeHowTo(input.command).map((u) => `• ${u}`).join('\n')) },
    { type: 'divider' },
    { type: 'header', text: plainText(m.homeLatest) },
    ...(input.articles.length > 0 ? articleBlocks(input.articles.slice(0, 10)) : [{ type: 'section' as const, text: mrkdwn(m.noArticles) }]),
  ];
  if (channels.length > 0) blocks.push({ type: 'divider' }, { type: 'header', text: plainText(m.homeChannels) }, { type: 'section', text: mrkdwn(joinWithin(channels, LIMITS.sectionText)) });
  return { type: 'home', blocks };
}

/** One short message of our own wording (mrkdwn allowed). */
export function buildNoticeMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
