import {
  comparePositions,
  parsePosition,
  type Position,
  type SqlQueryable,
} from '@fairtender/event-store';
import type { BidReceiptRow, BidRow, ClarificationRow } from '../projections/rows';
import { selectRows } from '../projections/row-table';
import { BID_RECEIPTS, BIDS, CLARIFICATIONS, TENDERS } from '../projections/tables';
import { READ_MODELS_PROJECTION, readCheckpoint } from '../runner/checkpoint';
import {
  decodeCursor,
  encodeCursor,
  type BidRegister,
  type ListNoticesOptions,
  type Notice,
  type NoticePage,
  type PublicClarification,
  type SupplierBid,
} from './views';

const MAX_PAGE = 100;

/** What the API reads. Read models lag the event store: see `waitForPosition`. */
export class ReadModelQueries {
  constructor(
    private readonly db: SqlQueryable,
    private readonly projection = READ_MODELS_PROJECTION,
  ) {}

  /** Published notices (never drafts), newest first, keyset-paged. */
  async listPublishedNotices(options: ListNoticesOptions = {}): Promise<NoticePage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
    const params: unknown[] = [];
    const where = ['published_at IS NOT NULL'];
    if (options.stage) {
      params.push(options.stage);
      where.push(`stage = $${params.length}`);
    }
    if (options.cursor) {
      const after = decodeCursor(options.cursor);
      params.push(after.publishedAt, after.tenderId);
      where.push(
        `(published_at, tender_id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`,
      );
    }
    params.push(limit + 1);
    const rows = await selectRows<Notice>(
      this.db,
      TENDERS,
      where.join(' AND '),
      params,
      `ORDER BY published_at DESC, tender_id DESC LIMIT $${params.length}`,
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
  }

  /**
   * An authority's own tenders, drafts included, newest draft first, optionally of one stage: an
   * officer's work list. The cursor is the last item's (draftedAt, tenderId).
   */
  async listAuthorityTenders(
    organisationId: string,
    options: ListNoticesOptions = {},
  ): Promise<NoticePage> {
    return this.pageOfTenders('buyer_organisation_id = $1', organisationId, options);
  }

  /**
   * The tenders a supplier has bid on (a bid accepted at some time, withdrawn ones too), newest
   * draft first, with its bid on each: a supplier's work list of bids and their deadlines.
   */
  async listSupplierTenders(
    supplierId: string,
    options: ListNoticesOptions = {},
  ): Promise<NoticePage & { bids: Map<string, BidRow> }> {
    const page = await this.pageOfTenders(
      `tender_id IN (SELECT tender_id FROM rm_bids WHERE supplier_id = $1 AND status <> 'none')`,
      supplierId,
      options,
    );
    const ids = page.items.map((item) => item.tenderId);
    const bids =
      ids.length === 0
        ? []
        : await selectRows<BidRow>(
            this.db,
            BIDS,
            'supplier_id = $1 AND tender_id = ANY($2::text[])',
            [supplierId, ids],
          );
    return { ...page, bids: new Map(bids.map((bid) => [bid.tenderId, bid])) };
  }

