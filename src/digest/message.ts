/**
 * Pure: new articles → digest messages (Block Kit), split so each message stays well inside
 * Slack's limits (50 blocks, 3,000 characters per text field). Every message carries metadata
 * naming its articles, so a lost record can be rebuilt from the channel's history.
 */
import type { ArticleMeta } from '../corpus/article.js';
import { LIMITS } from '../slack/blocks/limits.js';
import { mrkdwn, plainText, type Block } from '../slack/blocks/message.js';
import { fitRendered, joinWithin, linkMrkdwn, trimText } from '../slack/blocks/mrkdwn.js';
import { messages, type Lang } from '../i18n/messages.js';

export const DIGEST_EVENT_TYPE = 'k8s_digest_posted';

/** A header plus two blocks per article: 1 + 2 × 20 = 41 of Slack's 50. */
export const MAX_ARTICLES_PER_MESSAGE = 20;
const MAX_AUTHORS = 5;
const TITLE_MAX = 200;

export interface DigestMetadata {
  event_type: typeof DIGEST_EVENT_TYPE;
  event_payload: { article_ids: string[] };
}

export interface DigestMessage {
  articleIds: string[];
  /** Notification and fallback text. */
  text: string;
  blocks: Block[];
  metadata: DigestMetadata;
}

/** Where the messages go: the digest channel, or the workspace channel mirroring a SIG's. */
export type Audience = { kind: 'digest' } | { kind: 'sig'; channelName: string };

export function buildDigestMessages(articles: readonly ArticleMeta[], audience: Audience, lang: Lang = 'ja'): DigestMessage[] {
  const m = messages(lang);
  const pages: ArticleMeta[][] = [];
  for (let i = 0; i < articles.length; i += MAX_ARTICLES_PER_MESSAGE) pages.push(articles.slice(i, i + MAX_ARTICLES_PER_MESSAGE));
  return pages.map((page, p) => {
    const first = p * MAX_ARTICLES_PER_MESSAGE + 1;
    const range = pages.length > 1 ? m.digestRange(first, first + page.length - 1, articles.length) : `${articles.length}`;
    const heading = audience.kind === 'digest' ? m.digestHeading(range) : m.digestHeadingFor(audience.channelName, range);
    const articleIds = page.map((a) => a.id);
    return {
      articleIds,
      text: joinWithin([`${heading}:`, ...page.map((a) => `• ${linkMrkdwn(a.url, trimText(a.title, TITLE_MAX))}`)], LIMITS.fallbackText),
      blocks: [{ type: 'header', text: plainText(trimText(heading, LIMITS.headerText)) }, ...page.flatMap(formatArticleBlocks)],
      metadata: buildDigestMetadata(articleIds),
    };
  });
}

export function buildDigestMetadata(articleIds: string[]): DigestMetadata {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { article_ids: articleIds } };
}

/** Title linked and the lead (two sentences at most) in a section; date, authors and SIGs in a context line. */
export function formatArticleBlocks(article: ArticleMeta): Block[] {
  const title = `*${linkMrkdwn(article.url, trimText(article.title, TITLE_MAX))}*`;
  const lead = article.lead ? `\n${fitRendered(article.lead, LIMITS.sectionText - title.length - 1)}` : '';
  const authors = article.authors.length > MAX_AUTHORS ? [...article.authors.slice(0, MAX_AUTHORS), `+${article.authors.length - MAX_AUTHORS}`] : article.authors;
  const details = [article.date, authors.join(', '), article.sigs.join(', ')].filter(Boolean).join('  ·  ');
  return [
    { type: 'section', text: mrkdwn(`${title}${lead}`) },
    { type: 'context', elements: [mrkdwn(fitRendered(details, LIMITS.contextText))] },
  ];
}

/** The article ids a message's metadata names, or none when it is not a digest message. */
export function parseDigestMetadata(metadata: unknown): string[] {
  const m = metadata as { event_type?: unknown; event_payload?: { article_ids?: unknown } } | undefined;
  if (m?.event_type !== DIGEST_EVENT_TYPE || !Array.isArray(m.event_payload?.article_ids)) return [];
  return m.event_payload.article_ids.filter((id): id is string => typeof id === 'string');
}
