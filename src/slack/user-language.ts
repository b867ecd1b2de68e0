/**
 * The language a Slack user reads, from their locale (users.info with include_locale, cached
 * with a TTL), used when the question itself does not say (`/k8s help`, App Home). Needs
 * users:read; when the call fails the bot answers in Japanese.
 */
import { detectLanguage, languageOfLocale } from '../i18n/language.js';
import type { Lang } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { slackErrorCode, type WebClient } from './web-client.js';

export interface UserLanguages {
  /** The user's language from their Slack locale, or undefined (unknown, other, or no scope). */
  lookup(client: WebClient, userId: string): Promise<Lang | undefined>;
}

export interface UserLanguageOptions {
  /** How long a locale (or a failure) is remembered. Default 1 hour. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createUserLanguages(logger: Logger, options: UserLanguageOptions = {}): UserLanguages {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const maxEntries = options.maxEntries ?? 5000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { lang: Lang | undefined; expires: number }>();
  return {
    async lookup(client, userId) {
      if (!/^[UW][A-Z0-9]+$/.test(userId)) return undefined;
      const hit = cache.get(userId);
      if (hit && hit.expires > now()) return hit.lang;
      let lang: Lang | undefined;
      try {
        const info = await client.users.info({ user: userId, include_locale: true });
        lang = languageOfLocale(info.user?.locale);
      } catch (error) {
        logger.warn({ event: 'user_locale_unavailable', error: slackErrorCode(error) }, 'users.info failed; answering in Japanese');
      }
      cache.delete(userId);
      cache.set(userId, { lang, expires: now() + ttlMs });
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      return lang;
    },
  };
}

/** The question's language when it has one; else the user's locale; else Japanese. */
export async function resolveLanguage(languages: UserLanguages, client: WebClient, userId: string | undefined, text: string): Promise<Lang> {
  return detectLanguage(text) ?? (userId ? await languages.lookup(client, userId) : undefined) ?? 'ja';
}
