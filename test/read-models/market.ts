import type { EventStore, RecordedEvent } from '@fairtender/event-store';
import { minute, sealedBid, TenderEvents } from './tender-events';

const sealed = (seed: string, at: number, noticeVersion = 1) =>
  sealedBid(seed, minute(at), noticeVersion, 512 + at);

/**
 * Several tenders in their tendering period, their events interleaved in the log as they would be:
 * questions, bids, a revision, an amendment, a re-confirmation, a withdrawal and a late attempt each.
 */
export async function appendMarket(
  store: EventStore,
  prefix: string,
  tenderCount = 3,
): Promise<TenderEvents[]> {
  const tenders = Array.from(
    { length: tenderCount },
    (_, i) => new TenderEvents(store, `${prefix}-${i}`),
  );
  const everyTender = (step: (t: TenderEvents) => Promise<unknown>) =>
    tenders.reduce((done, t) => done.then(() => step(t)), Promise.resolve() as Promise<unknown>);
  await everyTender((t) => t.draft());
  await everyTender((t) => t.publish());
  await everyTender((t) => t.ask('q1', 'acme', minute(5)));
  await everyTender((t) => t.submitBid('acme', sealed('a', 10)));
  await everyTender((t) => t.answer('q1', minute(11)));
  await everyTender((t) => t.submitBid('beta', sealed('b', 12)));
  await everyTender((t) => t.reviseBid('acme', sealed('c', 13)));
  await everyTender((t) => t.amend({ title: 'Body-worn cameras and docks' }, 2, minute(14)));
  await everyTender((t) => t.reconfirmBid('acme', 2, minute(15)));
  await everyTender((t) => t.withdrawBid('beta', minute(16)));
  await everyTender((t) => t.submitBid('gamma', sealed('d', 17, 2)));
  await everyTender((t) => t.refuseLateBid('zeta', '2025-03-31T12:00:00.001Z'));
  return tenders;
}

/** Every event of the log, in global order. */
export async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all.at(-1)?.position, maxCount: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
  }
}
