import type { ContractChangeState, ContractState } from '../tender/contract-state';
import type { TenderState } from '../tender/state';
import type { Money } from '../tender/terms';
import type {
  AuditPlan,
  ContractPeriod,
  Kpi,
  ModificationBasis,
  PerformanceRating,
} from '../tender/events/contract';
import { assessmentKey } from '../tender/contract-state';
import { kpiDueDates } from './performance';

/** One KPI period: due, assessed (with the rating), or recorded overdue. */
export interface KpiPeriodView {
  dueDate: string;
  status: 'pending' | 'assessed' | 'overdue' | 'assessed-late';
  rating?: PerformanceRating;
  evidence?: string;
  supplierResponse?: string;
  assessedAt?: string;
  overdueAt?: string;
  noticePublished: boolean;
}

export interface ContractChangeView {
  changeId: string;
  changeNumber?: number;
  kind: string;
  description: string;
  justification: string;
  basis: ModificationBasis;
  addedValue: Money;
  addedMonths: number;
  status: 'requested' | 'in-standstill' | 'in-force';
  requestedBy: string;
  approvedBy?: string;
  standstillEndsAt?: string;
  effectiveAt?: string;
  /** The contract as it stands after this change. */
  valueAfter?: Money;
  periodAfter?: ContractPeriod;
}

/** The contract after award, as a reader wants it (issue 15). Pure: from the tender state. */
export interface ContractView {
  tenderId: string;
  contractId: string;
  supplierId: string;
  status: 'active' | 'terminated';
  pilot: boolean;
  concludedAt: string;
  originalValue: Money;
  value: Money;
  originalPeriod: ContractPeriod;
  period: ContractPeriod;
  maximumTermMonths: number;
  /** Months added by changes in force, and the percentage of the maximum term on award. */
  addedMonths: number;
  addedMonthsPercentOfMaximumTerm: number;
  changes: ContractChangeView[];
  kpis: (Kpi & { periods: KpiPeriodView[] })[];
  auditPlans: (AuditPlan & { source: string })[];
  checkpoints: {
    checkpointId: string;
    dueDate: string;
    description: string;
    oversightBodyId: string;
    source: string;
    status: 'pending' | 'satisfactory' | 'failed' | 'missed';
    review?: {
      outcome: string;
      findings: string;
      reportUrl: string;
      reviewedBy: string;
      reviewedAt: string;
    };
    missedAt?: string;
  }[];
  terminated?: {
    reason: string;
    details: string;
    terminatedAt: string;
    noticePublishedAt?: string;
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function changeView(change: ContractChangeState): ContractChangeView {
  const status = change.effectiveAt
    ? 'in-force'
    : change.standstillEndsAt
      ? 'in-standstill'
      : 'requested';
  return {
    changeId: change.changeId,
    ...(change.changeNumber === undefined ? {} : { changeNumber: change.changeNumber }),
    kind: change.kind,
    description: change.description,
    justification: change.justification,
    basis: change.basis ?? { kind: 'not-stated' },
    addedValue: change.addedValue,
    addedMonths: change.addedMonths,
    status,
    requestedBy: change.requestedBy,
    ...(change.approvedBy ? { approvedBy: change.approvedBy } : {}),
    ...(change.standstillEndsAt ? { standstillEndsAt: change.standstillEndsAt } : {}),
    ...(change.effectiveAt ? { effectiveAt: change.effectiveAt } : {}),
    ...(change.valueAfter ? { valueAfter: change.valueAfter } : {}),
    ...(change.periodAfter ? { periodAfter: change.periodAfter } : {}),
  };
}

function kpiPeriods(contract: ContractState, kpi: Kpi): KpiPeriodView[] {
  return kpiDueDates(contract, kpi).map((dueDate) => {
    const key = assessmentKey(kpi.kpiId, dueDate);
    const assessment = Object.hasOwn(contract.assessments, key)
      ? contract.assessments[key]
      : undefined;
    const overdueAt = Object.hasOwn(contract.overdue, key) ? contract.overdue[key] : undefined;
    const status = assessment
      ? overdueAt
        ? 'assessed-late'
        : 'assessed'
      : overdueAt
        ? 'overdue'
        : 'pending';
    return {
      dueDate,
      status,
      ...(assessment
        ? {
            rating: assessment.rating,
            evidence: assessment.evidence,
            ...(assessment.supplierResponse
              ? { supplierResponse: assessment.supplierResponse }
              : {}),
            assessedAt: assessment.assessedAt,
          }
        : {}),
      ...(overdueAt ? { overdueAt } : {}),
      noticePublished: contract.performanceNotices.includes(dueDate),
    };
  });
}

export function contractView(tender: TenderState): ContractView | undefined {
  const { contract, tenderId } = tender;
  if (!contract || !tenderId) return undefined;
  const inForce = Object.values(contract.changes).filter((c) => c.effectiveAt !== undefined);
  const addedMonths = inForce.reduce((sum, c) => sum + c.addedMonths, 0);
  const changes = Object.values(contract.changes)
    .map(changeView)
    .sort(
      (a, b) =>
        (a.changeNumber ?? Number.MAX_SAFE_INTEGER) - (b.changeNumber ?? Number.MAX_SAFE_INTEGER) ||
        (a.changeId < b.changeId ? -1 : 1),
    );
  return {
    tenderId,
    contractId: contract.contractId,
    supplierId: contract.supplierId,
    status: contract.terminated ? 'terminated' : 'active',
    pilot: contract.pilot,
    concludedAt: contract.concludedAt,
    originalValue: contract.originalValue,
    value: contract.value,
    originalPeriod: contract.originalPeriod,
    period: contract.period,
    maximumTermMonths: contract.maximumTermMonths,
    addedMonths,
    addedMonthsPercentOfMaximumTerm: round2((addedMonths / contract.maximumTermMonths) * 100),
    changes,
    kpis: contract.kpis.map((kpi) => ({ ...kpi, periods: kpiPeriods(contract, kpi) })),
    auditPlans: contract.auditPlans.map((plan) => ({ ...plan })),
    checkpoints: Object.values(contract.checkpoints)
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .map((checkpoint) => ({
        checkpointId: checkpoint.checkpointId,
        dueDate: checkpoint.dueDate,
        description: checkpoint.description,
        oversightBodyId: checkpoint.oversightBodyId,
        source: checkpoint.source,
        status: checkpoint.review
          ? checkpoint.review.outcome
          : checkpoint.missedAt
            ? 'missed'
            : 'pending',
        ...(checkpoint.review ? { review: { ...checkpoint.review } } : {}),
        ...(checkpoint.missedAt ? { missedAt: checkpoint.missedAt } : {}),
      })),
    ...(contract.terminated
      ? {
          terminated: {
            reason: contract.terminated.reason,
            details: contract.terminated.details,
            terminatedAt: contract.terminated.terminatedAt,
            ...(contract.terminated.noticePublishedAt
              ? { noticePublishedAt: contract.terminated.noticePublishedAt }
              : {}),
          },
        }
      : {}),
  };
}
