/**
 * When the competition-integrity red flags are raised (docs/integrity.md). Configuration, passed in; the
 * defaults follow the Open Contracting Partnership's Cardinal where it sets one (R003: 15 days).
 */
export interface IntegrityThresholds {
  /** R003: fewer days than this from publication to the submission deadline. */
  minimumSubmissionDays: number;
  /** R024: another valid bid's price within this percent of the winning bid's (inclusive). */
  closePricePercent: number;
  /** R038: more than this percent of the bids received excluded. */
  excessiveExclusionPercent: number;
  /**
   * FT-EVALUATION-ASYMMETRY: the winner's average justification length divided by the average of
   * the other bids' justifications above this.
   */
  justificationAsymmetryRatio: number;
}

export const DEFAULT_INTEGRITY_THRESHOLDS: IntegrityThresholds = {
  minimumSubmissionDays: 15,
  closePricePercent: 1,
  excessiveExclusionPercent: 50,
  justificationAsymmetryRatio: 2,
};
