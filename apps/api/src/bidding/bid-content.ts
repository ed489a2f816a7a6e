import { Inject, Injectable } from '@nestjs/common';
import {
  bidStream,
  DomainError,
  evaluatorStream,
  evolveBid,
  foldSheet,
  initialBidState,
  requireBidContentReader,
  requireBuyerUser,
  type Actor,
  type BidContent,
  type BidEvent,
  type EvaluatorEvent,
  type EvaluatorSheet,
  type TenderState,
} from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { sha256, canonicalJson } from '@fairtender/crypto';
import { BidSealing } from './bid-sealing';
import { toDomainEvent } from '@fairtender/tender-streams';
import { RefusalRecorder } from '../runtime/refusal-recorder';
import { TenderStreams } from '../runtime/tender-streams';

export interface OpenedBid {
  tenderId: string;
  supplierId: string;
  receivedAt: string;
  contentHash: string;
  /** The stream revision opening committed to; later events of the stream are not part of the bid. */
  openedAtRevision: number;
  content: BidContent;
}

/**
 * Reads a bid's content — only after opening, and only as it stood at the head recorded in
 * `BidsOpened`. Before opening, the attempt is refused with `SEALED` and recorded. After opening,
 * officers of the buyer, and panel members for bids they are not conflicted from
 * (`requireBidContentReader`); every other refusal is recorded by the exception filter.
 */
@Injectable()
export class BidContentReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenders: TenderStreams,
    private readonly sealing: BidSealing,
    private readonly refusals: RefusalRecorder,
  ) {}

  async read(
    tenderId: string,
    supplierId: string,
    actor: Actor,
    correlationId: string,
  ): Promise<OpenedBid> {
    const { state: tender } = await this.tenders.loadTender(tenderId);
    requireBuyerUser(tender, tenderId, actor, ['officer', 'evaluator']);
    if (!tender.opening.bidStreams) {
      return this.refusals.refuseSealedRead(
        tenderId,
        actor,
        bidStream(tenderId, supplierId),
        tender.stage,
        correlationId,
      );
    }
    const ownSheet = actor.role === 'evaluator' ? await this.sheetOf(tenderId, actor) : undefined;
    requireBidContentReader(tender, supplierId, actor, ownSheet);
    const head = tender.opening.bidStreams.find((stream) => stream.supplierId === supplierId);
    if (!head) throw bidNotFound(tenderId, supplierId);
    const history = await this.store.readStream(head.streamName, { maxCount: head.revision + 1 });
    let bid = initialBidState();
    for (const recorded of history) bid = evolveBid(bid, toDomainEvent<BidEvent>(recorded));
    if (bid.status !== 'submitted' || !bid.sealed) throw bidNotFound(tenderId, supplierId);
    const content = this.sealing.open(tender, supplierId, bid.sealed);
    if (sha256(canonicalJson(content)).toString('hex') !== bid.contentHash) {
      throw new Error(`Bid ${head.streamName} does not match its committed hash`);
    }
    return {
      tenderId,
      supplierId,
      receivedAt: bid.receivedAt!,
      contentHash: bid.contentHash!,
      openedAtRevision: head.revision,
      content,
    };
  }

  /** The evaluator's own declarations, read from its stream now: a conflict declared a moment ago counts. */
  private async sheetOf(tenderId: string, actor: Actor): Promise<EvaluatorSheet | undefined> {
    const events = await this.store.readStream(evaluatorStream(tenderId, actor.userId));
    return foldSheet(
      undefined,
      events.map((recorded) => toDomainEvent<EvaluatorEvent>(recorded)),
    );
  }
}

/** The register and contents are for officers and evaluators of the buyer; a draft hides from the rest. */
export function assertBuyerOrganisation(tender: TenderState, tenderId: string, actor: Actor): void {
  requireBuyerUser(tender, tenderId, actor, ['officer', 'evaluator']);
}

function bidNotFound(tenderId: string, supplierId: string): DomainError {
  return new DomainError(
    'BID_NOT_FOUND',
    `No opened bid from supplier ${supplierId} on tender ${tenderId}`,
    { tenderId, supplierId },
  );
}
