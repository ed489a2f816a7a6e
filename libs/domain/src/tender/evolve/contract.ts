import type { AuditPlan, ContractEvent } from '../events/contract';
import { assessmentKey, type CheckpointState, type ContractState } from '../contract-state';
import type { TenderState } from '../state';
import { termMonths } from '../contract-term';

function checkpointsOf(plan: AuditPlan, source: string): Record<string, CheckpointState> {
  const checkpoints: Record<string, CheckpointState> = {};
  for (const { checkpointId, dueDate, description } of plan.checkpoints) {
    checkpoints[checkpointId] = {
      checkpointId,
      dueDate,
      description,
      oversightBodyId: plan.oversightBodyId,
      source,
    };
  }
  return checkpoints;
}

const withContract = (
  state: TenderState,
  update: (contract: ContractState) => ContractState,
): TenderState => (state.contract ? { ...state, contract: update(state.contract) } : state);

/** Folds the contract and its life; an event of a newer version of the code leaves it as it is. */
export function evolveContract(state: TenderState, event: ContractEvent): TenderState {
  switch (event.type) {
    case 'ContractConcluded': {
      const { contractId, supplierId, value, period, concludedAt } = event.data;
      const { maximumTermMonths, kpis = [], pilot = false, auditPlan } = event.data;
      return {
        ...state,
        stage: 'contracted',
        contract: {
          contractId,
          supplierId,
          originalValue: value,
          originalPeriod: period,
          value,
          period,
          concludedAt,
          changes: {},
          approvedChanges: 0,
          maximumTermMonths: maximumTermMonths ?? termMonths(period.startDate, period.endDate),
          kpis,
          pilot,
          auditPlans: auditPlan ? [{ ...auditPlan, source: 'contract' }] : [],
          assessments: {},
          performanceNotices: [],
          overdue: {},
          checkpoints: auditPlan ? checkpointsOf(auditPlan, 'contract') : {},
        },
      };
    }
    case 'ContractChangeRequested': {
      const change = { ...event.data };
      return withContract(state, (contract) => ({
        ...contract,
        changes: { ...contract.changes, [change.changeId]: change },
      }));
    }
    case 'ContractChangeApproved': {
      const { contract } = state;
      if (!contract || !Object.hasOwn(contract.changes, event.data.changeId)) return state;
      const { changeId, approvedBy, approvedAt, redFlags } = event.data;
      const change = { ...contract.changes[changeId], approvedBy, approvedAt, redFlags };
      return {
        ...state,
        contract: { ...contract, changes: { ...contract.changes, [changeId]: change } },
      };
    }
    case 'ContractChangeNoticePublished': {
      const { contract } = state;
      if (!contract || !Object.hasOwn(contract.changes, event.data.changeId)) return state;
      const { changeId, changeNumber, value, period, standstillEndsAt, publishedAt } = event.data;
      const before = contract.changes[changeId];
      const plan = before.auditPlan;
      const planned = plan
        ? {
            auditPlans: [...contract.auditPlans, { ...plan, source: changeId }],
            checkpoints: { ...contract.checkpoints, ...checkpointsOf(plan, changeId) },
          }
        : {};
      const change = {
        ...before,
        changeNumber,
        valueAfter: value,
        periodAfter: period,
        ...(standstillEndsAt ? { standstillEndsAt } : { effectiveAt: publishedAt }),
      };
      return {
        ...state,
        contract: {
          ...contract,
          ...(standstillEndsAt ? {} : { value, period }),
          ...planned,
          approvedChanges: changeNumber,
          changes: { ...contract.changes, [changeId]: change },
        },
      };
    }
    case 'ContractChangeTookEffect': {
      const { contract } = state;
      if (!contract || !Object.hasOwn(contract.changes, event.data.changeId)) return state;
      const { changeId, value, period, at } = event.data;
      const change = { ...contract.changes[changeId], effectiveAt: at };
      return {
        ...state,
        contract: {
          ...contract,
          value,
          period,
          changes: { ...contract.changes, [changeId]: change },
        },
      };
    }
    case 'PerformanceAssessed': {
      const assessment = { ...event.data };
      return withContract(state, (contract) => ({
        ...contract,
        assessments: {
          ...contract.assessments,
          [assessmentKey(assessment.kpiId, assessment.dueDate)]: assessment,
        },
      }));
    }
    case 'ContractPerformanceNoticePublished':
      return withContract(state, (contract) => ({
        ...contract,
        performanceNotices: [...contract.performanceNotices, event.data.dueDate],
      }));
    case 'PerformanceAssessmentOverdue': {
      const { kpiId, dueDate, recordedAt } = event.data;
      return withContract(state, (contract) => ({
        ...contract,
        overdue: { ...contract.overdue, [assessmentKey(kpiId, dueDate)]: recordedAt },
      }));
    }
    case 'OversightReviewRecorded': {
      const { contract } = state;
      const { checkpointId, outcome, findings, reportUrl, reviewedBy, reviewedAt } = event.data;
      if (!contract || !Object.hasOwn(contract.checkpoints, checkpointId)) return state;
      const checkpoint = {
        ...contract.checkpoints[checkpointId],
        review: { outcome, findings, reportUrl, reviewedBy, reviewedAt },
      };
      return {
        ...state,
        contract: {
          ...contract,
          checkpoints: { ...contract.checkpoints, [checkpointId]: checkpoint },
        },
      };
    }
    case 'AuditCheckpointMissed': {
      const { contract } = state;
      const { checkpointId, recordedAt } = event.data;
      if (!contract || !Object.hasOwn(contract.checkpoints, checkpointId)) return state;
      const checkpoint = { ...contract.checkpoints[checkpointId], missedAt: recordedAt };
      return {
        ...state,
        contract: {
          ...contract,
          checkpoints: { ...contract.checkpoints, [checkpointId]: checkpoint },
        },
      };
    }
    case 'ContractTerminated': {
      const { reason, details, terminatedBy, terminatedAt } = event.data;
      return withContract(state, (contract) => ({
        ...contract,
        terminated: { reason, details, terminatedBy, terminatedAt },
      }));
    }
    case 'ContractTerminationNoticePublished':
      return withContract(state, (contract) =>
        contract.terminated
          ? {
              ...contract,
              terminated: { ...contract.terminated, noticePublishedAt: event.data.publishedAt },
            }
          : contract,
      );
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
