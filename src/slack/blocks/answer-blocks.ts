/**
 * Answer → Block Kit: per result the linked title, section, excerpt with matched terms in bold
 * and a context line (date, community channel); then More results / Share / feedback buttons.
 * Not answered: a kind message, the closest articles and the channel to ask in.
 */
import type { Answer, AnswerResult, ExcerptSegment } from '../../answer/types.js';
import { encodeAnswerRef } from './button-value.js';
import { NOTICES } from './help-blocks.js';
import { LIMITS } from './limits.js';
import { type Block, type Button, type ContextElement, type SlackMessage, mrkdwn, plainText } from './message.js';
import { boldMrkdwn, fitRendered, joinWithin, linkMrkdwn, plainMrkdwn, trimText } from './mrkdwn.js';

export const ACTION = {
  moreResults: 'more_results',
  share: 'share_answer',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

export interface AnswerMessageOptions {
  /** Only the asker sees it (slash command): offer "Share in channel". */
  ephemeral: boolean;
  /** User id of whoever shared the answer into the channel. */
  sharedBy?: string;
}

const TITLE_MAX = 200;
const SECTION_MAX = 200;
const QUESTION_ECHO_MAX = 300;
// Leading context + actions block; each result takes a section, a context and a divider.
const FIXED_BLOCKS = 2;
const BLOCKS_PER_RESULT = 3;

export function buildAnswerMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  if (answer.answered && answer.results.length > 0) return buildAnsweredMessage(answer, options);
  // A page past the end (More results on an old message, or the corpus changed meanwhile).
  if (answer.answered && answer.offset > 0) return { text: NOTICES.noMoreResults, blocks: [questionContext(answer), { type: 'section', text: mrkdwn(NOTICES.noMoreResults) }] };
  return buildNotAnsweredMessage(answer);
}

function buildAnsweredMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  const maxResults = Math.floor((LIMITS.blocksPerMessage - FIXED_BLOCKS) / BLOCKS_PER_RESULT);
  const results = answer.results.slice(0, maxResults);
  const blocks: Block[] = [questionContext(answer, options.sharedBy)];
  results.forEach((result, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    const context = resultContext(result);
    blocks.push({ type: 'section', text: mrkdwn(resultSection(result, answer.offset + i + 1)) }, ...(context ? [context] : []));
  });
  blocks.push({ type: 'actions', block_id: 'answer_actions', elements: answerButtons(answer, results, options) });
  const fallback = results.map((r, i) => `${answer.offset + i + 1}. ${linkMrkdwn(r.url, trimText(r.title, TITLE_MAX))}${r.date ? ` (${fitRendered(r.date, 40)})` : ''}`);
  return { text: joinWithin([fitRendered(answer.query, QUESTION_ECHO_MAX, (q) => `Q: ${plainMrkdwn(q)}`), ...fallback], LIMITS.fallbackText), blocks };
}

function buildNotAnsweredMessage(answer: Answer): SlackMessage {
  const intro =
    answer.query === ''
      ? 'Ask me a question about Kubernetes, e.g. _サイドカーコンテナってどう定義するの?_'
      : "Sorry, I couldn't find a confident answer to that in the articles.";
  const blocks: Block[] = [];
  if (answer.query !== '') blocks.push(questionContext(answer));
  blocks.push({ type: 'section', text: mrkdwn(intro) });
  if (answer.suggestions.length > 0) {
    const lines = answer.suggestions.slice(0, 10).map((s) => `• ${linkMrkdwn(s.url, trimText(s.title, TITLE_MAX))}${s.date ? ` (${fitRendered(s.date, 40)})` : ''}`);
    blocks.push({ type: 'section', text: mrkdwn(joinWithin(['The closest articles:', ...lines], LIMITS.sectionText)) });
  }
  if (answer.channel) {
    blocks.push({ type: 'context', elements: [mrkdwn(`You could ask the community in ${channelLink(answer.channel)}.`)] });
  }
  const text = [intro, ...answer.suggestions.slice(0, 3).map((s) => `• ${linkMrkdwn(s.url, trimText(s.title, TITLE_MAX))}`)];
  return { text: joinWithin(text, LIMITS.fallbackText), blocks };
}

