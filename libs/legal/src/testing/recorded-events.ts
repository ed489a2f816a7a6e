import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import { randomUUID } from 'node:crypto';
import { chainHash, contentHash, GENESIS_HASH_HEX } from '@fairtender/crypto';
import type { EventMetadata, RecordedEvent } from '@fairtender/event-store';

export interface Draft {
  stream: string;
  type: string;
  /** The data, or a function of the events recorded before it (to anchor their heads). */
  data: unknown;
  actor?: EventMetadata['actor'];
  recordedAt?: string;
}

/**
 * Recorded events as the store would return them, hashes chained exactly as the store chains them,
 * in global order: for specs of replay and verification that need no database.
 */
export function recordEvents(drafts: readonly Draft[], startPosition = 100): RecordedEvent[] {
  const heads = new Map<string, { revision: number; hash: string }>();
  const recorded: RecordedEvent[] = [];
  for (const [i, draft] of drafts.entries()) {
    const data = typeof draft.data === 'function' ? draft.data(recorded) : draft.data;
    const head = heads.get(draft.stream);
    const revision = head ? head.revision + 1 : 0;
    const previousHash = head?.hash ?? GENESIS_HASH_HEX;
    const eventId = randomUUID();
    const metadata: EventMetadata = draft.actor ? { actor: draft.actor } : {};
    const content = contentHash({
      eventId,
      streamName: draft.stream,
      type: draft.type,
      version: 1,
      data,
      metadata,
    });
    const hash = chainHash(Buffer.from(previousHash, 'hex'), content, revision).toString('hex');
    heads.set(draft.stream, { revision, hash });
    recorded.push({
      eventId,
      type: draft.type,
      version: 1,
      streamName: draft.stream,
      revision,
      position: { commit: BigInt(startPosition + i), prepare: BigInt(i + 1) },
      data,
      metadata,
      recordedAt: new Date(draft.recordedAt ?? Date.UTC(2025, 2, 3, 9, i)),
      previousHash,
      hash,
    });
  }
  return recorded;
}

const officer = { userId: 'u-alice', organisationId: 'org-council', role: 'officer' };
const supplier = (id: string) => ({ userId: `u-${id}`, organisationId: id, role: 'supplier' });

const terms = sampleNoticeTerms();

const sealedBid = (tenderId: string, supplierId: string, seed: string, at: string) => ({
  tenderId,
  supplierId,
  receivedAt: at,
  noticeVersion: 1,
  contentHash: seed.repeat(64).slice(0, 64),
  sizeBytes: 512,
  sealed: { keyId: 'dk-1', iv: 'aXY=', ciphertext: `c2VhbGVk${seed}`, tag: 'dGFn' },
});

/** A tender with two bidders (one revises), a question, closing and — unless `opened` is false — opening. */
export function tenderHistory(tenderId: string, { opened = true } = {}): RecordedEvent[] {
  const t = `tender-${tenderId}`;
  const bid = (s: string) => `${t}.bid-${s}`;
  const drafts: Draft[] = [
    {
      stream: t,
      type: 'TenderDrafted',
      data: {
        tenderId,
        buyerOrganisationId: 'org-council',
        terms,
        draftedAt: '2025-03-03T09:00:00.000Z',
      },
      actor: officer,
    },
    {
      stream: t,
      type: 'TenderPublished',
      data: { terms, publishedAt: '2025-03-03T09:01:00.000Z', noticeVersion: 1 },
      actor: officer,
    },
    {
      stream: t,
      type: 'BidSealingKeyIssued',
      data: { keyId: 'dk-1', wrappedKey: 'V1JBUFBFRA==' },
      actor: officer,
    },
    {
      stream: t,
      type: 'ClarificationRequested',
      data: {
        questionId: 'q1',
        question: 'Spare batteries?',
        askedAt: '2025-03-03T09:03:00.000Z',
        supplierId: 'acme',
      },
      actor: supplier('acme'),
    },
    {
      stream: bid('acme'),
      type: 'BidSubmitted',
      data: sealedBid(tenderId, 'acme', 'a', '2025-03-03T09:04:00.000Z'),
      actor: supplier('acme'),
    },
    {
      stream: t,
      type: 'ClarificationAnswered',
      data: { questionId: 'q1', answer: 'Yes, two.', answeredAt: '2025-03-03T09:05:00.000Z' },
      actor: officer,
    },
    {
      stream: bid('birch'),
      type: 'BidSubmitted',
      data: sealedBid(tenderId, 'birch', 'b', '2025-03-03T09:06:00.000Z'),
      actor: supplier('birch'),
    },
    {
      stream: bid('acme'),
      type: 'BidRevised',
      data: sealedBid(tenderId, 'acme', 'c', '2025-03-03T09:07:00.000Z'),
      actor: supplier('acme'),
    },
    {
      stream: t,
      type: 'TenderingClosed',
      data: {
        closedAt: '2025-03-31T12:00:00.000Z',
        submissionDeadline: '2025-03-31T12:00:00.000Z',
      },
      actor: officer,
    },
  ];
  if (opened) {
    drafts.push({
      stream: t,
      type: 'BidsOpened',
      data: (before: RecordedEvent[]) => ({
        openedAt: '2025-03-31T12:06:00.000Z',
        officerIds: ['u-alice', 'u-bob'],
        bidStreams: ['acme', 'birch'].map((s) => {
          const head = before.filter((e) => e.streamName === bid(s)).at(-1)!;
          return { supplierId: s, streamName: bid(s), revision: head.revision, hash: head.hash };
        }),
      }),
      actor: officer,
    });
  }
  return recordEvents(drafts);
}
