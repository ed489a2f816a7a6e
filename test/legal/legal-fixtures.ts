import { randomUUID } from 'node:crypto';
import type { EventStore } from '@fairtender/event-store';
import { minute, sealedBid, TenderEvents } from '../read-models/tender-events';

/**
 * A tender decided by the scenario builder and appended straight to the store: notice, a question and its
 * answer, an amendment, three bidders (a revision, a re-confirmation, a withdrawal), a late attempt,
 * closing and, unless `opened` is false, the opening that anchors every bid stream's head.
 */
export async function appendTender(
  store: EventStore,
  { opened = true, tenderId = randomUUID() }: { opened?: boolean; tenderId?: string } = {},
): Promise<string> {
  const tender = new TenderEvents(store, tenderId);
  await tender.draft();
  await tender.publish();
  await tender.ask('q1', 'acme', minute(5));
  await tender.submitBid('acme', sealedBid('a', minute(10)));
  await tender.answer('q1', minute(11));
  await tender.submitBid('birch', sealedBid('b', minute(12)));
  await tender.reviseBid('acme', sealedBid('c', minute(13)));
  await tender.amend({ title: 'Body-worn cameras and docks' }, 2, minute(14));
  await tender.reconfirmBid('acme', 2, minute(15));
  await tender.submitBid('cedar', sealedBid('d', minute(16), 2));
  await tender.reviseBid('birch', sealedBid('e', minute(17), 2));
  await tender.withdrawBid('cedar', minute(18));
  await tender.refuseLateBid('zeta', '2025-03-31T12:00:00.001Z');
  await tender.close('2025-03-31T12:00:00.000Z');
  if (!opened) return tenderId;
  await tender.open('2025-03-31T12:05:00.000Z', '2025-03-31T12:06:00.000Z');
  return tenderId;
}
