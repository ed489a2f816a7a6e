import { Module } from '@nestjs/common';
import { NOTICE_COMMAND_HANDLERS } from './notice.handlers';
import { NOTICE_QUERY_HANDLERS } from './notice.queries';
import { BuyerTenderController, NoticesController } from './notices.controller';
import { TendersController } from './tenders.controller';

/** The notice: draft, publish, amend, cancel, clarifications, closing and opening. */
@Module({
  controllers: [TendersController, NoticesController, BuyerTenderController],
  providers: [...NOTICE_COMMAND_HANDLERS, ...NOTICE_QUERY_HANDLERS],
})
export class NoticeApiModule {}
