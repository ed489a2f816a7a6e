import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { parseTenderStream, type TenderState } from '@fairtender/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@fairtender/event-store';
import {
  isNotified,
  NotificationOutbox,
  notificationFor,
  recipientsOf,
  RegisteredSuppliers,
  WebhookRegistrations,
} from '@fairtender/notifications';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import { planSchedule, type SchedulePlan } from '../deadlines/deadline-schedule';
import { loadTenderWithSchedule } from '../deadlines/tender-loader';
import { NotificationJobs } from '../notifications/notification-jobs';
import { SandboxClockFollower } from '../sandbox/sandbox-clock-follower';
import { ScheduleCache } from './schedule-cache';

export interface BatchOutcome {
  deadlineJobs: number;
  notifications: number;
}

/**
 * What the scheduler does with a batch of events: for every tender whose deadlines may have changed,
 * its jobs as they should be now (from the schedule cache, or its stream when the cache cannot vouch
 * for it); for every notified event, one outbox row and one delivery job per supplier with a webhook;
 * a move of the sandbox clock (outside production) first, so that the batch's jobs keep its time.
 * Everything here is idempotent, so a batch may be handled twice (a crash before its checkpoint).
 */
@Injectable()
export class BatchHandler {
  readonly cache = new ScheduleCache();
  private readonly registered: RegisteredSuppliers;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deadlines: DeadlineJobs,
    private readonly notificationJobs: NotificationJobs,
    private readonly outbox: NotificationOutbox,
    registrations: WebhookRegistrations,
    private readonly config: AppConfig,
    private readonly sandbox: SandboxClockFollower,
  ) {
    this.registered = new RegisteredSuppliers(registrations);
  }

  async handle(events: readonly RecordedEvent[]): Promise<BatchOutcome> {
    await this.sandbox.observe(events);
    const { touched, unknown } = this.cache.observe(events);
    await Promise.all(
      [...unknown].map(async (tenderId) => {
        const { schedule, revision } = await loadTenderWithSchedule(this.store, tenderId);
        this.cache.set(tenderId, schedule, revision);
      }),
    );
    const plans: SchedulePlan[] = [];
    for (const tenderId of touched) {
      const schedule = this.cache.get(tenderId);
      const plan = schedule && planSchedule(schedule, this.config.contracts);
      if (plan) plans.push(plan);
      if (schedule?.stage === 'cancelled') this.cache.forget(tenderId);
    }
    const deadlineJobs = await this.deadlines.apply(plans);
    const notifications = await this.notify(events.filter(isNotified));
    return { deadlineJobs, notifications };
  }

  private async notify(notified: readonly RecordedEvent[]): Promise<number> {
    if (notified.length === 0) return 0;
    const registered = await this.registered.list();
    if (registered.length === 0) return 0;
    // The tender as it is now, for what an event does not carry itself (the question answered, who
    // bid).
    const tenders = new Map<string, Promise<TenderState>>();
    const tenderOf = (tenderId: string) => {
      if (!tenders.has(tenderId)) {
        tenders.set(
          tenderId,
          loadTenderWithSchedule(this.store, tenderId).then((loaded) => loaded.state),
        );
      }
      return tenders.get(tenderId)!;
    };
    let enqueued = 0;
    for (const event of notified) {
      const tenderId = parseTenderStream(event.streamName)!.tenderId;
      const tender = await tenderOf(tenderId);
      const planned = notificationFor(event, tender);
      if (!planned) continue;
      const registeredBefore = registered
        .filter((webhook) => webhook.registeredAt <= event.recordedAt)
        .map((webhook) => webhook.supplierId);
      const recipients = recipientsOf(planned.audience, event, registeredBefore, tender);
      // The outbox first: once the checkpoint passes this event, PostgreSQL still knows what is owed.
      const entries = await this.outbox.add(planned.notification, recipients);
      enqueued += await this.notificationJobs.enqueue(entries);
    }
    return enqueued;
  }
}
