/**
 * When contract changes are red-flagged (rule 8). Past these they are still allowed, in the open.
 * Defaults: more than 2 changes; more than 10 % added value (the de minimis of PA 2023 Sch. 8 para 7
 * for goods and services); more than 6 months added — the seeds' 12-month extension is flagged.
 */
export interface ChangeThresholds {
  maxChanges: number;
  maxAddedValuePercent: number;
  maxAddedMonths: number;
}

export const DEFAULT_CHANGE_THRESHOLDS: ChangeThresholds = {
  maxChanges: 2,
  maxAddedValuePercent: 10,
  maxAddedMonths: 6,
};
