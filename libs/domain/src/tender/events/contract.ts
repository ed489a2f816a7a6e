import type { Money } from '../terms';
import type { DomainEvent } from '../../shared/domain-event';

export interface ContractPeriod {
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, inclusive */
  endDate: string;
}

/**
 * A key performance indicator (Procurement Act 2023 s.52): what is measured, the target, and how
 * often it is assessed (at most every 12 months, s.71(2)).
 */
export interface Kpi {
  kpiId: string;
  name: string;
  /** How it is measured, e.g. "cameras available, % of shift hours". */
  measure: string;
  target: string;
  /** Whole months between assessments, 1 to 12. */
  frequencyMonths: number;
}

/** A dated point at which the oversight body reviews the contract under an audit plan. */
export interface AuditCheckpoint {
  checkpointId: string;
  /** YYYY-MM-DD: reviewed by the end of this day, or missed. */
  dueDate: string;
  description: string;
}

/**
 * What a pilot or an extension must carry (issue 15): KPIs or dated checkpoints, the oversight body
 * (an auditor organisation) that reviews them, and where the reports are published.
 */
export interface AuditPlan {
  oversightBodyId: string;
  /** https URL where the oversight reports are published. */
  publicationUrl: string;
  checkpoints: AuditCheckpoint[];
  /** KPIs of the contract the plan reviews. */
  kpiIds: string[];
}

/**
 * v2 (issue 15) adds the maximum term, KPIs, pilot and audit plan; v1 events are upcast to a maximum
 * term of the concluded period (no extension option declared), no KPIs, not a pilot.
 */
export type ContractConcluded = DomainEvent<
  'ContractConcluded',
  {
    contractId: string;
    supplierId: string;
    value: Money;
    period: ContractPeriod;
    concludedAt: string;
    concludedBy: string;
    /** The maximum term provided for on award, extension options included (s.74(3)(a)). */
    maximumTermMonths?: number;
    kpis?: Kpi[];
    pilot?: boolean;
    auditPlan?: AuditPlan;
  }
>;

export type ContractChangeKind = 'modification' | 'extension';

/**
 * The permitted-modification grounds of Procurement Act 2023 Schedule 8, coded. `schedule8` is the
 * paragraph, `valueCapPercent` the cap on the increase in value the paragraph sets (computed).
 */
export const SCHEDULE_8_GROUNDS = {
  'provided-for-in-contract': { schedule8: 'Sch. 8 para 1', valueCapPercent: null },
  'urgency-protection-of-life': { schedule8: 'Sch. 8 para 2', valueCapPercent: null },
  'unforeseeable-circumstances': { schedule8: 'Sch. 8 para 4', valueCapPercent: 50 },
  'known-risk': { schedule8: 'Sch. 8 paras 5-6', valueCapPercent: 50 },
  'additional-goods-services-works': { schedule8: 'Sch. 8 para 7', valueCapPercent: 50 },
  'corporate-restructuring': { schedule8: 'Sch. 8 para 8', valueCapPercent: null },
} as const satisfies Record<string, { schedule8: string; valueCapPercent: number | null }>;
export type Schedule8Ground = keyof typeof SCHEDULE_8_GROUNDS;

/**
 * Why a change is lawful (Procurement Act 2023 s.74(1)): a Schedule 8 ground, not a substantial
 * modification (s.74(3)), or below threshold (s.74(4)-(5)). `not-stated`: only on changes requested
 * before issue 15 (upcast), never accepted from a new request.
 */
export type ModificationBasis =
  | { kind: 'permitted'; ground: Schedule8Ground }
  | {
      kind: 'not-substantial';
      /** The officer's declaration of s.74(3)(b)-(c): no material change of scope or economic balance. */
      declaresNoMaterialChange: true;
    }
  | { kind: 'below-threshold' }
  | { kind: 'not-stated' };

export interface ContractChange {
  changeId: string;
  kind: ContractChangeKind;
  description: string;
  justification: string;
  /** May be 0; negative for a reduction. Same currency as the contract. */
  addedValue: Money;
  /** Whole months added to the contract period (0 for a modification that adds no time). */
  addedMonths: number;
  /** v2 (issue 15); v1 changes are upcast to `not-stated`. */
  basis?: ModificationBasis;
  /** Required for an extension and for any change of a pilot (AUDIT_PLAN_REQUIRED). */
  auditPlan?: AuditPlan;
  /** The voluntary standstill of s.76: the change takes effect 8 working days after its notice. */
  voluntaryStandstill?: boolean;
}

export type ContractChangeRequested = DomainEvent<
  'ContractChangeRequested',
  ContractChange & { requestedBy: string; requestedAt: string }
>;

