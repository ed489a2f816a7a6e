import {
  assessmentKey,
  assessmentOverdueAt,
  checkpointMissedAt,
  dueAssessments,
  evolveTender,
  initialTenderState,
  SCHEDULER_ACTOR,
  type ContractCommand,
  type ContractRules,
  type ContractState,
  type TenderEvent,
} from '@fairtender/domain';
import { idPart } from '../queues/queue-names';

/**
 * The contract's deadlines (issue 15): each due KPI assessment becomes overdue after its grace
 * (s.71), each audit checkpoint is missed at the end of its day, and a change under a voluntary
 * standstill takes effect when it ends (s.76). One job per deadline, its id fixed by what it is
 * about, so that planning it again — every batch, every reconciliation — adds nothing.
 */
export const ASSESSMENT_OVERDUE = 'assessment-overdue';
export const CHECKPOINT_MISSED = 'checkpoint-missed';
export const CHANGE_EFFECTIVE = 'change-effective';
export const CONTRACT_DEADLINE_KINDS = [
  ASSESSMENT_OVERDUE,
  CHECKPOINT_MISSED,
  CHANGE_EFFECTIVE,
] as const;
export type ContractDeadlineKind = (typeof CONTRACT_DEADLINE_KINDS)[number];

export type ContractJob =
  | {
      jobId: string;
      tenderId: string;
      kind: typeof ASSESSMENT_OVERDUE;
      kpiId: string;
      dueDate: string;
      dueAt: string;
    }
  | {
      jobId: string;
      tenderId: string;
      kind: typeof CHECKPOINT_MISSED;
      checkpointId: string;
      dueAt: string;
    }
  | {
      jobId: string;
      tenderId: string;
      kind: typeof CHANGE_EFFECTIVE;
      changeId: string;
      dueAt: string;
    };

export const isContractDeadlineKind = (kind: string): kind is ContractDeadlineKind =>
  (CONTRACT_DEADLINE_KINDS as readonly string[]).includes(kind);

/** `<tenderId>:assessment:<kpiId>:<dueDate>`: one per KPI and period, whatever happens later. */
export const assessmentJobId = (tenderId: string, kpiId: string, dueDate: string) =>
  `${idPart(tenderId)}:assessment:${idPart(kpiId)}:${dueDate}`;
export const checkpointJobId = (tenderId: string, checkpointId: string) =>
  `${idPart(tenderId)}:checkpoint:${idPart(checkpointId)}`;
export const changeEffectiveJobId = (tenderId: string, changeId: string) =>
  `${idPart(tenderId)}:change-effective:${idPart(changeId)}`;

/** The events that change a contract's deadlines. */
export const CONTRACT_SCHEDULE_EVENTS = [
  'ContractConcluded',
  // A change's notice is folded onto its request (the audit plan it carries, its standstill).
  'ContractChangeRequested',
  'ContractChangeApproved',
  'ContractChangeNoticePublished',
  'ContractChangeTookEffect',
  'PerformanceAssessed',
  'PerformanceAssessmentOverdue',
  'OversightReviewRecorded',
  'AuditCheckpointMissed',
  'ContractTerminated',
] as const;
const CONTRACT_EVENTS = new Set<string>(CONTRACT_SCHEDULE_EVENTS);

/** The contract folded by the domain's own evolve, so the scheduler's idea of it cannot drift. */
export function evolveContractSchedule(
  contract: ContractState | undefined,
  event: TenderEvent,
): ContractState | undefined {
  if (!CONTRACT_EVENTS.has(event.type)) return contract;
  if (!contract && event.type !== 'ContractConcluded') return contract;
  const state = { ...initialTenderState(), stage: 'contracted' as const, contract };
  return evolveTender(state, event).contract;
}

/**
 * The contract's jobs now. Wanted: every due assessment neither assessed nor marked overdue, every
 * checkpoint neither reviewed nor missed, every change waiting for its standstill to end. Unwanted:
 * the jobs of assessments recorded and checkpoints reviewed in time, and once terminated (or the
 * tender cancelled) every job not yet done. A job that did its work is left alone.
 */
export function planContract(
  tenderId: string,
  contract: ContractState | undefined,
  rules: ContractRules,
): { wanted: ContractJob[]; unwanted: string[] } {
  const wanted: ContractJob[] = [];
  const unwanted: string[] = [];
  if (!contract) return { wanted, unwanted };
  const ended = contract.terminated !== undefined;
  // Every date that was ever due, a termination aside: a job planned before it must go.
  for (const { kpiId, dueDate } of dueAssessments({ ...contract, terminated: undefined })) {
    const key = assessmentKey(kpiId, dueDate);
    const jobId = assessmentJobId(tenderId, kpiId, dueDate);
    if (Object.hasOwn(contract.overdue, key)) continue;
    if (ended || Object.hasOwn(contract.assessments, key)) unwanted.push(jobId);
    else {
      const dueAt = assessmentOverdueAt(dueDate, rules.assessmentGraceDays);
      wanted.push({ jobId, tenderId, kind: ASSESSMENT_OVERDUE, kpiId, dueDate, dueAt });
    }
  }
  for (const checkpoint of Object.values(contract.checkpoints)) {
    const jobId = checkpointJobId(tenderId, checkpoint.checkpointId);
    if (checkpoint.missedAt) continue;
    if (ended || checkpoint.review) unwanted.push(jobId);
    else {
      const { checkpointId, dueDate } = checkpoint;
      wanted.push({
        jobId,
        tenderId,
        kind: CHECKPOINT_MISSED,
        checkpointId,
        dueAt: checkpointMissedAt(dueDate),
      });
    }
  }
  for (const change of Object.values(contract.changes)) {
    if (!change.standstillEndsAt || change.effectiveAt) continue;
    const jobId = changeEffectiveJobId(tenderId, change.changeId);
    if (ended) unwanted.push(jobId);
    else {
      const { changeId, standstillEndsAt } = change;
      wanted.push({ jobId, tenderId, kind: CHANGE_EFFECTIVE, changeId, dueAt: standstillEndsAt });
    }
  }
  return { wanted, unwanted };
}

type WithoutId<Job> = Job extends unknown ? Omit<Job, 'jobId'> : never;

/** The domain command a contract job issues, as the scheduler. */
export function contractJobCommand(
  job: WithoutId<ContractJob>,
  now: Date,
  rules: ContractRules,
): ContractCommand {
  const actor = SCHEDULER_ACTOR;
  switch (job.kind) {
    case ASSESSMENT_OVERDUE:
      return {
        type: 'MarkAssessmentOverdue',
        actor,
        now,
        kpiId: job.kpiId,
        dueDate: job.dueDate,
        rules,
      };
    case CHECKPOINT_MISSED:
      return { type: 'MarkCheckpointMissed', actor, now, checkpointId: job.checkpointId };
    case CHANGE_EFFECTIVE:
      return { type: 'BringChangeIntoEffect', actor, now, changeId: job.changeId };
  }
}
