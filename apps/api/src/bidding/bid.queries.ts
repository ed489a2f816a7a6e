import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, type Actor } from '@fairtender/domain';
import { ReadModelQueries, type BidReceiptRow, type BidRow } from '@fairtender/read-models';
import { ReceiptSigner } from './receipt-signer';
import { TenderStreams } from '../runtime/tender-streams';
import { assertBuyerOrganisation, BidContentReader, type OpenedBid } from './bid-content';

export class GetOwnBidsQuery extends Query<OwnBidView[]> {
  constructor(readonly supplierId: string) {
    super();
  }
}

export class GetOwnBidQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly supplierId: string,
  ) {
    super();
  }
}

export class GetBidRegisterQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ReadBidContentQuery extends Query<OpenedBid> {
  constructor(
    readonly tenderId: string,
    readonly supplierId: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetOwnBidsQuery)
export class GetOwnBidsHandler implements IQueryHandler<GetOwnBidsQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly signer: ReceiptSigner,
  ) {}

  async execute({ supplierId }: GetOwnBidsQuery) {
    const bids = await this.queries.getSupplierBids(supplierId);
    return bids.map((bid) => ownBidView(bid, bid.receipts, this.signer));
  }
}

@QueryHandler(GetOwnBidQuery)
export class GetOwnBidHandler implements IQueryHandler<GetOwnBidQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly signer: ReceiptSigner,
  ) {}

  async execute({ tenderId, supplierId }: GetOwnBidQuery) {
    const bid = await this.queries.getSupplierBid(tenderId, supplierId);
    if (!bid) {
      throw new DomainError('BID_NOT_FOUND', `You have no bid on tender ${tenderId}`, { tenderId });
    }
    return ownBidView(bid, bid.receipts, this.signer);
  }
}

/**
 * The officer's register. Before opening: how many bids and when each arrived, nothing identifying
 * (docs/rules.md#sealed-bids). After opening: who bid, limited to the bids opening committed to.
 */
@QueryHandler(GetBidRegisterQuery)
export class GetBidRegisterHandler implements IQueryHandler<GetBidRegisterQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly tenders: TenderStreams,
  ) {}

  async execute({ tenderId, actor }: GetBidRegisterQuery) {
    const { state: tender } = await this.tenders.loadTender(tenderId);
    assertBuyerOrganisation(tender, tenderId, actor);
    const { bids: rows, totals } = await this.queries.getBidRegister(tenderId);
    const standing = rows.filter((row) => row.status === 'submitted');
    const lateAttempts = totals.lateAttempts;
    if (!tender.opening.bidStreams) {
      return {
        tenderId,
        stage: tender.stage,
        sealed: true,
        bidCount: standing.length,
        withdrawnCount: totals.withdrawn,
        lateAttempts,
        receiptTimes: standing.map((row) => row.receivedAt).sort(),
      };
    }
    const opened = new Set(tender.opening.bidStreams.map((stream) => stream.supplierId));
    return {
      tenderId,
      stage: tender.stage,
      sealed: false,
      openedAt: tender.opening.openedAt,
      openedBy: tender.opening.openedBy,
      bidCount: rows.filter((row) => opened.has(row.supplierId) && row.status === 'submitted')
        .length,
      lateAttempts,
      bids: rows
        // A stream holding only refused late attempts is committed to, but is not a bid.
        .filter((row) => opened.has(row.supplierId) && row.status !== 'none')
        .map((row) => ({
          supplierId: row.supplierId,
          status: row.status,
          firstReceivedAt: row.firstReceivedAt,
          receivedAt: row.receivedAt,
          revisionCount: row.revisionCount,
          contentHash: row.contentHash,
          needsReconfirmation: row.needsReconfirmation,
          withdrawnAt: row.withdrawnAt,
        })),
    };
  }
}

@QueryHandler(ReadBidContentQuery)
export class ReadBidContentHandler implements IQueryHandler<ReadBidContentQuery> {
  constructor(private readonly reader: BidContentReader) {}

  execute({ tenderId, supplierId, actor, correlationId }: ReadBidContentQuery) {
    return this.reader.read(tenderId, supplierId, actor, correlationId);
  }
}

export type OwnBidView = ReturnType<typeof ownBidView>;

function ownBidView(bid: BidRow, receipts: BidReceiptRow[], signer: ReceiptSigner) {
  return {
    tenderId: bid.tenderId,
    status: bid.status,
    contentHash: bid.contentHash,
    sizeBytes: bid.sizeBytes,
    firstReceivedAt: bid.firstReceivedAt,
    receivedAt: bid.receivedAt,
    noticeVersion: bid.noticeVersion,
    needsReconfirmation: bid.needsReconfirmation,
    revisionCount: bid.revisionCount,
    withdrawnAt: bid.withdrawnAt,
    lateAttempts: bid.lateAttempts,
    receipts: receipts.map((receipt) =>
      signer.sign({
        tenderId: receipt.tenderId,
        supplierId: receipt.supplierId,
        contentHash: receipt.contentHash,
        receivedAt: receipt.receivedAt,
        streamName: receipt.streamName,
        revision: receipt.revision,
        position: receipt.position,
        eventId: receipt.eventId,
        kind: receipt.kind === 'submitted' ? 'BidSubmitted' : 'BidRevised',
      }),
    ),
  };
}

export const BID_QUERY_HANDLERS = [
  GetOwnBidsHandler,
  GetOwnBidHandler,
  GetBidRegisterHandler,
  ReadBidContentHandler,
  BidContentReader,
];