  private async pageOfTenders(
    scope: string,
    scopeParam: string,
    options: ListNoticesOptions,
  ): Promise<NoticePage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
    const params: unknown[] = [scopeParam];
    const where = [scope];
    if (options.stage) {
      params.push(options.stage);
      where.push(`stage = $${params.length}`);
    }
    if (options.cursor) {
      // The same cursor shape as the notices': [moment, tenderId].
      const after = decodeCursor(options.cursor);
      params.push(after.publishedAt, after.tenderId);
      where.push(
        `(drafted_at, tender_id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`,
      );
    }
    params.push(limit + 1);
    const rows = await selectRows<Notice>(
      this.db,
      TENDERS,
      where.join(' AND '),
      params,
      `ORDER BY drafted_at DESC, tender_id DESC LIMIT $${params.length}`,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ ...last, publishedAt: last.draftedAt }) : null,
    };
  }

  /** The notice of any stage, drafts included: the caller decides who may see a draft. */
  async getNotice(tenderId: string): Promise<Notice | undefined> {
    const [row] = await selectRows<Notice>(this.db, TENDERS, 'tender_id = $1', [tenderId]);
    return row;
  }

  /** Questions and answers as every supplier sees them, in the order they were asked. */
  async getClarifications(tenderId: string): Promise<PublicClarification[]> {
    return (await this.getClarificationsWithAskers(tenderId)).map(
      ({ supplierId: _asker, ...clarification }) => clarification,
    );
  }

  /** The same, with the supplier who asked each question: for the buyer's officers only. */
  async getClarificationsWithAskers(tenderId: string): Promise<ClarificationRow[]> {
    return selectRows(
      this.db,
      CLARIFICATIONS,
      'tender_id = $1',
      [tenderId],
      'ORDER BY asked_at, question_id',
    );
  }

  /** Every bid of a supplier, most recently received first, each with its receipts. */
  async getSupplierBids(supplierId: string): Promise<SupplierBid[]> {
    const [bids, receipts] = await Promise.all([
      selectRows(
        this.db,
        BIDS,
        'supplier_id = $1',
        [supplierId],
        'ORDER BY received_at DESC NULLS LAST, tender_id',
      ),
      selectRows(
        this.db,
        BID_RECEIPTS,
        'supplier_id = $1',
        [supplierId],
        'ORDER BY tender_id, ordinal',
      ),
    ]);
    return withReceipts(bids, receipts);
  }

  async getSupplierBid(tenderId: string, supplierId: string): Promise<SupplierBid | undefined> {
    const where = 'tender_id = $1 AND supplier_id = $2';
    const [bids, receipts] = await Promise.all([
      selectRows(this.db, BIDS, where, [tenderId, supplierId]),
      selectRows(this.db, BID_RECEIPTS, where, [tenderId, supplierId], 'ORDER BY ordinal'),
    ]);
    return withReceipts(bids, receipts)[0];
  }

  /** Every supplier's row on a tender, in order of first receipt, with totals. */
  async getBidRegister(tenderId: string): Promise<BidRegister> {
    const bids = await selectRows(
      this.db,
      BIDS,
      'tender_id = $1',
      [tenderId],
      'ORDER BY first_received_at NULLS LAST, supplier_id',
    );
    const count = (predicate: (bid: BidRow) => boolean) => bids.filter(predicate).length;
    return {
      tenderId,
      bids,
      totals: {
        submitted: count((b) => b.status === 'submitted'),
        withdrawn: count((b) => b.status === 'withdrawn'),
        needingReconfirmation: count((b) => b.needsReconfirmation),
        lateAttempts: bids.reduce((sum, b) => sum + b.lateAttempts, 0),
      },
    };
  }

  /** The last position whose effects the read models show; undefined before the first. */
  getCheckpoint(): Promise<Position | undefined> {
    return readCheckpoint(this.db, this.projection);
  }

  /**
   * Read-your-writes: resolves true once the read models include the event at `position` (the
   * `position` an append returned), false if they have not within `timeoutMs`.
   */
  async waitForPosition(position: Position | string, timeoutMs = 5000): Promise<boolean> {
    const target = typeof position === 'string' ? parsePosition(position) : position;
    const deadline = Date.now() + timeoutMs;
    for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
      const checkpoint = await this.getCheckpoint();
      if (checkpoint && comparePositions(checkpoint, target) >= 0) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    }
  }
}

function withReceipts(bids: BidRow[], receipts: BidReceiptRow[]): SupplierBid[] {
  const byBid = new Map<string, BidReceiptRow[]>();
  for (const receipt of receipts) {
    const key = JSON.stringify([receipt.tenderId, receipt.supplierId]);
    byBid.set(key, [...(byBid.get(key) ?? []), receipt]);
  }
  return bids.map((bid) => ({
    ...bid,
    receipts: byBid.get(JSON.stringify([bid.tenderId, bid.supplierId])) ?? [],
  }));
}
