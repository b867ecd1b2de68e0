/**
 * The answer as plain data, with no Slack or terminal types: `ask`, the shell and the
 * Slack surfaces are thin renderers of it.
 */

import type { Confidence } from './confidence.js';

export type { Confidence } from './confidence.js';

/** A run of excerpt text; `match` marks the query's terms, for bold in Slack or the terminal. */
export interface ExcerptSegment {
  text: string;
  match: boolean;
}

/** A community channel on the Kubernetes Slack where a topic is discussed. */
export interface CommunityChannel {
  /** Without `#`, e.g. `sig-node`. */
  name: string;
  /** Link to the channel on the community workspace. */
  url: string;
  /** The SIGs/topics the channel is for. */
  sigs: string[];
}

export interface AnswerResult {
  articleId: string;
  title: string;
  url: string;
  /** Heading path inside the article joined with ` › `; empty for the article's opening. */
  section: string;
  sectionPath: string[];
  date: string;
  /** The whole passage as plain text: Markdown syntax removed, wording unchanged. */
  text: string;
  /** A short excerpt around the best-matching sentence, matched terms marked. */
  excerpt: ExcerptSegment[];
  score: number;
  sigs: string[];
  /** Where the topic of this passage's article is discussed. */
  channel: CommunityChannel | null;
}

export interface ArticleSuggestion {
  articleId: string;
  title: string;
  url: string;
  date: string;
}

export interface Answer {
  /** The question as it was searched (normalised whitespace, possibly truncated). */
  query: string;
  /** True when results are shown: confidence `high` or `low`. */
  answered: boolean;
  /**
   * `high`: the best passage covers the question; `low`: results that may help, shown with a
   * caveat; `none`: no results (the corpus lacks what the question names, or shares too
   * little with it): suggestions, notices and the channel to ask in instead.
   */
  confidence: Confidence;
  /** The page of results asked for (`offset` .. `offset + k`). */
  results: AnswerResult[];
  offset: number;
  /** Whether more results exist after this page. */
  hasMore: boolean;
  /** When not answered: the closest articles, to point the user somewhere useful. */
  suggestions: ArticleSuggestion[];
  /** The community channel for the answer's topic (or the general channel when unsure). */
  channel: CommunityChannel | null;
  /** Human-readable notes, e.g. that the question was truncated. */
  notices: string[];
}
