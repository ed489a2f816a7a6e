import type {
  AuditCheckpointMissed,
  ContractPerformanceNoticePublished,
  ContractTerminationNoticePublished,
  PerformanceAssessmentOverdue,
  TenderState,
} from '@fairtender/domain';
import type { Audience, Mapping } from './notification-types';

/** The buyer's organisation and every oversight body named by the contract's audit plans. */
export function buyerAndOversightOf(tender: TenderState, oversightBodyId?: string): string[] {
  const bodies = (tender.contract?.auditPlans ?? []).map((plan) => plan.oversightBodyId);
  const named = [tender.buyerOrganisationId, oversightBodyId, ...bodies].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  return [...new Set(named)];
}

/** Who must act on a missed duty of the contract: the buyer's officers and oversight (issue 15). */
const BUYER_AND_OVERSIGHT: Audience = {
  kind: 'suppliers',
  of: (event, tender) =>
    buyerAndOversightOf(tender, (event.data as { oversightBodyId?: string }).oversightBodyId),
};

/** Who bid, and the buyer and oversight: the contract's public notices after award. */
const CONTRACT_PUBLIC: Audience = {
  kind: 'suppliers',
  of: (_event, tender) => [
    ...(tender.opening.bidStreams ?? []).map((head) => head.supplierId),
    ...buyerAndOversightOf(tender),
  ],
};

/** The contract's life after award (issue 15), merged into NOTIFIED_EVENTS. */
export const CONTRACT_NOTIFIED_EVENTS = {
  PerformanceAssessmentOverdue: {
    type: 'performance.overdue',
    audience: BUYER_AND_OVERSIGHT,
    notify: (data: PerformanceAssessmentOverdue['data'], tender) => ({
      occurredAt: data.recordedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: data.contractId,
        kpiId: data.kpiId,
        kpiName: tender.contract?.kpis.find((kpi) => kpi.kpiId === data.kpiId)?.name,
        dueDate: data.dueDate,
        redFlag: 'FT-PERFORMANCE-OVERDUE',
      },
    }),
  } satisfies Mapping<PerformanceAssessmentOverdue['data']>,
  AuditCheckpointMissed: {
    type: 'audit-checkpoint.missed',
    audience: BUYER_AND_OVERSIGHT,
    notify: (data: AuditCheckpointMissed['data'], tender) => ({
      occurredAt: data.recordedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: tender.contract?.contractId,
        checkpointId: data.checkpointId,
        dueDate: data.dueDate,
        oversightBodyId: data.oversightBodyId,
        redFlag: 'FT-AUDIT-CHECKPOINT',
      },
    }),
  } satisfies Mapping<AuditCheckpointMissed['data']>,
  ContractPerformanceNoticePublished: {
    type: 'contract.performance-notice',
    audience: CONTRACT_PUBLIC,
    notify: (data: ContractPerformanceNoticePublished['data'], tender) => ({
      occurredAt: data.publishedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: data.contractId,
        dueDate: data.dueDate,
        assessments: data.assessments.map(({ kpiId, name, target, rating }) => ({
          kpiId,
          name,
          target,
          rating,
        })),
        publishedAt: data.publishedAt,
      },
    }),
  } satisfies Mapping<ContractPerformanceNoticePublished['data']>,
  ContractTerminationNoticePublished: {
    type: 'contract.terminated',
    audience: CONTRACT_PUBLIC,
    notify: (data: ContractTerminationNoticePublished['data'], tender) => ({
      occurredAt: data.publishedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: data.contractId,
        supplierId: data.supplierId,
        reason: data.reason,
        details: data.details,
        publishedAt: data.publishedAt,
      },
    }),
  } satisfies Mapping<ContractTerminationNoticePublished['data']>,
} as const;
