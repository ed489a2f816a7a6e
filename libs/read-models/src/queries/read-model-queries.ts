import {
  comparePositions,
  parsePosition,
  type Position,
  type SqlQueryable,
} from '@fairtender/event-store';
import {
  listEvaluatorAssignments,
  type AssignmentPage,
  type ListAssignmentsOptions,
} from '../assignments/assignments.queries';
import {
  getBidRegister,
  getSupplierBid,
  getSupplierBids,
  type BidRegister,
  type SupplierBid,
} from '../bids/bids.queries';
import {
  getClarifications,
  getClarificationsWithAskers,
  type PublicClarification,
} from '../clarifications/clarifications.queries';
import type { ClarificationRow } from '../clarifications/clarifications.table';
import { getProcurement } from '../procurements/procurements.queries';
import type { ProcurementRow } from '../procurements/procurements.table';
import { READ_MODELS_PROJECTION, readCheckpoint } from '../runner/checkpoint';
import { BIDS, type BidRow } from '../bids/bids.table';
import { selectRows } from '../runner/row-table';
import {
  getNotice,
  listPublishedNotices,
  pageOfTenders,
  type ListNoticesOptions,
  type Notice,
  type NoticePage,
} from '../tenders/tenders.queries';

/**
 * What the API reads: each read model's queries (in its folder) on one database. Read models lag the
 * event store: see `waitForPosition`.
 */
export class ReadModelQueries {
  constructor(
    private readonly db: SqlQueryable,
    private readonly projection = READ_MODELS_PROJECTION,
  ) {}

  /** Published notices (never drafts), newest first, keyset-paged. */
  listPublishedNotices(options: ListNoticesOptions = {}): Promise<NoticePage> {
    return listPublishedNotices(this.db, options);
  }

  /**
   * An authority's own tenders, drafts included, newest draft first, optionally of one stage: an
   * officer's work list.
   */
  listAuthorityTenders(organisationId: string, options: ListNoticesOptions = {}) {
    return pageOfTenders(this.db, 'buyer_organisation_id = $1', organisationId, options);
  }

  /**
   * The tenders a supplier has bid on (a bid accepted at some time, withdrawn ones too), newest
   * draft first, with its bid on each: a supplier's work list of bids and their deadlines.
   */
  async listSupplierTenders(
    supplierId: string,
    options: ListNoticesOptions = {},
  ): Promise<NoticePage & { bids: Map<string, BidRow> }> {
    const page = await pageOfTenders(
      this.db,
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

  /**
   * An evaluator's seats on its authority's panels, newest appointment first, with what it still has
   * to score on each: an evaluator's work list.
   */
  listEvaluatorAssignments(
    evaluatorId: string,
    organisationId: string,
    options: ListAssignmentsOptions = {},
  ): Promise<AssignmentPage> {
    return listEvaluatorAssignments(this.db, evaluatorId, organisationId, options);
  }

  /** The notice of any stage, drafts included: the caller decides who may see a draft. */
  getNotice(tenderId: string): Promise<Notice | undefined> {
    return getNotice(this.db, tenderId);
  }

  /** A tender's planning record (docs/planning.md), if it was opened as a procurement. */
  getProcurement(tenderId: string): Promise<ProcurementRow | undefined> {
    return getProcurement(this.db, tenderId);
  }

  /** Questions and answers as every supplier sees them, in the order they were asked. */
  getClarifications(tenderId: string): Promise<PublicClarification[]> {
    return getClarifications(this.db, tenderId);
  }

  /** The same, with the supplier who asked each question: for the buyer's officers only. */
  getClarificationsWithAskers(tenderId: string): Promise<ClarificationRow[]> {
    return getClarificationsWithAskers(this.db, tenderId);
  }

  /** Every bid of a supplier, most recently received first, each with its receipts. */
  getSupplierBids(supplierId: string): Promise<SupplierBid[]> {
    return getSupplierBids(this.db, supplierId);
  }

  getSupplierBid(tenderId: string, supplierId: string): Promise<SupplierBid | undefined> {
    return getSupplierBid(this.db, tenderId, supplierId);
  }

  /** Every supplier's row on a tender, in order of first receipt, with totals. */
  getBidRegister(tenderId: string): Promise<BidRegister> {
    return getBidRegister(this.db, tenderId);
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
