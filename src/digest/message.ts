/**
 * Pure: new articles → digest messages (Block Kit), split so each message stays well inside
 * Slack's limits (50 blocks, 3,000 characters per text field). Every message carries metadata
 * naming its articles, so a lost record can be rebuilt from the channel's history.
 */
import type { types } from '@slack/bolt';
import type { ArticleMeta } from '../corpus/article.js';

export const DIGEST_EVENT_TYPE = 'k8s_digest_posted';

/** A header plus two blocks per article: 1 + 2 × 20 = 41 of Slack's 50. */
export const MAX_ARTICLES_PER_MESSAGE = 20;
const MAX_TEXT = 3000;
const MAX_HEADER = 150;
const MAX_AUTHORS = 5;

export interface DigestMetadata {
  event_type: typeof DIGEST_EVENT_TYPE;
  event_payload: { article_ids: string[] };
}

export interface DigestMessage {
  articleIds: string[];
  /** Notification and fallback text. */
  text: string;
  blocks: types.KnownBlock[];
  metadata: DigestMetadata;
}

/** Where the messages go: the digest channel, or the workspace channel mirroring a SIG's. */
export type Audience = { kind: 'digest' } | { kind: 'sig'; channelName: string };

export function buildDigestMessages(articles: readonly ArticleMeta[], audience: Audience): DigestMessage[] {
  const pages: ArticleMeta[][] = [];
  for (let i = 0; i < articles.length; i += MAX_ARTICLES_PER_MESSAGE) pages.push(articles.slice(i, i + MAX_ARTICLES_PER_MESSAGE));
  return pages.map((page, p) => {
    const first = p * MAX_ARTICLES_PER_MESSAGE + 1;
    const range = pages.length > 1 ? `${first}–${first + page.length - 1} of ${articles.length}` : `${articles.length}`;
    const heading = audience.kind === 'digest' ? `New articles (${range})` : `New articles for #${audience.channelName} (${range})`;
    const articleIds = page.map((a) => a.id);
    return {
      articleIds,
      text: clip(`${heading}: ${page.map((a) => a.title).join(' / ')}`, MAX_TEXT),
      blocks: [{ type: 'header', text: { type: 'plain_text', text: clip(heading, MAX_HEADER) } }, ...page.flatMap(formatArticleBlocks)],
      metadata: buildDigestMetadata(articleIds),
    };
  });
}

export function buildDigestMetadata(articleIds: string[]): DigestMetadata {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { article_ids: articleIds } };
}

/** Title linked and the lead in a section; date, authors and SIGs in a context line below. */
export function formatArticleBlocks(article: ArticleMeta): types.KnownBlock[] {
  const title = `*<${escapeUrl(article.url)}|${escapeText(article.title)}>*`;
  const lead = article.lead ? `\n${escapeText(article.lead)}` : '';
  const authors = article.authors.length > MAX_AUTHORS ? [...article.authors.slice(0, MAX_AUTHORS), `+${article.authors.length - MAX_AUTHORS}`] : article.authors;
  const details = [article.date, authors.join(', '), article.sigs.join(', ')].filter(Boolean).map(escapeText).join('  ·  ');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`${title}${lead}`, MAX_TEXT) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(details, MAX_TEXT) }] },
  ];
}

/** The article ids a message's metadata names, or none when it is not a digest message. */
export function parseDigestMetadata(metadata: unknown): string[] {
  const m = metadata as { event_type?: unknown; event_payload?: { article_ids?: unknown } } | undefined;
  if (m?.event_type !== DIGEST_EVENT_TYPE || !Array.isArray(m.event_payload?.article_ids)) return [];
  return m.event_payload.article_ids.filter((id): id is string => typeof id === 'string');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `|` and `>` would end Slack's `<url|label>` early. */
function escapeUrl(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