/** A red flag raised by a change past a configured threshold (rule 8). */
export interface ChangeRedFlag {
  code: 'CHANGE_COUNT' | 'CHANGE_VALUE' | 'CHANGE_TIME';
  message: string;
  threshold: number;
  actual: number;
}

export type ContractChangeApproved = DomainEvent<
  'ContractChangeApproved',
  { changeId: string; approvedBy: string; approvedAt: string; redFlags: ChangeRedFlag[] }
>;

/**
 * The public change notice (PA 2023 ss.75–76): what changed, why, and the contract as it will stand.
 * Published before the change takes effect: at once without a standstill; with one, the change takes
 * effect at `standstillEndsAt` (`ContractChangeTookEffect`).
 */
export type ContractChangeNoticePublished = DomainEvent<
  'ContractChangeNoticePublished',
  ContractChange & {
    changeNumber: number;
    value: Money;
    period: ContractPeriod;
    redFlags: ChangeRedFlag[];
    publishedAt: string;
    /** Present when a voluntary standstill was chosen (s.76): the end of its 8th working day. */
    standstillEndsAt?: string;
  }
>;

/** A change under a voluntary standstill takes effect once the standstill has ended (s.76). */
export type ContractChangeTookEffect = DomainEvent<
  'ContractChangeTookEffect',
  { changeId: string; changeNumber: number; value: Money; period: ContractPeriod; at: string }
>;

/** The ratings of a contract performance notice (Procurement Regulations 2024, UK9 notice). */
export const PERFORMANCE_RATINGS = [
  'good',
  'approaching-target',
  'requires-improvement',
  'inadequate',
] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

/** One KPI assessed for the period ending on `dueDate` (s.71). */
export type PerformanceAssessed = DomainEvent<
  'PerformanceAssessed',
  {
    kpiId: string;
    dueDate: string;
    rating: PerformanceRating;
    evidence: string;
    supplierResponse?: string;
    assessedBy: string;
    assessedAt: string;
  }
>;

/** The period's assessments, published (s.71(4), UK9): once every KPI due on `dueDate` is assessed. */
export type ContractPerformanceNoticePublished = DomainEvent<
  'ContractPerformanceNoticePublished',
  {
    contractId: string;
    dueDate: string;
    assessments: {
      kpiId: string;
      name: string;
      target: string;
      rating: PerformanceRating;
      evidence: string;
      supplierResponse?: string;
    }[];
    publishedAt: string;
  }
>;

/** A KPI's assessment was not recorded by its due date and grace: FT-PERFORMANCE-OVERDUE. */
export type PerformanceAssessmentOverdue = DomainEvent<
  'PerformanceAssessmentOverdue',
  { contractId: string; kpiId: string; dueDate: string; recordedAt: string }
>;

export type OversightOutcome = 'satisfactory' | 'failed';

/** The oversight body's review of a checkpoint of an audit plan. */
export type OversightReviewRecorded = DomainEvent<
  'OversightReviewRecorded',
  {
    checkpointId: string;
    outcome: OversightOutcome;
    findings: string;
    /** Where the report is published. */
    reportUrl: string;
    reviewedBy: string;
    oversightBodyId: string;
    reviewedAt: string;
  }
>;

/** The checkpoint's day ended without a review. */
export type AuditCheckpointMissed = DomainEvent<
  'AuditCheckpointMissed',
  { checkpointId: string; dueDate: string; oversightBodyId: string; recordedAt: string }
>;

/**
 * Why a contract is terminated. `breach` and `convenience` are the contract's own terms; the `s78-…`
 * are the implied rights of Procurement Act 2023 s.78 (unlawful modification, a supplier excluded or
 * excludable, a serious infringement the court declared).
 */
export const TERMINATION_REASONS = [
  'breach',
  'convenience',
  'mutual-agreement',
  's78-unlawful-modification',
  's78-supplier-excluded',
  's78-serious-infringement',
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export type ContractTerminated = DomainEvent<
  'ContractTerminated',
  {
    contractId: string;
    reason: TerminationReason;
    details: string;
    terminatedBy: string;
    terminatedAt: string;
  }
>;

/** The contract termination notice (s.80, UK11). */
export type ContractTerminationNoticePublished = DomainEvent<
  'ContractTerminationNoticePublished',
  {
    contractId: string;
    supplierId: string;
    reason: TerminationReason;
    details: string;
    value: Money;
    period: ContractPeriod;
    publishedAt: string;
  }
>;

export type ContractEvent =
  | ContractConcluded
  | ContractChangeRequested
  | ContractChangeApproved
  | ContractChangeNoticePublished
  | ContractChangeTookEffect
  | PerformanceAssessed
  | ContractPerformanceNoticePublished
  | PerformanceAssessmentOverdue
  | OversightReviewRecorded
  | AuditCheckpointMissed
  | ContractTerminated
  | ContractTerminationNoticePublished;
