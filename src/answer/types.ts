/**
 * The answer as plain data, with no Slack or terminal types: `ask`, the shell and the
 * Slack surfaces are thin renderers of it.
 */

import type { EvidenceKind } from '../search/asked-things.js';
import type { DetailKind } from './detail-evidence.js';
import type { Confidence } from './confidence.js';
import type { RoleGap } from './role-evidence.js';
import type { StatedAffiliation } from './stated-affiliations.js';
import type { StatedRole } from './stated-roles.js';
import type { UnheldPairing } from '../search/stated-pairings.js';

export type { Confidence } from './confidence.js';
export type { EvidenceKind } from '../search/asked-things.js';

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
  /** The sentence that best answers the question (with a neighbour when needed), ≤ ~300 characters, matched terms marked; prose only. */
  excerpt: ExcerptSegment[];
  /** The passage's code block nearest the excerpt, line breaks kept (shown as code). */
  code?: string;
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
  /** Notes for the asker (the question was truncated, a name no article mentions), worded by each renderer. */
  notices: Notice[];
  /** The earlier question of the thread this one follows up, when it was used as context. */
  followUpOf?: string;
}

/** A note about how the question was handled; renderers word it in the asker's language. */
export type Notice =
  | { kind: 'truncated'; length: number; max: number }
  | { kind: 'empty' }
  | { kind: 'noSearchableWords' }
  | { kind: 'unknownNames'; names: string[] }
  /** Names the question asks about that the top result's page never mentions (the answer is low). */
  | { kind: 'absentNames'; names: string[] }
  /** Names the corpus has only on pages about something else than the rest of the question (the answer is none). */
  | { kind: 'strandedNames'; names: string[] }
  /** Values the question states as a change's end or start (2年に延びた), or dates it states (2015年6月6日), that the passages or pages found do not hold (the answer is none). */
  | { kind: 'unheldValues'; values: string[] }
  /** A person the question pairs with a firm (from Google) whom the articles give another firm (the answer is none). */
  | { kind: 'unheldAffiliations'; affiliations: StatedAffiliation[] }
  /** A person the question says holds a role (SIG Releaseの議長) whom the articles give other titles only (the answer is none). */
  | { kind: 'unheldRoles'; roles: StatedRole[] }
  /** A pairing the question states (OpenShift with containerd) that the articles make with a sibling instead (CRI-O; the answer is none). */
  | { kind: 'unheldPairings'; pairings: UnheldPairing[] }
  /** What the question asks for (a date, a person) that the passages found do not give (the answer is none). */
  | { kind: 'missingKinds'; kinds: EvidenceKind[] }
  /** Family members asked about (SIG Storage) whose best page names only their siblings (SIG Cloud Provider): not answered. */
  | { kind: 'siblingNames'; contrasts: Array<{ asked: string; found: string[] }> }
  /** Names a how-question asks about that the best page names only in passing (passing-mention.ts): not answered. */
  | { kind: 'passingNames'; names: string[] }
  /** A role asked about (SIG Release's chair) that no shown passage names beside a person, or a named person's role (role-evidence.ts): not answered. */
  | { kind: 'roleGaps'; gaps: RoleGap[] }
  /** Details asked for (a place, a weekday, a title, a count at a release) or editions named (KubeCon EU 2023) that the passages found do not give (detail-evidence.ts): not answered. */
  | { kind: 'missingDetails'; kinds: DetailKind[]; editions: string[] };
