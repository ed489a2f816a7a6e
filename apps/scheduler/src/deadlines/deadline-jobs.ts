import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import type { JobsOptions, Queue } from 'bullmq';
import { DEADLINES_QUEUE } from '../queues/queue-names';
import { delayUntil } from '../sandbox/sandbox-time';
import { SchedulerClock } from '../sandbox/scheduler-clock';
import type { DeadlineJob, SchedulePlan } from './deadline-schedule';

type WithoutId<Job> = Job extends unknown ? Omit<Job, 'jobId'> : never;
/** What a deadline job carries: its tender, kind, due time, and the version or round that set it. */
export type DeadlineJobData = WithoutId<DeadlineJob>;

/** Attempts for infrastructure failures: with a 1 s base, retries go on for about half an hour. */
const ATTEMPTS = 12;
const WEEK_SECONDS = 7 * 24 * 3600;
/** Delayed jobs read per round trip when they are retimed. */
const DELAYED_PAGE = 500;

export interface Retimed {
  /** Due by the clock: moved to run now. */
  promoted: number;
  /** Not due yet: their timer set to the clock's time of their deadline. */
  delayed: number;
}

/** Puts a tender's plan into the `deadlines` queue: adds what is wanted, removes what is not. */
@Injectable()
export class DeadlineJobs {
  private readonly logger = new Logger('Deadlines');
  private readonly options: JobsOptions;

  constructor(
    @InjectQueue(DEADLINES_QUEUE) readonly queue: Queue<DeadlineJobData>,
    config: AppConfig,
    private readonly clock: SchedulerClock,
  ) {
    this.options = {
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: config.scheduler.deadlineRetryBaseMs },
      // Completed jobs stay a week (visible on the dashboard; a re-add of the same id is a no-op);
      // failed jobs stay until an operator removes them.
      removeOnComplete: { age: WEEK_SECONDS },
      removeOnFail: false,
    };
  }

  /**
   * Idempotent: an id already in the queue (waiting, delayed, done or failed) is left as it is. With
   * `retryFailed` (reconciliation), a wanted job that failed for good is retried.
   */
  async apply(plans: readonly SchedulePlan[], { retryFailed = false } = {}): Promise<number> {
    const unwanted = plans.flatMap((plan) => plan.unwanted);
    await Promise.all(unwanted.map((jobId) => this.remove(jobId)));
    const wanted = plans.flatMap((plan) => plan.wanted);
    if (wanted.length === 0) return 0;
    const now = this.clock.nowMs();
    await this.queue.addBulk(
      wanted.map(({ jobId, ...data }) => ({
        name: data.kind,
        data,
        opts: { ...this.options, jobId, delay: delayUntil(data.dueAt, now) },
      })),
    );
    if (retryFailed) await Promise.all(wanted.map(({ jobId }) => this.retryIfFailed(jobId)));
    return wanted.length;
  }

  /**
   * After the clock moved forward (the sandbox's): every delayed job whose deadline the clock has now
   * passed is promoted to run at once, and every other has its delay computed again from the clock, so
   * it runs when the clock reads its deadline. A job that left the delayed set meanwhile (run,
   * removed, promoted by another scheduler) is left as it is.
   */
  async retimeDelayed(): Promise<Retimed> {
    const delayedJobs = [];
    // Read first, change after: promoting a job takes it out of the set being paged through.
    for (let start = 0; ; start += DELAYED_PAGE) {
      const page = await this.queue.getDelayed(start, start + DELAYED_PAGE - 1);
      delayedJobs.push(...page);
      if (page.length < DELAYED_PAGE) break;
    }
    const now = this.clock.nowMs();
    const retimed: Retimed = { promoted: 0, delayed: 0 };
    // Earliest due first, so deadlines the clock jumped past queue in the order they fell due.
    delayedJobs.sort((a, b) => (Date.parse(a.data.dueAt) || 0) - (Date.parse(b.data.dueAt) || 0));
    for (let i = 0; i < delayedJobs.length; i += DELAYED_PAGE) {
      await Promise.all(
        delayedJobs.slice(i, i + DELAYED_PAGE).map(async (job) => {
          const delay = delayUntil(job.data.dueAt, now);
          if (Number.isNaN(delay)) return; // not a deadline job of ours: no due time to go by
          try {
            if (delay === 0) await job.promote();
            else await job.changeDelay(delay);
            retimed[delay === 0 ? 'promoted' : 'delayed'] += 1;
          } catch (error) {
            this.logger.debug(`Job ${job.id} not retimed: ${(error as Error).message}`);
          }
        }),
      );
    }
    return retimed;
  }

  /** A job being processed cannot be removed; it will find its deadline moved and step aside. */
  private async remove(jobId: string): Promise<void> {
    try {
      await this.queue.remove(jobId);
    } catch (error) {
      this.logger.debug(`Job ${jobId} not removed: ${(error as Error).message}`);
    }
  }

  private async retryIfFailed(jobId: string): Promise<void> {
    if ((await this.queue.getJobState(jobId)) !== 'failed') return;
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    this.logger.warn(`Retrying deadline job ${jobId}, which had failed: ${job.failedReason}`);
    await job.retry('failed');
  }
}
