/**
 * Answer + language → Block Kit, pure (it runs wherever the answer is made): per result the
 * linked title, section, the answering sentence with matched terms in bold and the passage's
 * code as a code block, a date line (and the result's own channel when it differs from the
 * answer's); one channel line for the answer; then More results / Share / feedback buttons.
 * Not answered: a kind message, the closest articles and the channel to ask in.
 */
import type { Answer, AnswerResult, ExcerptSegment, Notice } from '../../answer/types.js';
import { messages, type Lang, type Messages } from '../../i18n/messages.js';
import { encodeAnswerRef } from './button-value.js';
import { formatCodeBlock } from './code-block.js';
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
  /** Only the asker sees it (slash command, message shortcut): offer "Share in channel". */
  ephemeral: boolean;
  /** User id of whoever shared the answer into the channel. */
  sharedBy?: string;
  /** The bot's language for this asker. Default Japanese. */
  lang?: Lang;
}

const TITLE_MAX = 200;
const SECTION_MAX = 200;
const QUESTION_ECHO_MAX = 300;
const SECTION_WORDS = 24;
// Leading context, the channel line and the actions block; each result takes a section, a context and a divider.
const FIXED_BLOCKS = 3;
const BLOCKS_PER_RESULT = 3;

export function buildAnswerMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  const m = messages(options.lang);
  if (answer.answered && answer.confidence !== 'none' && answer.results.length > 0) return buildAnsweredMessage(answer, options, m);
  // A page past the end (More results on an old message, or the corpus changed meanwhile).
  if (answer.answered && answer.offset > 0) return { text: m.noMoreResults, blocks: [questionContext(answer, m), { type: 'section', text: mrkdwn(m.noMoreResults) }] };
  return buildNotAnsweredMessage(answer, m);
}

function buildAnsweredMessage(answer: Answer, options: AnswerMessageOptions, m: Messages): SlackMessage {
  const maxResults = Math.floor((LIMITS.blocksPerMessage - FIXED_BLOCKS) / BLOCKS_PER_RESULT);
  const results = answer.results.slice(0, maxResults);
  const blocks: Block[] = [questionContext(answer, m, options.sharedBy)];
  results.forEach((result, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    const context = resultContext(result, answer, m);
    blocks.push({ type: 'section', text: mrkdwn(resultSection(result, answer.offset + i + 1, m)) }, ...(context ? [context] : []));
  });
  if (answer.channel) blocks.push({ type: 'context', elements: [mrkdwn(m.discussedIn(channelLink(answer.channel)))] });
  blocks.push({ type: 'actions', block_id: 'answer_actions', elements: answerButtons(answer, results, options, m) });
  const fallback = results.map((r, i) => `${answer.offset + i + 1}. ${linkMrkdwn(r.url, trimText(r.title, TITLE_MAX))}${r.date ? ` (${fitRendered(r.date, 40)})` : ''}`);
  return { text: joinWithin([fitRendered(answer.query, QUESTION_ECHO_MAX, (q) => `${m.questionLabel} ${plainMrkdwn(q)}`), ...fallback], LIMITS.fallbackText), blocks };
}

function buildNotAnsweredMessage(answer: Answer, m: Messages): SlackMessage {
  const missing = answer.notices.find((n): n is Extract<Notice, { kind: 'unknownNames' }> => n.kind === 'unknownNames');
  const intro =
    answer.query === '' ? m.askPrompt : answer.confidence === 'none' ? m.noConfidence(missing ? fitRendered(missing.names.join(', '), 300) : undefined) : m.noAnswer;
  const blocks: Block[] = [];
  if (answer.query !== '') blocks.push(questionContext(answer, m));
  blocks.push({ type: 'section', text: mrkdwn(intro) });
  if (answer.suggestions.length > 0) {
    const lines = answer.suggestions.slice(0, 10).map((s) => `• ${linkMrkdwn(s.url, trimText(s.title, TITLE_MAX))}${s.date ? ` (${fitRendered(s.date, 40)})` : ''}`);
    blocks.push({ type: 'section', text: mrkdwn(joinWithin([m.closestArticles, ...lines], LIMITS.sectionText)) });
  }
  if (answer.channel) blocks.push({ type: 'context', elements: [mrkdwn(m.askCommunity(channelLink(answer.channel)))] });
  const text = [intro, ...answer.suggestions.slice(0, 3).map((s) => `• ${linkMrkdwn(s.url, trimText(s.title, TITLE_MAX))}`)];
  return { text: joinWithin(text, LIMITS.fallbackText), blocks };
}

