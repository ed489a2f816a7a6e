import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { HttpConventionsInterceptor } from './http/http-conventions.interceptor';
import { AuthModule } from '@fairtender/auth';
import { AppConfigModule } from '@fairtender/config';
import { DocumentsModule } from '@fairtender/documents';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';
import { ReadModelsModule } from '@fairtender/read-models';
import { BiddingApiModule } from './bidding/bidding.module';
import { ChallengeApiModule } from './challenge/challenge.module';
import { ContractApiModule } from './contract/contract.module';
import { EvaluationApiModule } from './evaluation/evaluation.module';
import { NoticeApiModule } from './notice/notice.module';
import { PlanningApiModule } from './planning/planning.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { ApiInfrastructureModule } from './runtime/api-infrastructure.module';
import { LegalApiModule } from './legal/legal.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { PublicationApiModule } from './publication/publication.module';
import { AwardApiModule } from './award/award.module';
import { IntegrityApiModule } from './integrity/integrity.module';
import { SandboxApiModule } from './sandbox/sandbox.module';
import { PagesApiModule } from './pages/pages.module';

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
    PlanningApiModule,
    NoticeApiModule,
    BiddingApiModule,
    EvaluationApiModule,
    AwardApiModule,
    ChallengeApiModule,
    ContractApiModule,
    IntegrityApiModule,
    SandboxApiModule,
    PagesApiModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: HttpConventionsInterceptor },
  ],
})
export class ApiModule {}
