/** The JSON form of an answer printed by `ask --json` and `--batch`: a stable contract. */
import type { Answer } from '../answer/types.js';
import { excerptText } from '../answer/excerpt.js';

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
      channel: r.channel ? `#${r.channel.name}` : null,
    })),
    suggestions: answer.suggestions.map((s) => ({ title: s.title, url: s.url, date: s.date })),
    channel: answer.channel ? `#${answer.channel.name}` : null,
    notices: answer.notices,
  };
}
