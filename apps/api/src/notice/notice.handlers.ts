import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import { BidSealing } from '../bidding/bid-sealing';
import { TenderStreams } from '../runtime/tender-streams';
import {
  ChangeTenderCommand,
  ConfirmBidOpeningCommand,
  DraftTenderCommand,
  PublishTenderCommand,
} from './notice.commands';
import { tenderCommandResult, type TenderCommandResult } from '../runtime/tender-command-result';

@CommandHandler(DraftTenderCommand)
export class DraftTenderHandler implements ICommandHandler<DraftTenderCommand> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ context, terms }: DraftTenderCommand): Promise<TenderCommandResult> {
    const tenderId = randomUUID();
    const outcome = await this.tenders.executeTender(tenderId, context, {
      type: 'DraftTender',
      tenderId,
      terms,
      actor: context.actor,
      now: context.now,
    });
    return tenderCommandResult(tenderId, outcome);
  }
}

@CommandHandler(PublishTenderCommand)
export class PublishTenderHandler implements ICommandHandler<PublishTenderCommand> {
  constructor(
    private readonly tenders: TenderStreams,
    private readonly sealing: BidSealing,
    private readonly config: AppConfig,
  ) {}

  async execute({ context, tenderId }: PublishTenderCommand): Promise<TenderCommandResult> {
    const outcome = await this.tenders.executeTender(tenderId, context, {
      type: 'PublishTender',
      sealingKey: this.sealing.issueKey(),
      planningRules: this.config.planning,
      actor: context.actor,
      now: context.now,
    });
    return tenderCommandResult(tenderId, outcome);
  }
}

@CommandHandler(ConfirmBidOpeningCommand)
export class ConfirmBidOpeningHandler implements ICommandHandler<ConfirmBidOpeningCommand> {
  constructor(
    private readonly tenders: TenderStreams,
    private readonly config: AppConfig,
  ) {}

  async execute({ context, tenderId }: ConfirmBidOpeningCommand): Promise<TenderCommandResult> {
    const outcome = await this.tenders.executeTender(tenderId, context, {
      type: 'ConfirmBidOpening',
      openingWindowMs: this.config.bidding.openingWindowMs,
      bidStreams: await this.tenders.bidStreamHeads(tenderId),
      actor: context.actor,
      now: context.now,
    });
    return tenderCommandResult(tenderId, outcome);
  }
}

@CommandHandler(ChangeTenderCommand)
export class ChangeTenderHandler implements ICommandHandler<ChangeTenderCommand> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ context, tenderId, change }: ChangeTenderCommand): Promise<TenderCommandResult> {
    const outcome = await this.tenders.executeTender(tenderId, context, {
      ...change,
      actor: context.actor,
      now: context.now,
    });
    return tenderCommandResult(tenderId, outcome);
  }
}

export const NOTICE_COMMAND_HANDLERS = [
  DraftTenderHandler,
  PublishTenderHandler,
  ConfirmBidOpeningHandler,
  ChangeTenderHandler,
];
