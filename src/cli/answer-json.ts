/** The JSON form of an answer printed by `ask --json` and `--batch`: a stable contract. */
import type { Answer } from '../answer/types.js';
import { excerptText } from '../answer/excerpt.js';
import { messages } from '../i18n/messages.js';

export interface AnswerJson {
  query: string;
  answered: boolean;
  confidence: 'high' | 'low' | 'none';
  results: Array<{
    title: string;
    url: string;
    section: string;
    date: string;
    text: string;
    score: number;
    excerpt: string;
    /** The passage's code block shown with the excerpt, line breaks kept. */
    code?: string;
    channel: string | null;
  }>;
  suggestions: Array<{ title: string; url: string; date: string }>;
  channel: string | null;
  notices: string[];
}

export function toAnswerJson(answer: Answer): AnswerJson {
  return {
    query: answer.query,
    answered: answer.answered,
    confidence: answer.confidence,
    results: answer.results.map((r) => ({
      title: r.title,
      url: r.url,
      section: r.section,
      date: r.date,
      text: r.text,
      score: r.score,
      excerpt: excerptText(r.excerpt),
      ...(r.code ? { code: r.code } : {}),
      channel: r.channel ? `#${r.channel.name}` : null,
    })),
    suggestions: answer.suggestions.map((s) => ({ title: s.title, url: s.url, date: s.date })),
    channel: answer.channel ? `#${answer.channel.name}` : null,
    // A stable, English wording for scripts.
    notices: answer.notices.map((n) => messages('en').notice(n)),
  };
}
