import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  decideAward,
  decideContract,
  decideTender,
  isDomainError,
  SCHEDULER_ACTOR,
  type TenderStage,
  type TenderState,
  type TenderView,
  type TenderViewEvent,
} from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { runOnTender } from '@fairtender/tender-streams';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DeadlineJobs, type DeadlineJobData } from './deadline-jobs';
import { AppConfig } from '@fairtender/config';
import {
  deadlineCommand,
  planSchedule,
  type DeadlineCommand,
  type DeadlineKind,
} from './deadline-schedule';
import { contractJobCommand, isContractDeadlineKind } from './contract-schedule';
import { loadTenderWithSchedule } from './tender-loader';
import { SchedulerClock } from '../sandbox/scheduler-clock';
import { deadlinesFired } from '@fairtender/observability';

export type DeadlineOutcome =
  | { outcome: 'closed'; recorded: string[]; position: string }
  | { outcome: 'already-closed' }
  | { outcome: 'superseded'; current?: string }
  | { outcome: 'cancelled' }
  /** A standstill job whose award is gone (re-evaluation) or whose contract is already concluded. */
  | { outcome: 'not-in-standstill'; stage: TenderStage }
  /** A contract job that recorded nothing: done before, assessed or reviewed in time. */
  | { outcome: 'nothing-to-record' }
  | { outcome: 'contract-terminated' };

/** Notice deadlines decide on the tender stream; the standstill's end on the whole view. */
function decideDeadline(command: DeadlineCommand, view: TenderView): TenderViewEvent[] {
  return command.type === 'EndStandstill'
    ? decideAward(command, view)
    : decideTender(command, view.tender);
}

/**
 * Runs a deadline: the domain command, as the scheduler (the system actor), through the same
 * read-fold-decide-append as every command. Running it twice changes nothing (the deciders are
 * idempotent). A job whose deadline was moved later steps aside, after making sure the job of the
 * current version exists; a domain refusal that no retry can change fails the job for good (kept and
 * visible); anything else (a database away) is retried with exponential backoff.
 */
@Injectable()
export class DeadlineProcessor {
  private readonly logger = new Logger('Deadlines');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly jobs: DeadlineJobs,
    private readonly config: AppConfig,
    private readonly clock: SchedulerClock,
  ) {}

  async process(job: Job<DeadlineJobData>, token?: string): Promise<DeadlineOutcome> {
    const { tenderId } = job.data;
    if (isContractDeadlineKind(job.data.kind)) return this.processContractJob(job, token);
    // The scheduler's clock (the sandbox's, outside production): a job it promoted is due by it.
    const command = deadlineCommand(job.data.kind as DeadlineKind, this.clock.now());
    try {
      const outcome = await runOnTender(
        this.store,
        tenderId,
        {
          // Fresh per run: a second run decides on what the first wrote (and finds nothing to do).
          commandId: randomUUID(),
          metadata: { actor: { ...SCHEDULER_ACTOR }, correlationId: job.id, jobId: job.id },
        },
        (view) => decideDeadline(command, view),
      );
      if (!outcome.appended) return nothingDone(command, outcome.state);
      deadlinesFired.inc();
      const { commit, prepare } = outcome.appended.position;
      this.logger.log(`${job.id}: ${outcome.events.map((e) => e.type).join(', ')}`);
      return {
        outcome: 'closed',
        recorded: outcome.events.map((event) => event.type),
        position: `${commit}-${prepare}`,
      };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'DEADLINE_NOT_REACHED') return this.stepAside(job, token);
      if (error.code === 'ILLEGAL_STAGE' && error.details.stage === 'cancelled') {
        return { outcome: 'cancelled' };
      }
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
  }

  /**
   * A contract deadline (contract-schedule.ts): the domain decides whether there is anything to
   * record (the assessment may have come in, the checkpoint been reviewed); the job is planned once
   * per deadline, so it runs once, and a run again records nothing.
   */
  private async processContractJob(
    job: Job<DeadlineJobData>,
    token?: string,
  ): Promise<DeadlineOutcome> {
    const data = job.data as Parameters<typeof contractJobCommand>[0];
    const rules = this.config.contracts;
    try {
      const outcome = await runOnTender(
        this.store,
        data.tenderId,
        {
          commandId: randomUUID(),
          metadata: { actor: { ...SCHEDULER_ACTOR }, correlationId: job.id, jobId: job.id },
        },
        (view) => decideContract(contractJobCommand(data, this.clock.now(), rules), view),
      );
      if (!outcome.appended) return { outcome: 'nothing-to-record' };
      const { commit, prepare } = outcome.appended.position;
      this.logger.log(`${job.id}: ${outcome.events.map((e) => e.type).join(', ')}`);
      return {
        outcome: 'closed',
        recorded: outcome.events.map((event) => event.type),
        position: `${commit}-${prepare}`,
      };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'DEADLINE_NOT_REACHED') return this.stepAside(job, token);
      if (error.code === 'CONTRACT_TERMINATED') return { outcome: 'contract-terminated' };
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
  }

  /**
   * The deadline is not reached: this job is of a superseded version (the amendment's removal lost a
   * race with it), or its timer fired a hair early. Either way the job of the current version must
   * exist; if this is that job, it waits for its deadline.
   */
  private async stepAside(job: Job<DeadlineJobData>, token?: string): Promise<DeadlineOutcome> {
    const { schedule } = await loadTenderWithSchedule(this.store, job.data.tenderId);
    const plan = planSchedule(schedule, this.config.contracts);
    const current =
      plan?.wanted.find((wanted) => wanted.jobId === job.id) ??
      plan?.wanted.find((wanted) => wanted.kind === job.data.kind);
    if (current !== undefined && current.jobId === job.id) {
      await job.moveToDelayed(this.clock.machineTimeOf(Date.parse(current.dueAt)) + 1, token);
      throw new DelayedError();
    }
    if (plan) await this.jobs.apply([plan]);
    return { outcome: 'superseded', current: current?.jobId };
  }
}

/** Why a run wrote nothing: done before, or (a standstill) the award it timed is no longer waiting. */
function nothingDone(command: DeadlineCommand, tender: TenderState): DeadlineOutcome {
  if (command.type !== 'EndStandstill' || tender.award.awarded?.standstillEndedAt !== undefined) {
    return { outcome: 'already-closed' };
  }
  if (tender.stage === 'cancelled') return { outcome: 'cancelled' };
  return { outcome: 'not-in-standstill', stage: tender.stage };
}
