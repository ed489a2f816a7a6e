import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  currentVersion,
  decideTender,
  evolveTender,
  initialTenderState,
  isDomainError,
  SCHEDULER_ACTOR,
  tenderStream,
  type NoticeEvent,
  type TenderState,
} from '@fairtender/domain';
import { EVENT_STORE, handleCommand, type EventStore } from '@fairtender/event-store';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DeadlineJobs, type DeadlineJobData } from './deadline-jobs';
import { deadlineCommand, planSchedule } from './deadline-schedule';
import { loadTender, toNoticeEvent } from './tender-loader';

export type DeadlineOutcome =
  | { outcome: 'closed'; recorded: string[]; position: string }
  | { outcome: 'already-closed' }
  | { outcome: 'superseded'; current?: string }
  | { outcome: 'cancelled' };

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
  ) {}

  async process(job: Job<DeadlineJobData>, token?: string): Promise<DeadlineOutcome> {
    const { tenderId, kind } = job.data;
    const command = deadlineCommand(kind, new Date());
    try {
      const outcome = await handleCommand<TenderState, NoticeEvent>(this.store, {
        streamName: tenderStream(tenderId),
        initialState: initialTenderState,
        evolve: evolveTender,
        fromRecorded: toNoticeEvent,
        decide: (state) => decideTender(command, state),
        versionOf: currentVersion,
        // Fresh per run: a second run decides on what the first wrote (and finds nothing to do).
        commandId: randomUUID(),
        metadata: { actor: { ...SCHEDULER_ACTOR }, correlationId: job.id, jobId: job.id },
      });
      if (!outcome.appended) return { outcome: 'already-closed' };
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
   * The deadline is not reached: this job is of a superseded version (the amendment's removal lost a
   * race with it), or its timer fired a hair early. Either way the job of the current version must
   * exist; if this is that job, it waits for its deadline.
   */
  private async stepAside(job: Job<DeadlineJobData>, token?: string): Promise<DeadlineOutcome> {
    const { schedule } = await loadTender(this.store, job.data.tenderId);
    const plan = planSchedule(schedule);
    const current = plan?.wanted.find((wanted) => wanted.kind === job.data.kind);
    if (current !== undefined && current.jobId === job.id) {
      await job.moveToDelayed(Date.parse(current.dueAt) + 1, token);
      throw new DelayedError();
    }
    if (plan) await this.jobs.apply([plan]);
    return { outcome: 'superseded', current: current?.jobId };
  }
}
