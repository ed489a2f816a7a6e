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

/** The contract rules that come from configuration (issue 15). */
export interface ContractRules {
  /**
   * Procurement Act 2023 s.52(1): before entering into a contract of an estimated value above
   * £5 million the authority sets at least three KPIs. The amount is in the contract's currency.
   */
  kpiValueThreshold: number;
  /** Whole days after a KPI's period ends in which its assessment is still on time (s.71). */
  assessmentGraceDays: number;
}

export const MINIMUM_KPIS = 3;
/** s.71(2): performance against each KPI is assessed at least once every 12 months. */
export const MAX_KPI_FREQUENCY_MONTHS = 12;

export const DEFAULT_CONTRACT_RULES: ContractRules = {
  kpiValueThreshold: 5_000_000,
  assessmentGraceDays: 30,
};
