/**
 * How sure the answer is, in three tiers:
 * - `none`: the question names something the corpus lacks (an unknown entity), or shares so
 *   little with it that no answerable question of any set scored as low; no results are shown;
 * - `low`: results are shown with a caveat: the best passage covers only part of the question,
 *   or its page never mentions a name the question asks about;
 * - `high`: the best passage covers most of the question.
 * Coverage counts no filler (ordinary words the corpus never uses). Thresholds are measured
 * with `npm run eval` on every question set (abstention, false refusals, share of low).
 */
import type { SiblingContrast } from '../search/sibling-names.js';
import type { RoleGap } from './role-evidence.js';

export type Confidence = 'high' | 'low' | 'none';

export interface ConfidenceSignals {
  /** Share of the question's term weight covered by the top passage. */
  topCoverage: number;
  /** Share of the question's term weight that occurs anywhere in the corpus. */
  corpusCoverage: number;
  /** What the question names that no article mentions (AppArmor, Karpenter). */
  unknownEntities: readonly string[];
  /** What the question names that the corpus has, but not on the top passage's page (RBAC). */
  absentNames?: readonly string[];
  /** Values the question states as a change's end or start that no shown passage holds (2年に延びた; stated-values.ts), or dates no shown page holds (stated-dates.ts). */
  unheldValues?: readonly string[];
  /** Firms the question pairs with a person whom the shown pages give another firm (stated-affiliations.ts). */
  unheldAffiliations?: readonly unknown[];
  /** Pairings the question states that the corpus makes with a sibling instead (OpenShift with containerd; stated-pairings.ts). */
  unheldPairings?: readonly unknown[];
  /** Roles the question says a person holds whom the shown pages give other titles only (stated-roles.ts). */
  unheldRoles?: readonly unknown[];
  /** Absent names whose every page holds little of the rest of the question (containerd, asked with seccomp profiles from OCI artifacts). */
  strandedNames?: readonly string[];
  /** What the question asks for (a date, a person) that the shown passages do not hold beside its words (answer-evidence.ts). */
  missingKinds?: readonly string[];
  /** Family members the question asks about whose top page names only their siblings (SIG Storage; the page is SIG Cloud Provider's). */
  siblingNames?: readonly SiblingContrast[];
  /** What a how-question names that the top page names only in passing, once and beside none of its other words (passing-mention.ts: kube-apiserver in a sentence on a feature gate). */
  passingNames?: readonly string[];
  /** A role a who-question asks about that no shown passage names beside a person (SIG Release's chair), or a named person's role (role-evidence.ts). */
  roleGaps?: readonly RoleGap[];
  /** Details the question asks for (a place, a weekday, a title, a count at a release) or editions it names (KubeCon EU 2023) that the shown passages do not give (detail-evidence.ts). */
  missingDetails?: readonly string[];
}

/**
 * none below minTopCoverage (or minCorpusCoverage): the lowest top coverage of an answerable
 * question of any development set is 0.281 (blind-25, a long question telling the asker's
 * setup), the lowest corpus coverage 0.718; the cuts sit under them so that new questions are
 * not refused for their wording alone (every unanswerable one below 0.3 is refused by another
 * signal too: a name the corpus lacks, a value no page holds). high from
 * highTopCoverage: 79 of the 83 answerable dev and holdout questions reach it, and 5 of the 10
 * unanswerable ones that name nothing unknown (measured with npm run eval and the signals of
 * each question).
 */
export const CONFIDENCE = {
  highTopCoverage: 0.5,
  highCorpusCoverage: 0.5,
  minTopCoverage: 0.25,
  minCorpusCoverage: 0.3,
};

export function selectConfidence(signals: ConfidenceSignals, thresholds = CONFIDENCE): Confidence {
  if (signals.unknownEntities.length > 0) return 'none';
  if ((signals.siblingNames?.length ?? 0) > 0) return 'none';
  if (signals.topCoverage < thresholds.minTopCoverage || signals.corpusCoverage < thresholds.minCorpusCoverage) return 'none';
  if ((signals.missingKinds?.length ?? 0) > 0) return 'none';
  if ((signals.passingNames?.length ?? 0) > 0) return 'none';
  if ((signals.roleGaps?.length ?? 0) > 0) return 'none';
  if ((signals.missingDetails?.length ?? 0) > 0) return 'none';
  if ((signals.strandedNames?.length ?? 0) > 0) return 'none';
  if ((signals.unheldValues?.length ?? 0) > 0) return 'none';
  if ((signals.unheldAffiliations?.length ?? 0) > 0) return 'none';
  if ((signals.unheldRoles?.length ?? 0) > 0) return 'none';
  if ((signals.unheldPairings?.length ?? 0) > 0) return 'none';
  // An answer from a page that never mentions a name the question asks about is a guess.
  if ((signals.absentNames?.length ?? 0) > 0) return 'low';
  return signals.topCoverage >= thresholds.highTopCoverage && signals.corpusCoverage >= thresholds.highCorpusCoverage ? 'high' : 'low';
}
