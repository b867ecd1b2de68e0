/**
 * The language of an extracted article: tinyld (pure JS, no model download) on its prose,
 * code blocks left out because YAML and shell would pull a Japanese article towards English.
 * When the text is too short to tell, the page's `<html lang>`, then the feed's language.
 */
import { detect } from 'tinyld';

export function detectLang(markdown: string, ...declared: Array<string | undefined>): string | undefined {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/\]\([^)]*\)/g, ']').slice(0, 4000);
  const detected = detect(prose);
  if (detected) return detected;
  const fallback = declared.find((d) => d && /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(d));
  return fallback?.split('-')[0]?.toLowerCase();
}
