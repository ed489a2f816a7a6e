import { Module } from '@nestjs/common';
import { BidRegisterController } from './bid-register.controller';
import { BID_COMMAND_HANDLERS } from './bid.handlers';
import { BID_QUERY_HANDLERS } from './bid.queries';
import { BidsController } from './bids.controller';
import { OwnBidsController } from './own-bids.controller';
import { ReceiptsController } from './receipts.controller';

/** Sealed bids: submit, revise, withdraw, re-confirm; receipts and the bid register. */
@Module({
  controllers: [BidsController, OwnBidsController, BidRegisterController, ReceiptsController],
  providers: [...BID_COMMAND_HANDLERS, ...BID_QUERY_HANDLERS],
})
export class BiddingApiModule {}
