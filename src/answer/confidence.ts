/**
 * Whether the best passage answers the question well enough to be shown as an answer, or
 * whether to say so and suggest articles instead. Coverage of the top passage alone
 * separates these poorly, so it is combined with how much of the question the corpus knows
 * at all, and with the names it asks about that no article mentions. Thresholds are measured
 * with `npm run eval` (abstention vs. false abstention).
 */
export interface ConfidenceSignals {
  /** Share of the question's term weight covered by the top passage. */
  topCoverage: number;
  /** Share of the question's term weight that occurs anywhere in the corpus. */
  corpusCoverage: number;
  /** Names the question asks about (AppArmor, Karpenter) that no article mentions. */
  unknownNames: readonly string[];
}

/**
 * minTopCoverage sits between the closest unanswerable (0.410) and answerable (0.423) dev
 * questions. With unknown names: dev abstention 1.00, false 0; qa/holdout.jsonl 0.83 with 4%
 * false abstentions (0.40: 0.75 / 2%; 0.45: 0.92 / 6%, and 3% false on the dev set).
 */
export const CONFIDENCE = {
  minTopCoverage: 0.415,
  minCorpusCoverage: 0.3,
};

export function isConfident(signals: ConfidenceSignals, thresholds = CONFIDENCE): boolean {
  return signals.unknownNames.length === 0 && signals.topCoverage >= thresholds.minTopCoverage && signals.corpusCoverage >= thresholds.minCorpusCoverage;
}
