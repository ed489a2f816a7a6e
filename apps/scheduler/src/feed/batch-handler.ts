import { Inject, Injectable } from '@nestjs/common';
import { parseTenderStream } from '@fairtender/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@fairtender/event-store';
import {
  isNotified,
  NotificationOutbox,
  notificationFor,
  recipientsOf,
  WebhookRegistrations,
} from '@fairtender/notifications';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import { planSchedule, SCHEDULE_EVENTS, type SchedulePlan } from '../deadlines/deadline-schedule';
import { loadTender, type LoadedTender } from '../deadlines/tender-loader';
import { NotificationJobs } from '../notifications/notification-jobs';

export interface BatchOutcome {
  deadlineJobs: number;
  notifications: number;
}

/**
 * What the scheduler does with a batch of events: for every tender whose deadlines may have changed,
 * its jobs as they should be now (read from its stream, so a replayed or stale event can only confirm
 * them); for every notified event, one outbox row and one delivery job per supplier with a webhook.
 * Everything here is idempotent, so a batch may be handled twice (a crash before its checkpoint).
 */
@Injectable()
export class BatchHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deadlines: DeadlineJobs,
    private readonly notificationJobs: NotificationJobs,
    private readonly outbox: NotificationOutbox,
    private readonly registrations: WebhookRegistrations,
  ) {}

  async handle(events: readonly RecordedEvent[]): Promise<BatchOutcome> {
    const scheduling = new Set<string>();
    const notified: { event: RecordedEvent; tenderId: string }[] = [];
    for (const event of events) {
      const stream = parseTenderStream(event.streamName);
      if (stream?.kind !== 'tender') continue;
      if (SCHEDULE_EVENTS.has(event.type)) scheduling.add(stream.tenderId);
      if (isNotified(event)) notified.push({ event, tenderId: stream.tenderId });
    }
    const tenderIds = new Set([...scheduling, ...notified.map((n) => n.tenderId)]);
    if (tenderIds.size === 0) return { deadlineJobs: 0, notifications: 0 };
    const tenders = new Map<string, LoadedTender>();
    await Promise.all(
      [...tenderIds].map(async (id) => tenders.set(id, await loadTender(this.store, id))),
    );
    const plans = [...scheduling]
      .map((id) => planSchedule(tenders.get(id)!.schedule))
      .filter((plan): plan is SchedulePlan => plan !== undefined);
    const deadlineJobs = await this.deadlines.apply(plans);
    const notifications = await this.notify(notified, tenders);
    return { deadlineJobs, notifications };
  }

  private async notify(
    notified: readonly { event: RecordedEvent; tenderId: string }[],
    tenders: ReadonlyMap<string, LoadedTender>,
  ): Promise<number> {
    if (notified.length === 0) return 0;
    const registered = await this.registrations.suppliers();
    if (registered.length === 0) return 0;
    let enqueued = 0;
    for (const { event, tenderId } of notified) {
      const planned = notificationFor(event, tenders.get(tenderId)!.state);
      if (!planned) continue;
      const registeredBefore = registered
        .filter((webhook) => webhook.registeredAt <= event.recordedAt)
        .map((webhook) => webhook.supplierId);
      const recipients = recipientsOf(planned.audience, event, registeredBefore);
      // The outbox first: once the checkpoint passes this event, PostgreSQL still knows what is owed.
      const entries = await this.outbox.add(planned.notification, recipients);
      enqueued += await this.notificationJobs.enqueue(entries);
    }
    return enqueued;
  }
}
