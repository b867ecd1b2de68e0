/**
 * The bot's own words, one catalogue per language (ja.ts, en.ts) implementing `Messages`:
 * a string missing in one language is a compile error. Renderers ask
 * `messages(lang).noAnswer()` and never build UI text themselves.
 *
 * Parameters named `*Link`, `*Mrkdwn` or `user` are mrkdwn the caller has already escaped
 * (links, channel names, `<@U…>` from Slack's payload); every other parameter is trusted
 * data of our own (numbers, command names, dates) or plain text for plain_text fields.
 */
import type { Notice } from '../answer/types.js';
import { en } from './en.js';
import { ja } from './ja.js';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

export interface Messages {
  lang: Lang;
  // Answers
  questionLabel: string;
  emptyQuestion: string;
  askPrompt: string;
  noAnswer: string;
  closestArticles: string;
  askCommunity: (channelLink: string) => string;
  /** The answer's one channel line. */
  discussedIn: (channelLink: string) => string;
  /** A result's own channel, when it differs from the answer's. */
  resultChannel: (channelLink: string) => string;
  sharedBy: (user: string) => string;
  /** Confidence "low": the results may not answer it. */
  lowConfidence: string;
  /** Confidence "none": nothing answers it; `missing` names what no article mentions (escaped), if known. */
  noConfidence: (missingMrkdwn: string | undefined) => string;
  /** A follow-up searched with its thread's earlier question (escaped mrkdwn). */
  followUpOf: (questionMrkdwn: string) => string;
  /** The citation's section for a passage under no heading (articles without headings): its opening words. */
  sectionFromText: (words: string) => string;
  /** A code block cut to fit: how many lines were left out. */
  codeCut: (lines: number) => string;
  notice: (notice: Notice) => string;
  // Buttons
  moreResults: string;
  share: string;
  // Short notices
  starting: string;
  apology: string;
  /** A reply that failed in a way that may still have reached the user. */
  mayNotHaveArrived: string;
  expired: string;
  thanks: string;
  cannotShare: string;
  noMoreResults: string;
  // Help and latest
  helpHeader: (command: string) => string;
  helpUsage: (command: string) => string[];
  helpExamplesTitle: string;
  helpExamples: string[];
  helpFooter: string;
  helpFallback: (command: string) => string;
  latestHeader: string;
  noArticles: string;
  // Message shortcut
  shortcutEmpty: string;
  // App Home
  homeTitle: string;
  homeHowTo: (command: string) => string[];
  homeLatest: string;
  homeChannels: string;
  homeChannelLine: (channelLink: string, sigs: string) => string;
  // Digest and its preview
  digestHeading: (range: string) => string;
  digestHeadingFor: (channel: string, range: string) => string;
  digestRange: (first: number, last: number, total: number) => string;
  previewHeader: string;
  previewNoRun: (articles: number, channel: string | undefined) => string;
  previewNothingNew: string;
  previewAnnounces: (count: number, channel: string | undefined, nextRun: string | undefined) => string;
  previewMore: (count: number) => string;
  previewAlsoIn: (channels: string) => string;
  previewBroken: (filesMrkdwn: string) => string;
}

const CATALOGUES: Record<Lang, Messages> = { ja, en };

export function messages(lang: Lang = 'ja'): Messages {
  return CATALOGUES[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}
