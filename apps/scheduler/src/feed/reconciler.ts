import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { parseTenderStream } from '@fairtender/domain';
import { EVENT_STORE, type EventStore, type Position } from '@fairtender/event-store';
import { NotificationOutbox, type OutboxEntry } from '@fairtender/notifications';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import {
  evolveSchedule,
  initialSchedule,
  planSchedule,
  SCHEDULE_EVENTS,
  type SchedulePlan,
  type TenderSchedule,
} from '../deadlines/deadline-schedule';
import { toTenderEvent } from '../deadlines/tender-loader';
import { NotificationJobs } from '../notifications/notification-jobs';
import type { ScheduleCache } from './schedule-cache';

const PAGE = 1000;
const CHUNK = 500;

export interface ReconciliationReport {
  tenders: number;
  deadlineJobs: number;
  notifications: number;
  ms: number;
}

/**
 * Rebuilds from PostgreSQL every job that should exist, so that losing Redis's data loses no deadline
 * and no notification: the deadlines by folding every tender stream of the event store (past-due
 * ones fire at once), the deliveries from the outbox rows still pending. Adding a job that exists
 * changes nothing, so this is safe at any time, beside a running feed and another scheduler.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deadlines: DeadlineJobs,
    private readonly notificationJobs: NotificationJobs,
    private readonly outbox: NotificationOutbox,
    private readonly config: AppConfig,
  ) {}

  /** `seed`: a schedule cache to fill on the way (the feed's, at start-up). */
  async reconcile({ seed }: { seed?: ScheduleCache } = {}): Promise<ReconciliationReport> {
    const started = Date.now();
    const schedules = await this.foldTenders(seed);
    const plans = [...schedules.values()]
      .map((schedule) => planSchedule(schedule, this.config.contracts))
      .filter((plan): plan is SchedulePlan => plan !== undefined && plan.wanted.length > 0)
      // Superseded jobs left over would only step aside; removing them is the feed's business.
      .map((plan) => ({ ...plan, unwanted: [] }));
    let deadlineJobs = 0;
    for (let i = 0; i < plans.length; i += CHUNK) {
      deadlineJobs += await this.deadlines.apply(plans.slice(i, i + CHUNK), { retryFailed: true });
    }
    const notifications = await this.requeuePending();
    const report = {
      tenders: schedules.size,
      deadlineJobs,
      notifications,
      ms: Date.now() - started,
    };
    this.logger.log(
      `${report.deadlineJobs} deadline jobs of ${report.tenders} tenders and ${report.notifications} pending deliveries ensured in ${report.ms} ms`,
    );
    return report;
  }

  private async foldTenders(seed?: ScheduleCache): Promise<Map<string, TenderSchedule>> {
    const schedules = new Map<string, TenderSchedule>();
    let after: Position | undefined;
    for (;;) {
      // The whole log, filtered here: a prefix that matches nearly every stream makes the store scan
      // its prefix index from the start on every page (measured 4× slower at 100,000 events).
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const recorded of page) {
        const stream = parseTenderStream(recorded.streamName);
        if (stream?.kind !== 'tender') continue;
        seed?.seed(recorded, stream.tenderId);
        if (!SCHEDULE_EVENTS.has(recorded.type)) continue;
        const schedule = schedules.get(stream.tenderId) ?? initialSchedule();
        schedules.set(stream.tenderId, evolveSchedule(schedule, toTenderEvent(recorded)));
      }
      if (page.length < PAGE) return schedules;
      after = page[page.length - 1].position;
    }
  }

  private async requeuePending(): Promise<number> {
    let enqueued = 0;
    let after: OutboxEntry | undefined;
    for (;;) {
      const page = await this.outbox.pending(CHUNK, after);
      enqueued += await this.notificationJobs.enqueue(page);
      if (page.length < CHUNK) return enqueued;
      after = page[page.length - 1];
    }
  }
}
