import type { KnownEvent } from '@fairtender/domain';
import { READ_MODEL_PROJECTIONS } from '../read-models';
import type { ProjectedEvent } from '../runner/projected-event';
import { WorkingSet } from '../runner/working-set';

/** For the read models' specs: events as the runner hands them over, projected in memory. */
export const TENDER = 't-1';
let sequence = 0;

/** An event as the runner hands it over, in `tender-t-1` or a supplier's bid stream. */
export function recorded(event: KnownEvent, revision: number, supplierId?: string): ProjectedEvent {
  return supplierId
    ? inStream(event, revision, `tender-${TENDER}.bid-${supplierId}`, 'bid')
    : inStream(event, revision, `tender-${TENDER}`, 'tender');
}

/** An event of an evaluator's own stream `tender-t-1.evaluator-<id>`. */
export function recordedByEvaluator(
  event: KnownEvent,
  revision: number,
  evaluatorId: string,
): ProjectedEvent {
  return inStream(event, revision, `tender-${TENDER}.evaluator-${evaluatorId}`, 'evaluator');
}

function inStream(
  event: KnownEvent,
  revision: number,
  streamName: string,
  streamKind: ProjectedEvent['streamKind'],
): ProjectedEvent {
  sequence += 1;
  return {
    ...event,
    eventId: `e-${sequence}`,
    tenderId: TENDER,
    streamName,
    streamKind,
    revision,
    position: { commit: BigInt(sequence), prepare: BigInt(sequence) },
    positionText: `${sequence}-${sequence}`,
  };
}

/** The events applied as one batch: each projection applies them, then settles, as the runner does. */
export function project(events: ProjectedEvent[]): WorkingSet {
  const rows = WorkingSet.empty();
  for (const event of events) for (const p of READ_MODEL_PROJECTIONS) p.apply(rows, event);
  for (const p of READ_MODEL_PROJECTIONS) p.settle?.(rows);
  return rows;
}

export const terms = {
  title: 'Cameras',
  description: 'Body-worn',
  cpvCodes: ['35125300-2'],
  estimatedValue: { amount: 1000, currency: 'GBP' },
  procedure: 'open' as const,
  awardCriteria: [{ id: 'price', name: 'Price', weight: 100, kind: 'price' as const }],
  scoringScale: { min: 0, max: 10 },
  minimumBids: 2,
  evaluatorCount: 2,
  clarificationDeadline: '2025-03-20T12:00:00.000Z',
  submissionDeadline: '2025-03-31T12:00:00.000Z',
  minimumResponseDays: 15,
  jurisdiction: 'eu-remedies' as const,
};
export const bid = (contentHash: string, receivedAt: string, noticeVersion: number) => ({
  tenderId: TENDER,
  supplierId: 'acme',
  receivedAt,
  noticeVersion,
  contentHash,
  sizeBytes: 10,
  sealed: { keyId: 'k', iv: 'i', ciphertext: 'c', tag: 't' },
  documents: [],
});

export const published = [
  recorded(
    {
      type: 'TenderDrafted',
      data: {
        tenderId: TENDER,
        buyerOrganisationId: 'org-b',
        terms,
        draftedAt: '2025-03-01T00:00:00.000Z',
      },
    },
    0,
  ),
  recorded(
    {
      type: 'TenderPublished',
      data: { terms, publishedAt: '2025-03-02T00:00:00.000Z', noticeVersion: 1 },
    },
    1,
  ),
];
