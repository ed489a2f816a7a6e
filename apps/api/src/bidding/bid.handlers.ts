import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import {
  DomainError,
  isDocumentReference,
  validateBidContent,
  type BidEvent,
  type BidState,
} from '@fairtender/domain';
import type { CommandOutcome } from '@fairtender/event-store';
import { BidDocuments } from '../documents/bid-documents';
import { ApiError } from '../http/api-error';
import { BidSealing } from './bid-sealing';
import type { CommandContext } from '../runtime/command-context';
import { ReceiptSigner } from './receipt-signer';
import { TenderStreams } from '../runtime/tender-streams';
import {
  PlaceBidCommand,
  ReconfirmBidCommand,
  WithdrawBidCommand,
  type BidCommandResult,
} from './bid.commands';
import { receiptPayloadFor } from './bid-receipt';

@CommandHandler(PlaceBidCommand)
export class PlaceBidHandler implements ICommandHandler<PlaceBidCommand> {
  constructor(
    private readonly tenders: TenderStreams,
    private readonly sealing: BidSealing,
    private readonly signer: ReceiptSigner,
    private readonly config: AppConfig,
    private readonly documents: BidDocuments,
  ) {}

  async execute(command: PlaceBidCommand): Promise<BidCommandResult> {
    const { context, tenderId, idempotencyKey } = command;
    const supplierId = context.actor.organisationId;
    this.checkDocumentsSize(command.content);
    const tender = await this.tenders.loadTenderForBid(tenderId);
    if (
      !tender.state.notice.terms ||
      tender.state.stage === 'none' ||
      tender.state.stage === 'draft'
    ) {
      throw new DomainError('TENDER_NOT_FOUND', `No published tender ${tenderId}`, { tenderId });
    }
    validateBidContent(tender.state.notice.terms, command.content);
    const uploaded = await this.documents.resolve(tenderId, supplierId, command.documentIds);
    const content = {
      ...command.content,
      documents: [...command.content.documents, ...uploaded.references],
    };
    const outcome = await this.tenders.executeBid(
      tenderId,
      context,
      {
        type: command.kind,
        bid: this.sealing.seal(tender.state, supplierId, content, uploaded.facts),
        idempotencyKey,
        actor: context.actor,
        now: context.now,
      },
      tender,
    );
    const payload = receiptPayloadFor(
      tenderId,
      supplierId,
      context.commandId,
      outcome,
      idempotencyKey,
    );
    return {
      tenderId,
      supplierId,
      status: outcome.state.status,
      replayed: outcome.events.length === 0,
      recorded: outcome.events.map((event) => event.type),
      receipt: this.signer.sign(payload),
      ...(uploaded.references.length > 0 ? { documents: uploaded.references } : {}),
    };
  }

  private checkDocumentsSize(content: PlaceBidCommand['content']): void {
    const total = content.documents.reduce(
      (sum, document) =>
        isDocumentReference(document)
          ? sum
          : sum + Buffer.byteLength(document.contentBase64, 'base64'),
      0,
    );
    const limit = this.config.bidding.documentsMaxBytes;
    if (total > limit) {
      throw new ApiError(
        413,
        'DOCUMENTS_TOO_LARGE',
        `The bid's documents total ${total} bytes; the limit is ${limit}`,
        { totalBytes: total, limitBytes: limit },
      );
    }
  }
}

@CommandHandler(WithdrawBidCommand)
export class WithdrawBidHandler implements ICommandHandler<WithdrawBidCommand> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ context, tenderId, reason }: WithdrawBidCommand): Promise<BidCommandResult> {
    const outcome = await this.tenders.executeBid(tenderId, context, {
      type: 'WithdrawBid',
      ...(reason === undefined ? {} : { reason }),
      actor: context.actor,
      now: context.now,
    });
    return bidChangeResult(tenderId, context, outcome);
  }
}

@CommandHandler(ReconfirmBidCommand)
export class ReconfirmBidHandler implements ICommandHandler<ReconfirmBidCommand> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ context, tenderId }: ReconfirmBidCommand): Promise<BidCommandResult> {
    const outcome = await this.tenders.executeBid(tenderId, context, {
      type: 'ReconfirmBid',
      actor: context.actor,
      now: context.now,
    });
    return bidChangeResult(tenderId, context, outcome);
  }
}

/** What a withdrawal or re-confirmation answers: where the bid now stands and what was recorded. */
function bidChangeResult(
  tenderId: string,
  context: CommandContext,
  outcome: CommandOutcome<BidState, BidEvent>,
): BidCommandResult {
  return {
    tenderId,
    supplierId: context.actor.organisationId,
    status: outcome.state.status,
    replayed: false,
    recorded: outcome.events.map((event) => event.type),
  };
}

export const BID_COMMAND_HANDLERS = [PlaceBidHandler, WithdrawBidHandler, ReconfirmBidHandler];
