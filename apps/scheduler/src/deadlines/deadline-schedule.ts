import {
  DEFAULT_CONTRACT_RULES,
  SCHEDULER_ACTOR,
  type AwardCommand,
  type ContractRules,
  type ContractState,
  type NoticeCommand,
  type TenderEvent,
  type TenderStage,
} from '@fairtender/domain';
import { assertNever } from '@fairtender/domain';
import { idPart } from '../queues/queue-names';
import {
  evolveStandstill,
  planStandstill,
  STANDSTILL_END,
  standstillJobId,
  type StandstillJob,
  type StandstillSchedule,
} from './standstill-schedule';
import {
  CONTRACT_SCHEDULE_EVENTS,
  evolveContractSchedule,
  planContract,
  type ContractJob,
} from './contract-schedule';

/**
 * The deadlines the scheduler acts on, and the command each fires: the notice's two (set by
 * publication and amendments) and the end of a standstill (set by `StandstillStarted`, one per award
 * round; see standstill-schedule.ts). Another is one entry here, a case in `deadlineCommand`, and the
 * events that set it in `evolveSchedule`.
 */
export const NOTICE_DEADLINE_KINDS = ['clarification', 'submission'] as const;
export type NoticeDeadlineKind = (typeof NOTICE_DEADLINE_KINDS)[number];
export const DEADLINE_KINDS = [...NOTICE_DEADLINE_KINDS, STANDSTILL_END] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A notice deadline's command decides on the tender stream; the standstill's on the whole view. */
export type DeadlineCommand = NoticeCommand | Extract<AwardCommand, { type: 'EndStandstill' }>;

/** The domain command a deadline job issues, as the scheduler (the system actor). */
export function deadlineCommand(kind: DeadlineKind, now: Date): DeadlineCommand {
  switch (kind) {
    case 'clarification':
      return { type: 'CloseClarificationPeriod', actor: SCHEDULER_ACTOR, now };
    case 'submission':
      return { type: 'CloseTendering', actor: SCHEDULER_ACTOR, now };
    case 'standstill-end':
      return { type: 'EndStandstill', actor: SCHEDULER_ACTOR, now };
    default:
      return assertNever(kind);
  }
}

export interface NoticeDeadlineJob {
  jobId: string;
  tenderId: string;
  kind: NoticeDeadlineKind;
  /** The notice version that set this deadline (publication, or the amendment that moved it). */
  noticeVersion: number;
  dueAt: string;
}

export type DeadlineJob = NoticeDeadlineJob | StandstillJob | ContractJob;

/**
 * `<tenderId>:<kind>:v<noticeVersion>` for the notice's deadlines (an amendment that moves one gives
 * it a new id), `<tenderId>:standstill-end:r<round>` for a standstill.
 */
export function deadlineJobId(tenderId: string, kind: DeadlineKind, version: number): string {
  if (kind === STANDSTILL_END) return standstillJobId(tenderId, version);
  return `${idPart(tenderId)}:${kind}:v${version}`;
}

interface Deadline {
  dueAt: string;
  noticeVersion: number;
  /** Versions that set this deadline before (their jobs are superseded). */
  earlier: number[];
  /** Acted on: the period is closed. */
  done: boolean;
}

/** What the scheduler needs to know of a tender: a fold of its stream, like the domain's state. */
export interface TenderSchedule {
  tenderId?: string;
  stage: TenderStage;
  deadlines: Partial<Record<NoticeDeadlineKind, Deadline>>;
  standstill?: StandstillSchedule;
  /** The concluded contract, for its assessments, checkpoints and standstills (contract-schedule.ts). */
  contract?: ContractState;
}

export const initialSchedule = (): TenderSchedule => ({ stage: 'none', deadlines: {} });

/** The tender-stream events that change what jobs should exist. */
export const SCHEDULE_EVENTS: ReadonlySet<string> = new Set([
  'TenderDrafted',
  'TenderPublished',
  'NoticeAmended',
  'TenderCancelled',
  'TenderingClosed',
  'ClarificationPeriodClosed',
  'BidsOpened',
  'StandstillStarted',
  'StandstillEnded',
  'EvaluationReopened',
  ...CONTRACT_SCHEDULE_EVENTS,
]);

function set(previous: Deadline | undefined, dueAt: string, noticeVersion: number): Deadline {
  const earlier = previous ? [...previous.earlier, previous.noticeVersion] : [];
  return { dueAt, noticeVersion, earlier, done: false };
}

