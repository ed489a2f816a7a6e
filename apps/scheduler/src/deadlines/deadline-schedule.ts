import { SCHEDULER_ACTOR, type NoticeCommand, type NoticeEvent } from '@fairtender/domain';
import { assertNever } from '@fairtender/domain/shared/never';
import { idPart } from '../queues/queue-names';

/**
 * The deadlines the scheduler acts on, and the command each fires. Issue 4 adds `standstill` (set by
 * the award proposal, ended by its own command): one entry here, a case in `deadlineCommand`, and the
 * event that sets it in `evolveSchedule`.
 */
export const DEADLINE_KINDS = ['clarification', 'submission'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The domain command a deadline job issues, as the scheduler (the system actor). */
export function deadlineCommand(kind: DeadlineKind, now: Date): NoticeCommand {
  switch (kind) {
    case 'clarification':
      return { type: 'CloseClarificationPeriod', actor: SCHEDULER_ACTOR, now };
    case 'submission':
      return { type: 'CloseTendering', actor: SCHEDULER_ACTOR, now };
    default:
      return assertNever(kind);
  }
}

export interface DeadlineJob {
  jobId: string;
  tenderId: string;
  kind: DeadlineKind;
  /** The notice version that set this deadline (publication, or the amendment that moved it). */
  noticeVersion: number;
  dueAt: string;
}

/** `<tenderId>:<kind>:v<noticeVersion>`: an amendment that moves a deadline gives it a new id. */
export function deadlineJobId(tenderId: string, kind: DeadlineKind, noticeVersion: number): string {
  return `${idPart(tenderId)}:${kind}:v${noticeVersion}`;
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
  stage: 'none' | 'draft' | 'tendering' | 'closed' | 'evaluation' | 'cancelled';
  deadlines: Partial<Record<DeadlineKind, Deadline>>;
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
]);

function set(previous: Deadline | undefined, dueAt: string, noticeVersion: number): Deadline {
  const earlier = previous ? [...previous.earlier, previous.noticeVersion] : [];
  return { dueAt, noticeVersion, earlier, done: false };
}

export function evolveSchedule(schedule: TenderSchedule, event: NoticeEvent): TenderSchedule {
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
    default:
      return schedule;
  }
}

export function foldSchedule(events: readonly NoticeEvent[]): TenderSchedule {
  return events.reduce(evolveSchedule, initialSchedule());
}

export interface SchedulePlan {
  tenderId: string;
  /** Jobs that must exist (added if missing: adding an existing id changes nothing). */
  wanted: DeadlineJob[];
  /** Ids of jobs that must not run: superseded versions, or every pending one of a cancelled tender. */
  unwanted: string[];
}

/**
 * The jobs a tender should have now. While tendering: one per open deadline, at its latest version,
 * past-due ones included (they fire at once). Once closed or cancelled: none. Superseded versions are
 * always unwanted; the current ones too when the tender is cancelled. The current job of a tender that
 * closed is left alone: it is the one that closed it, or it will find nothing to do.
 */
export function planSchedule(schedule: TenderSchedule): SchedulePlan | undefined {
  const { tenderId, stage, deadlines } = schedule;
  if (tenderId === undefined) return undefined;
  const wanted: DeadlineJob[] = [];
  const unwanted: string[] = [];
  for (const kind of DEADLINE_KINDS) {
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
  return { tenderId, wanted, unwanted };
}
