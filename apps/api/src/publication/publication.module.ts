import { Module } from '@nestjs/common';
import { SQL_CLIENT, type SqlClient } from '@fairtender/event-store';
import { OcdsQueries, READ_MODEL_SCHEMA } from '@fairtender/read-models';
import { OcdsController } from './ocds.controller';
import { OCDS_QUERY_HANDLERS } from './ocds.queries';

/** Publication (OCDS): public release packages, record packages and the release feed (issue 7). */
@Module({
  controllers: [OcdsController],
  providers: [
    {
      provide: OcdsQueries,
      useFactory: (client: SqlClient) => new OcdsQueries(client),
      inject: [SQL_CLIENT, READ_MODEL_SCHEMA],
    },
    ...OCDS_QUERY_HANDLERS,
  ],
})
export class PublicationApiModule {}
