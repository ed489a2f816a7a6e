import type { TenderView } from '../tender/tender-view';
import { requireTender } from '../tender/guards';
import { isSystemActor, type CommandActor } from '../shared/actor';
import { addDays } from '../shared/calendar/civil-dates';
import { DomainError } from '../shared/domain-error';
import { assessmentKey, type ContractState } from '../tender/contract-state';
import {
  PERFORMANCE_RATINGS,
  type AuditCheckpointMissed,
  type ContractPerformanceNoticePublished,
  type Kpi,
  type OversightReviewRecorded,
  type PerformanceAssessed,
  type PerformanceAssessmentOverdue,
} from '../tender/events/contract';
import { addMonths, isCalendarDate } from './calendar-dates';
import type { ContractCommand } from './commands';
import { requireContract, requireLiveContract } from './contract-changes';
import { DEFAULT_CONTRACT_RULES } from './thresholds';

/**
 * The dates a KPI's assessments fall due (s.71): the last day of each period of `frequencyMonths`
 * from the contract's start, within the contract period as it stands, and before a termination.
 */
export function kpiDueDates(contract: ContractState, kpi: Kpi): string[] {
  const dates: string[] = [];
  const last = contract.terminated
    ? minDate(contract.period.endDate, contract.terminated.terminatedAt.slice(0, 10))
    : contract.period.endDate;
  for (let n = 1; ; n += 1) {
    const due = addDays(addMonths(contract.period.startDate, n * kpi.frequencyMonths), -1);
    if (due > last) return dates;
    dates.push(due);
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** Every assessment due on the contract, KPI by KPI, in date order. */
export function dueAssessments(contract: ContractState): { kpiId: string; dueDate: string }[] {
  return contract.kpis
    .flatMap((kpi) => kpiDueDates(contract, kpi).map((dueDate) => ({ kpiId: kpi.kpiId, dueDate })))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** When an assessment not recorded becomes overdue: the start (UTC) of the day after its grace. */
export const assessmentOverdueAt = (dueDate: string, graceDays: number) =>
  `${addDays(dueDate, graceDays + 1)}T00:00:00.000Z`;

/** When a checkpoint not reviewed is missed: the start (UTC) of the day after it. */
export const checkpointMissedAt = (dueDate: string) => `${addDays(dueDate, 1)}T00:00:00.000Z`;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function requireKpi(contract: ContractState, kpiId: string): Kpi {
  const kpi = contract.kpis.find((k) => k.kpiId === kpiId);
  if (!kpi) throw new DomainError('KPI_NOT_FOUND', `The contract has no KPI ${kpiId}`, { kpiId });
  return kpi;
}

function requireSystem(actor: CommandActor, action: string): void {
  if (!isSystemActor(actor)) {
    throw new DomainError('ROLE_NOT_ALLOWED', `Only the scheduler may ${action}`, {
      role: actor.role,
      allowed: ['system'],
    });
  }
}

/**
 * An officer of the buyer assesses one KPI for one period (s.71(1)): rating, evidence and the
 * supplier's response. When every KPI due that day is assessed, the period's contract performance
 * notice is published (s.71(4), UK9).
 */
export function recordPerformanceAssessment(
  command: Extract<ContractCommand, { type: 'RecordPerformanceAssessment' }>,
  view: TenderView,
): (PerformanceAssessed | ContractPerformanceNoticePublished)[] {
  const { contract } = requireContract(view, command.actor, 'record a performance assessment');
  const kpi = requireKpi(contract, command.kpiId);
  const dueDates = kpiDueDates(contract, kpi);
  if (!isCalendarDate(command.dueDate) || !dueDates.includes(command.dueDate)) {
    throw new DomainError(
      'ASSESSMENT_NOT_DUE',
      `KPI ${kpi.kpiId} is not due for assessment on ${String(command.dueDate)}`,
      { kpiId: kpi.kpiId, dueDates },
    );
  }
  const key = assessmentKey(kpi.kpiId, command.dueDate);
  if (Object.hasOwn(contract.assessments, key)) {
    throw new DomainError(
      'ASSESSMENT_ALREADY_RECORDED',
      `KPI ${kpi.kpiId} was assessed for ${command.dueDate} on ${contract.assessments[key].assessedAt}`,
      { kpiId: kpi.kpiId, dueDate: command.dueDate },
    );
  }
  const problems: string[] = [];
  if (!(PERFORMANCE_RATINGS as readonly string[]).includes(command.rating))
    problems.push(`rating is one of ${PERFORMANCE_RATINGS.join(', ')}`);
  if (!isText(command.evidence)) problems.push('evidence is required');
  if (command.supplierResponse !== undefined && typeof command.supplierResponse !== 'string')
    problems.push('supplierResponse is text');
  if (problems.length > 0) {
    throw new DomainError('INVALID_CONTRACT', `Invalid assessment: ${problems.join('; ')}`, {
      field: 'assessment',
      problems,
    });
  }
  const at = command.now.toISOString();
  const response = command.supplierResponse?.trim();
  const assessed: PerformanceAssessed = {
    type: 'PerformanceAssessed',
    data: {
      kpiId: kpi.kpiId,
      dueDate: command.dueDate,
      rating: command.rating,
      evidence: command.evidence.trim(),
      ...(response ? { supplierResponse: response } : {}),
      assessedBy: command.actor.userId,
      assessedAt: at,
    },
  };
  const dueThatDay = contract.kpis.filter((k) =>
    kpiDueDates(contract, k).includes(command.dueDate),
  );
  const assessments = { ...contract.assessments, [key]: assessed.data };
  const complete = dueThatDay.every((k) =>
    Object.hasOwn(assessments, assessmentKey(k.kpiId, command.dueDate)),
  );
  if (!complete || contract.performanceNotices.includes(command.dueDate)) return [assessed];
  return [
    assessed,
    {
      type: 'ContractPerformanceNoticePublished',
      data: {
        contractId: contract.contractId,
        dueDate: command.dueDate,
        assessments: dueThatDay.map((k) => {
          const a = assessments[assessmentKey(k.kpiId, command.dueDate)];
          return {
            kpiId: k.kpiId,
            name: k.name,
            target: k.target,
            rating: a.rating,
            evidence: a.evidence,
            ...(a.supplierResponse ? { supplierResponse: a.supplierResponse } : {}),
          };
        }),
        publishedAt: at,
      },
    },
  ];
}

/**
 * The scheduler: an assessment not recorded by its due date and grace is overdue
 * (FT-PERFORMANCE-OVERDUE). Nothing when it was assessed, already marked, or the contract ended.
 */
export function markAssessmentOverdue(
  command: Extract<ContractCommand, { type: 'MarkAssessmentOverdue' }>,
  view: TenderView,
): PerformanceAssessmentOverdue[] {
  requireSystem(command.actor, 'mark an assessment overdue');
  const tender = requireTender(view.tender);
  const contract = tender.contract;
  if (!contract || contract.terminated) return [];
  const kpi = requireKpi(contract, command.kpiId);
  if (!kpiDueDates(contract, kpi).includes(command.dueDate)) return [];
  const key = assessmentKey(kpi.kpiId, command.dueDate);
  if (Object.hasOwn(contract.assessments, key) || Object.hasOwn(contract.overdue, key)) return [];
  const graceDays = (command.rules ?? DEFAULT_CONTRACT_RULES).assessmentGraceDays;
  const overdueAt = assessmentOverdueAt(command.dueDate, graceDays);
  if (command.now.getTime() < Date.parse(overdueAt)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `The assessment of ${kpi.kpiId} due ${command.dueDate} is not overdue before ${overdueAt}`,
      { deadline: overdueAt },
    );
  }
  return [
    {
      type: 'PerformanceAssessmentOverdue',
      data: {
        contractId: contract.contractId,
        kpiId: kpi.kpiId,
        dueDate: command.dueDate,
        recordedAt: command.now.toISOString(),
      },
    },
  ];
}

function requireCheckpoint(contract: ContractState, checkpointId: string) {
  if (!Object.hasOwn(contract.checkpoints, checkpointId)) {
    throw new DomainError('CHECKPOINT_NOT_FOUND', `No audit checkpoint ${checkpointId}`, {
      checkpointId,
    });
  }
  return contract.checkpoints[checkpointId];
}

/** The oversight body named by the plan (an auditor of that organisation) records its review. */
export function recordOversightReview(
  command: Extract<ContractCommand, { type: 'RecordOversightReview' }>,
  view: TenderView,
): OversightReviewRecorded[] {
  const tender = requireTender(view.tender);
  if (command.actor.role !== 'auditor') {
    throw new DomainError(
      'ROLE_NOT_ALLOWED',
      `Only an auditor of the oversight body may record a review; you act as ${command.actor.role}`,
      { role: command.actor.role, allowed: ['auditor'] },
    );
  }
  const { contract } = requireLiveContract(tender, 'record an oversight review');
  const checkpoint = requireCheckpoint(contract, command.checkpointId);
  if (command.actor.organisationId !== checkpoint.oversightBodyId) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      `Checkpoint ${checkpoint.checkpointId} is reviewed by ${checkpoint.oversightBodyId}`,
    );
  }
  if (checkpoint.review) {
    throw new DomainError(
      'REVIEW_ALREADY_RECORDED',
      `Checkpoint ${checkpoint.checkpointId} was reviewed on ${checkpoint.review.reviewedAt}`,
      { checkpointId: checkpoint.checkpointId },
    );
  }
  const problems: string[] = [];
  if (command.outcome !== 'satisfactory' && command.outcome !== 'failed')
    problems.push('outcome is satisfactory or failed');
  if (!isText(command.findings)) problems.push('findings are required');
  if (!isText(command.reportUrl) || !command.reportUrl.startsWith('https://'))
    problems.push('reportUrl is the https address of the published report');
  if (problems.length > 0) {
    throw new DomainError('INVALID_CONTRACT', `Invalid review: ${problems.join('; ')}`, {
      field: 'review',
      problems,
    });
  }
  return [
    {
      type: 'OversightReviewRecorded',
      data: {
        checkpointId: checkpoint.checkpointId,
        outcome: command.outcome,
        findings: command.findings.trim(),
        reportUrl: command.reportUrl,
        reviewedBy: command.actor.userId,
        oversightBodyId: checkpoint.oversightBodyId,
        reviewedAt: command.now.toISOString(),
      },
    },
  ];
}

/** The scheduler: a checkpoint's day ended without a review (FT-AUDIT-CHECKPOINT). */
export function markCheckpointMissed(
  command: Extract<ContractCommand, { type: 'MarkCheckpointMissed' }>,
  view: TenderView,
): AuditCheckpointMissed[] {
  requireSystem(command.actor, 'mark a checkpoint missed');
  const contract = requireTender(view.tender).contract;
  if (!contract || contract.terminated) return [];
  const checkpoint = requireCheckpoint(contract, command.checkpointId);
  if (checkpoint.review || checkpoint.missedAt) return [];
  const missedAt = checkpointMissedAt(checkpoint.dueDate);
  if (command.now.getTime() < Date.parse(missedAt)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `Checkpoint ${checkpoint.checkpointId} is due by the end of ${checkpoint.dueDate}`,
      { deadline: missedAt },
    );
  }
  return [
    {
      type: 'AuditCheckpointMissed',
      data: {
        checkpointId: checkpoint.checkpointId,
        dueDate: checkpoint.dueDate,
        oversightBodyId: checkpoint.oversightBodyId,
        recordedAt: command.now.toISOString(),
      },
    },
  ];
}
