import { randomUUID } from 'node:crypto';
import type { BidStreamHead } from '@fairtender/domain';
import type { EventStore } from '@fairtender/event-store';
import { minute, sealedBid, TenderEvents } from '../read-models/tender-events';

const officer = (userId: string) => ({ userId, organisationId: 'org-council', role: 'officer' });

/**
 * A tender written straight to the store as its deciders would have: notice, a question and its
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
  const stream = `tender-${tenderId}`;
  await store.append(
    stream,
    [
      {
        eventId: randomUUID(),
        type: 'BidOpeningConfirmed',
        version: 1,
        data: { officerId: 'u-alice', confirmedAt: '2025-03-31T12:05:00.000Z' },
        metadata: { actor: officer('u-alice') },
      },
    ],
    'any',
  );
  const heads: BidStreamHead[] = [];
  for (const supplierId of ['acme', 'birch', 'cedar', 'zeta']) {
    const streamName = `${stream}.bid-${supplierId}`;
    const [head] = await store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    heads.push({ supplierId, streamName, revision: head.revision, hash: head.hash });
  }
  await store.append(
    stream,
    [
      {
        eventId: randomUUID(),
        type: 'BidsOpened',
        version: 1,
        data: {
          openedAt: '2025-03-31T12:06:00.000Z',
          officerIds: ['u-alice', 'u-bob'],
          bidStreams: heads,
        },
        metadata: { actor: officer('u-bob') },
      },
    ],
    'any',
  );
  return tenderId;
}