/** "Q: …" (and notices such as a truncated question): the asker's words, escaped. */
function questionContext(answer: Answer, sharedBy?: string): Block {
  const elements: ContextElement[] = [mrkdwn(fitRendered(answer.query || '(empty question)', QUESTION_ECHO_MAX, (q) => `*Q:* ${plainMrkdwn(q)}`))];
  for (const notice of answer.notices.slice(0, 3)) elements.push(mrkdwn(`ℹ️ ${fitRendered(notice, 300)}`));
  // A user id from Slack's own payload, not content: safe to mention.
  if (sharedBy && /^[UW][A-Z0-9]+$/.test(sharedBy)) elements.push(mrkdwn(`Shared by <@${sharedBy}>`));
  return { type: 'context', elements };
}

/** `*<url|Title>*`, the section path, then the excerpt, all within the section limit. */
function resultSection(result: AnswerResult, rank: number): string {
  const title = `*${linkMrkdwn(result.url, `${rank}. ${trimText(result.title, TITLE_MAX)}`)}*`;
  const section = result.section ? `\n› ${fitRendered(result.section, SECTION_MAX)}` : '';
  const head = `${title}${section}\n`;
  const excerpt = renderExcerpt(result.excerpt, LIMITS.sectionText - head.length);
  return `${head}${excerpt || fitRendered(result.text, LIMITS.sectionText - head.length)}`.trimEnd() || plainMrkdwn(result.title) || '…';
}

/** Segments as mrkdwn, matches in bold, stopping at a sentence boundary when over `budget`. */
export function renderExcerpt(segments: readonly ExcerptSegment[], budget: number): string {
  let out = '';
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, ' ');
    const piece = segment.match ? boldMrkdwn(text) : plainMrkdwn(text);
    if (out.length + piece.length <= budget) {
      out += piece;
      continue;
    }
    out += fitRendered(text, budget - out.length);
    break;
  }
  return out;
}

/** Date and channel; none (Slack refuses an empty context block) for an undated page without a channel. */
function resultContext(result: AnswerResult): Block | undefined {
  // Docs pages have no date: their citations show none.
  const elements: ContextElement[] = result.date ? [mrkdwn(`📅 ${fitRendered(result.date, 40)}`)] : [];
  if (result.channel) elements.push(mrkdwn(`💬 Discussed in ${channelLink(result.channel)}`));
  return elements.length > 0 ? { type: 'context', elements } : undefined;
}

function channelLink(channel: { name: string; url: string }): string {
  return linkMrkdwn(channel.url, `#${trimText(channel.name, 80)}`);
}

function answerButtons(answer: Answer, shown: AnswerResult[], options: AnswerMessageOptions): Button[] {
  const page = encodeAnswerRef({ q: answer.query, o: answer.offset });
  const buttons: Button[] = [];
  if (answer.hasMore || shown.length < answer.results.length) {
    const next = encodeAnswerRef({ q: answer.query, o: answer.offset + shown.length });
    buttons.push({ type: 'button', action_id: ACTION.moreResults, text: plainText('More results'), value: next });
  }
  if (options.ephemeral) buttons.push({ type: 'button', action_id: ACTION.share, text: plainText('Share in channel'), value: page, style: 'primary' });
  const rated = encodeAnswerRef({ q: answer.query, o: answer.offset, a: shown.map((r) => r.articleId) });
  buttons.push(
    { type: 'button', action_id: ACTION.feedbackUp, text: plainText('👍'), value: rated },
    { type: 'button', action_id: ACTION.feedbackDown, text: plainText('👎'), value: rated },
  );
  return buttons;
}
