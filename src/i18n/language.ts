/**
 * Which language to answer in: the question's own when it has one (kana or kanji: Japanese;
 * Latin letters only: English), otherwise the user's Slack locale, otherwise Japanese.
 */
import type { Lang } from './messages.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;

/** The language the text is written in, or undefined when it does not say (empty, `help`, a name). */
export function detectLanguage(text: string): Lang | undefined {
  if (JAPANESE.test(text)) return 'ja';
  // Three Latin words at least: `help`, `latest` or `KEP-753` alone say nothing.
  return (text.match(LATIN_WORD)?.length ?? 0) >= 3 ? 'en' : undefined;
}

/** `en-US`, `en-GB` → en; any other (or no) locale → undefined. */
export function languageOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^en\b/i.test(locale)) return 'en';
  if (/^ja\b/i.test(locale)) return 'ja';
  return undefined;
}

export function selectLanguage(text: string, locale?: string): Lang {
  return detectLanguage(text) ?? languageOfLocale(locale) ?? 'ja';
}
