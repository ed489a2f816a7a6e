import { Module } from '@nestjs/common';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from '../documents';
import { BidRegisterController } from './bid-register.controller';
import { BID_COMMAND_HANDLERS } from './bid.handlers';
import { BID_QUERY_HANDLERS } from './bid.queries';
import { BidsController } from './bids.controller';
import { OwnBidsController } from './own-bids.controller';
import { ReceiptsController } from './receipts.controller';

/** Sealed bids: submit, revise, withdraw, re-confirm; their documents, receipts and the bid register. */
@Module({
  controllers: [
    BidsController,
    OwnBidsController,
    BidRegisterController,
    ReceiptsController,
    ...DOCUMENT_CONTROLLERS,
  ],
  providers: [...BID_COMMAND_HANDLERS, ...BID_QUERY_HANDLERS, ...DOCUMENT_PROVIDERS],
})
export class BiddingApiModule {}
