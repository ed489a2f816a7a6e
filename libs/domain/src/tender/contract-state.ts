import type { Money } from './terms';
import type {
  AuditPlan,
  ChangeRedFlag,
  ContractChange,
  ContractPeriod,
  Kpi,
  OversightOutcome,
  PerformanceRating,
  TerminationReason,
} from './events/contract';

export interface ContractChangeState extends ContractChange {
  requestedBy: string;
  requestedAt: string;
  approvedBy?: string;
  approvedAt?: string;
  /** The thresholds its approval crossed (rule 8), as recorded. */
  redFlags?: ChangeRedFlag[];
  changeNumber?: number;
  /** Published under a voluntary standstill that has not ended: not in force yet. */
  standstillEndsAt?: string;
  /** In force (at the notice without a standstill, at its end with one). */
  effectiveAt?: string;
  /** The contract as the change's notice said it will stand. */
  valueAfter?: Money;
  periodAfter?: ContractPeriod;
}

export interface AssessmentState {
  kpiId: string;
  dueDate: string;
  rating: PerformanceRating;
  evidence: string;
  supplierResponse?: string;
  assessedBy: string;
  assessedAt: string;
}

/** An audit plan in force: the contract's own (`source: 'contract'`) or a change's (its id). */
export interface AuditPlanState extends AuditPlan {
  source: string;
}

export interface CheckpointState {
  checkpointId: string;
  dueDate: string;
  description: string;
  oversightBodyId: string;
  /** The plan it belongs to: `contract` or a change id. */
  source: string;
  review?: {
    outcome: OversightOutcome;
    findings: string;
    reportUrl: string;
    reviewedBy: string;
    reviewedAt: string;
  };
  missedAt?: string;
}

export interface ContractState {
  contractId: string;
  supplierId: string;
  /** As concluded. */
  originalValue: Money;
  originalPeriod: ContractPeriod;
  /** As it stands after the changes in force. */
  value: Money;
  period: ContractPeriod;
  concludedAt: string;
  changes: Record<string, ContractChangeState>;
  approvedChanges: number;
  /** The maximum term provided for on award, extension options included (s.74(3)(a)). */
  maximumTermMonths: number;
  kpis: Kpi[];
  pilot: boolean;
  auditPlans: AuditPlanState[];
  /** `<kpiId>/<dueDate>` → the assessment. */
  assessments: Record<string, AssessmentState>;
  /** Due dates whose contract performance notice is published. */
  performanceNotices: string[];
  /** `<kpiId>/<dueDate>` → when it was recorded overdue. */
  overdue: Record<string, string>;
  checkpoints: Record<string, CheckpointState>;
  terminated?: {
    reason: TerminationReason;
    details: string;
    terminatedBy: string;
    terminatedAt: string;
    noticePublishedAt?: string;
  };
}

export const assessmentKey = (kpiId: string, dueDate: string) => `${kpiId}/${dueDate}`;
