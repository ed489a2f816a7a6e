/** Bid fixtures for the domain specs, on the council tender of notice/fixtures.ts. */
import { NOW, supplier, TENDER_ID } from './notice-fixtures';
import type { Actor } from '../shared/actor';
import type { BidCommand, SealedBid } from '../bidding/commands';
import type { BidSubmitted } from '../tender/events/bidding';

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);

export const sealedBid = (contentHash = HASH_A): SealedBid => ({
  contentHash,
  sizeBytes: 2048,
  sealed: {
    keyId: 'dk-1',
    iv: 'aXY=',
    ciphertext: `c2VhbGVk-${contentHash.slice(0, 4)}`,
    tag: 'dGFn',
  },
  documents: [],
});

interface Options {
  actor?: Actor;
  now?: Date;
  hash?: string;
  idempotencyKey?: string;
}

export const submit = ({
  actor = supplier,
  now = NOW,
  hash,
  idempotencyKey,
}: Options = {}): BidCommand => ({
  type: 'SubmitBid',
  actor,
  now,
  bid: sealedBid(hash),
  ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
});

export const revise = (options: Options = {}): BidCommand =>
  ({ ...submit(options), type: 'ReviseBid' }) as BidCommand;

/** The facts every accepted bid event carries, as the decider writes them. */
export const bidFacts = ({
  hash = HASH_A,
  receivedAt = NOW.toISOString(),
  noticeVersion = 1,
  idempotencyKey,
}: {
  hash?: string;
  receivedAt?: string;
  noticeVersion?: number;
  idempotencyKey?: string;
} = {}) => ({
  tenderId: TENDER_ID,
  supplierId: 'org-acme',
  receivedAt,
  noticeVersion,
  contentHash: hash,
  sizeBytes: 2048,
  sealed: sealedBid(hash).sealed,
  documents: [],
  ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
});

export const bidSubmitted = (facts: Parameters<typeof bidFacts>[0] = {}): BidSubmitted => ({
  type: 'BidSubmitted',
  data: bidFacts(facts),
});
