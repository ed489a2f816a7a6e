import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@fairtender/auth';
import { AppConfigModule } from '@fairtender/config';
import { DocumentsModule } from '@fairtender/documents';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';
import { ReadModelsModule } from '@fairtender/read-models';
import { BID_COMMAND_HANDLERS } from './bidding/bid.handlers';
import { BID_QUERY_HANDLERS } from './bidding/bid.queries';
import { BidRegisterController } from './bidding/bid-register.controller';
import { BidsController } from './bidding/bids.controller';
import { OwnBidsController } from './bidding/own-bids.controller';
import { ReceiptsController } from './bidding/receipts.controller';
import { NOTICE_COMMAND_HANDLERS } from './notice/notice.handlers';
import { NOTICE_QUERY_HANDLERS } from './notice/notice.queries';
import { BuyerTenderController, NoticesController } from './notice/notices.controller';
import { TendersController } from './notice/tenders.controller';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from './documents';
import { ApiExceptionFilter } from './shared/api-exception.filter';
import { ApiInfrastructureModule } from './shared/api-infrastructure.module';
import { LegalApiModule } from './legal/legal.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { PublicationApiModule } from './publication/publication.module';
import { AwardApiModule } from './award/award.module';
import { IntegrityApiModule } from './integrity/integrity.module';

/** The HTTP API's features, without its health endpoint, so the all-in-one process can compose it. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule,
    EventStoreModule,
    DocumentsModule,
    ReadModelsModule,
    AuthModule,
    CqrsModule.forRoot(),
    ApiInfrastructureModule,
    NotificationsApiModule,
    LegalApiModule,
    PublicationApiModule,
    AwardApiModule,
    IntegrityApiModule,
  ],
  controllers: [
    TendersController,
    NoticesController,
    BuyerTenderController,
    BidsController,
    OwnBidsController,
    BidRegisterController,
    ReceiptsController,
    ...DOCUMENT_CONTROLLERS,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    ...NOTICE_COMMAND_HANDLERS,
    ...NOTICE_QUERY_HANDLERS,
    ...BID_COMMAND_HANDLERS,
    ...BID_QUERY_HANDLERS,
    ...DOCUMENT_PROVIDERS,
  ],
})
export class ApiModule {}
