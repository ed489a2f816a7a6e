import type { TenderStage } from '@fairtender/domain';
import type { BidReceiptRow, BidRow, ClarificationRow, TenderRow } from '../projections/rows';

/** A tender's notice as the read model holds it (drafts included: callers decide who sees them). */
export type Notice = TenderRow;

export interface NoticePage {
  items: Notice[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface ListNoticesOptions {
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
  /** Drafts are never listed, so `draft` gives an empty page. */
  stage?: TenderStage;
}

/** A clarification as every supplier and the public see it: without who asked. */
export type PublicClarification = Omit<ClarificationRow, 'supplierId'>;

export type BidReceipt = BidReceiptRow;

/** A supplier's bid on one tender (never its content, which stays sealed) with every receipt. */
export interface SupplierBid extends BidRow {
  receipts: BidReceipt[];
}

/** Every supplier's row for one tender: who bid, who withdrew, and refused late attempts. */
export interface BidRegister {
  tenderId: string;
  bids: BidRow[];
  totals: {
    submitted: number;
    withdrawn: number;
    needingReconfirmation: number;
    lateAttempts: number;
  };
}

/** A listing cursor that was not produced by `listPublishedNotices` (HTTP 400). */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
}

export function encodeCursor(notice: Notice): string {
  return Buffer.from(JSON.stringify([notice.publishedAt, notice.tenderId])).toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: string; tenderId: string } {
  try {
    const [publishedAt, tenderId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
    ];
    if (
      typeof publishedAt === 'string' &&
      typeof tenderId === 'string' &&
      !Number.isNaN(Date.parse(publishedAt))
    ) {
      return { publishedAt, tenderId };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError(`"${cursor}" is not a cursor returned by a notice listing`);
}