export function evolveSchedule(schedule: TenderSchedule, event: TenderEvent): TenderSchedule {
  const next = evolveStageAndDeadlines(schedule, event);
  const standstill = evolveStandstill(next.standstill, event);
  const withStandstill = standstill === next.standstill ? next : { ...next, standstill };
  const contract = evolveContractSchedule(withStandstill.contract, event);
  return contract === withStandstill.contract ? withStandstill : { ...withStandstill, contract };
}

function evolveStageAndDeadlines(schedule: TenderSchedule, event: TenderEvent): TenderSchedule {
  const { deadlines } = schedule;
  switch (event.type) {
    case 'TenderDrafted':
      return { ...schedule, tenderId: event.data.tenderId, stage: 'draft' };
    case 'TenderPublished': {
      const { terms, noticeVersion } = event.data;
      return {
        ...schedule,
        stage: 'tendering',
        deadlines: {
          clarification: set(deadlines.clarification, terms.clarificationDeadline, noticeVersion),
          submission: set(deadlines.submission, terms.submissionDeadline, noticeVersion),
        },
      };
    }
    case 'NoticeAmended': {
      const { changes, noticeVersion } = event.data;
      const next = { ...deadlines };
      if (changes.clarificationDeadline !== undefined) {
        next.clarification = set(
          deadlines.clarification,
          changes.clarificationDeadline,
          noticeVersion,
        );
      }
      if (changes.submissionDeadline !== undefined) {
        next.submission = set(deadlines.submission, changes.submissionDeadline, noticeVersion);
      }
      return { ...schedule, deadlines: next };
    }
    case 'ClarificationPeriodClosed':
      return deadlines.clarification
        ? {
            ...schedule,
            deadlines: { ...deadlines, clarification: { ...deadlines.clarification, done: true } },
          }
        : schedule;
    case 'TenderingClosed':
      return { ...schedule, stage: 'closed' };
    case 'BidsOpened':
      return { ...schedule, stage: 'evaluation' };
    case 'TenderCancelled':
      return { ...schedule, stage: 'cancelled' };
    case 'StandstillStarted':
      return { ...schedule, stage: 'standstill' };
    case 'EvaluationReopened':
      return { ...schedule, stage: 'evaluation' };
    case 'ContractConcluded':
      return { ...schedule, stage: 'contracted' };
    default:
      return schedule;
  }
}

export function foldSchedule(events: readonly TenderEvent[]): TenderSchedule {
  return events.reduce(evolveSchedule, initialSchedule());
}

export interface SchedulePlan {
  tenderId: string;
  /** Jobs that must exist (added if missing: adding an existing id changes nothing). */
  wanted: DeadlineJob[];
  /**
   * Ids of jobs that must not run: superseded versions and rounds, the standstill job of an award that
   * is gone, every pending one of a cancelled tender.
   */
  unwanted: string[];
}

/**
 * The jobs a tender should have now. While tendering: one per open deadline, at its latest version,
 * past-due ones included (they fire at once). Once closed or cancelled: none. Superseded versions are
 * always unwanted; the current ones too when the tender is cancelled. The current job of a tender that
 * closed is left alone: it is the one that closed it, or it will find nothing to do. In standstill:
 * the job that ends it (see `planStandstill`). Once contracted: the contract's (see `planContract`,
 * `rules` from configuration).
 */
export function planSchedule(
  schedule: TenderSchedule,
  rules: ContractRules = DEFAULT_CONTRACT_RULES,
): SchedulePlan | undefined {
  const { tenderId, stage, deadlines } = schedule;
  if (tenderId === undefined) return undefined;
  const wanted: DeadlineJob[] = [];
  const unwanted: string[] = [];
  for (const kind of NOTICE_DEADLINE_KINDS) {
    const deadline = deadlines[kind];
    if (!deadline) continue;
    for (const version of deadline.earlier) unwanted.push(deadlineJobId(tenderId, kind, version));
    const jobId = deadlineJobId(tenderId, kind, deadline.noticeVersion);
    if (stage === 'cancelled') unwanted.push(jobId);
    else if (stage === 'tendering' && !deadline.done) {
      wanted.push({
        jobId,
        tenderId,
        kind,
        noticeVersion: deadline.noticeVersion,
        dueAt: deadline.dueAt,
      });
    }
  }
  const standstill = planStandstill(tenderId, schedule.standstill, stage === 'cancelled');
  wanted.push(...standstill.wanted);
  unwanted.push(...standstill.unwanted);
  const contract = planContract(tenderId, schedule.contract, rules);
  wanted.push(...contract.wanted);
  unwanted.push(...contract.unwanted);
  return { tenderId, wanted, unwanted };
}
