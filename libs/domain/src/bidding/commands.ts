import type { Actor } from '../shared/actor';
import type { BidDocumentFacts, SealedContent } from '../tender/bid-content';

interface CommandBase {
  actor: Actor;
  now: Date;
}

/** The handler seals the content (the domain never sees plaintext) and passes the commitment. */
export interface SealedBid {
  contentHash: string;
  sizeBytes: number;
  sealed: SealedContent;
  /** The uploaded documents the content refers to, finished before the command. */
  documents: BidDocumentFacts[];
}

export type BidCommand =
  | (CommandBase & { type: 'SubmitBid'; bid: SealedBid; idempotencyKey?: string })
  | (CommandBase & { type: 'ReviseBid'; bid: SealedBid; idempotencyKey?: string })
  | (CommandBase & { type: 'WithdrawBid'; reason?: string })
  | (CommandBase & { type: 'ReconfirmBid' });
