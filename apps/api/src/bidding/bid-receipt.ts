import { bidStream, type BidEvent, type BidState } from '@fairtender/domain';
import type { ReceiptPayload } from '@fairtender/crypto';
import {
  derivedEventId,
  formatPosition,
  type CommandOutcome,
  type RecordedEvent,
} from '@fairtender/event-store';

type SealedBidEvent = Extract<BidEvent, { type: 'BidSubmitted' | 'BidRevised' }>;

/** The receipt for the bid this command stored, or for the one its Idempotency-Key stored first. */
export function receiptPayloadFor(
  tenderId: string,
  supplierId: string,
  commandId: string,
  outcome: CommandOutcome<BidState, BidEvent>,
  idempotencyKey: string | undefined,
): ReceiptPayload {
  const [stored] = outcome.events as SealedBidEvent[];
  if (stored && outcome.appended) {
    return {
      tenderId,
      supplierId,
      contentHash: stored.data.contentHash,
      receivedAt: stored.data.receivedAt,
      streamName: bidStream(tenderId, supplierId),
      revision: outcome.appended.nextRevision,
      position: formatPosition(outcome.appended.position),
      eventId: derivedEventId(commandId, 0),
      kind: stored.type,
    };
  }
  const first = outcome.history.find(
    (event) => isSealedBid(event) && event.data.idempotencyKey === idempotencyKey,
  );
  if (!first || !isSealedBid(first)) {
    throw new Error('A repeated bid command found no earlier submission for its Idempotency-Key');
  }
  return receiptPayloadOf(first);
}

export function receiptPayloadOf(
  event: RecordedEvent<SealedBidEvent['data']> & { type: SealedBidEvent['type'] },
): ReceiptPayload {
  return {
    tenderId: event.data.tenderId,
    supplierId: event.data.supplierId,
    contentHash: event.data.contentHash,
    receivedAt: event.data.receivedAt,
    streamName: event.streamName,
    revision: event.revision,
    position: formatPosition(event.position),
    eventId: event.eventId,
    kind: event.type,
  };
}

function isSealedBid(
  event: RecordedEvent,
): event is RecordedEvent<SealedBidEvent['data']> & { type: SealedBidEvent['type'] } {
  return event.type === 'BidSubmitted' || event.type === 'BidRevised';
}