/** The question (and notices, the follow-up's context, the low-confidence caveat): the asker's words, escaped. */
function questionContext(answer: Answer, m: Messages, sharedBy?: string): Block {
  const elements: ContextElement[] = [mrkdwn(fitRendered(answer.query || m.emptyQuestion, QUESTION_ECHO_MAX, (q) => `*${m.questionLabel}* ${plainMrkdwn(q)}`))];
  if (answer.followUpOf) elements.push(mrkdwn(fitRendered(answer.followUpOf, 200, (q) => m.followUpOf(plainMrkdwn(q)))));
  // Shown with results; without them the intro already says what no article mentions.
  const notices = answer.answered ? answer.notices : answer.notices.filter((n) => n.kind !== 'unknownNames');
  for (const notice of notices.slice(0, 3)) elements.push(mrkdwn(`ℹ️ ${fitRendered(m.notice(notice), 300)}`));
  if (answer.answered && answer.confidence === 'low') elements.push(mrkdwn(m.lowConfidence));
  // A user id from Slack's own payload, not content: safe to mention.
  if (sharedBy && /^[UW][A-Z0-9]+$/.test(sharedBy)) elements.push(mrkdwn(m.sharedBy(`<@${sharedBy}>`)));
  return { type: 'context', elements: elements.slice(0, LIMITS.contextElements) };
}

/** `*<url|Title>*`, the section, the excerpt, then the code, all within the section limit. */
function resultSection(result: AnswerResult, rank: number, m: Messages): string {
  const title = `*${linkMrkdwn(result.url, `${rank}. ${trimText(result.title, TITLE_MAX)}`)}*`;
  const sectionLine = result.section ? fitRendered(result.section, SECTION_MAX) : fitRendered(openingWords(result.text), SECTION_MAX, (w) => m.sectionFromText(plainMrkdwn(w)));
  const head = `${title}${sectionLine ? `\n› ${sectionLine}` : ''}\n`;
  const budget = LIMITS.sectionText - head.length;
  const excerpt = renderExcerpt(result.excerpt, Math.min(budget, 1200)) || (result.code ? '' : fitRendered(result.text, Math.min(budget, 1200)));
  const code = result.code ? formatCodeBlock(result.code, { maxChars: budget - excerpt.length - 1, cutNote: m.codeCut }) : '';
  return `${head}${[excerpt, code].filter(Boolean).join('\n')}`.trimEnd() || plainMrkdwn(result.title) || '…';
}

/** A passage under no heading is cited by its first words. */
function openingWords(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const words = [...line];
  return words.length > SECTION_WORDS ? `${words.slice(0, SECTION_WORDS).join('')}…` : line;
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

/** Date and the result's own channel; none (Slack refuses an empty context block) when neither applies. */
function resultContext(result: AnswerResult, answer: Answer, m: Messages): Block | undefined {
  // Docs pages have no date: their citations show none.
  const elements: ContextElement[] = result.date ? [mrkdwn(`📅 ${fitRendered(result.date, 40)}`)] : [];
  // The answer's channel is named once below the results; a result's own only when it differs.
  if (result.channel && result.channel.name !== answer.channel?.name) elements.push(mrkdwn(m.resultChannel(channelLink(result.channel))));
  return elements.length > 0 ? { type: 'context', elements } : undefined;
}

function channelLink(channel: { name: string; url: string }): string {
  return linkMrkdwn(channel.url, `#${trimText(channel.name, 80)}`);
}

function answerButtons(answer: Answer, shown: AnswerResult[], options: AnswerMessageOptions, m: Messages): Button[] {
  const base = { q: answer.query, ...(answer.followUpOf ? { c: answer.followUpOf } : {}), ...(options.lang === 'en' ? { l: 'en' as const } : {}) };
  const page = encodeAnswerRef({ ...base, o: answer.offset });
  const buttons: Button[] = [];
  if (answer.hasMore || shown.length < answer.results.length) {
    const next = encodeAnswerRef({ ...base, o: answer.offset + shown.length });
    buttons.push({ type: 'button', action_id: ACTION.moreResults, text: plainText(m.moreResults), value: next });
  }
  if (options.ephemeral) buttons.push({ type: 'button', action_id: ACTION.share, text: plainText(m.share), value: page, style: 'primary' });
  const rated = encodeAnswerRef({ ...base, o: answer.offset, a: shown.map((r) => r.articleId) });
  buttons.push(
    { type: 'button', action_id: ACTION.feedbackUp, text: plainText('👍'), value: rated },
    { type: 'button', action_id: ACTION.feedbackDown, text: plainText('👎'), value: rated },
  );
  return buttons;
}
