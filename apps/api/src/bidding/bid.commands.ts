import { Command } from '@nestjs/cqrs';
import type { SignedReceipt } from '@fairtender/crypto';
import type { BidContent, DocumentReference } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';

export interface BidCommandResult {
  tenderId: string;
  supplierId: string;
  status: string;
  /** True when this answer repeats the first result of the same Idempotency-Key. */
  replayed: boolean;
  recorded: string[];
  receipt?: SignedReceipt;
  /** The uploaded documents the sealed content names, so the supplier can recompute the commitment. */
  documents?: DocumentReference[];
}

/** Submit (first time, or after a withdrawal) or revise: both seal the content and return a receipt. */
export class PlaceBidCommand extends Command<BidCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly kind: 'SubmitBid' | 'ReviseBid',
    readonly content: BidContent,
    readonly idempotencyKey: string | undefined,
    /** Finished uploads of the supplier on this tender, referred to by the bid. */
    readonly documentIds: readonly string[] = [],
  ) {
    super();
  }
}

export class WithdrawBidCommand extends Command<BidCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly reason: string | undefined,
  ) {
    super();
  }
}

export class ReconfirmBidCommand extends Command<BidCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
  ) {
    super();
  }
}
