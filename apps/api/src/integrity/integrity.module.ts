import { Module } from '@nestjs/common';
import { SQL_CLIENT, type SqlClient } from '@fairtender/event-store';
import { IntegrityQueries, READ_MODEL_SCHEMA } from '@fairtender/read-models';
import { IntegrityController } from './integrity.controller';
import { INTEGRITY_QUERY_HANDLERS } from './integrity.queries';

/** Competition integrity: a tender's report and the red flags across tenders (issue 4, item 6). */
@Module({
  controllers: [IntegrityController],
  providers: [
    {
      provide: IntegrityQueries,
      useFactory: (client: SqlClient) => new IntegrityQueries(client),
      inject: [SQL_CLIENT, READ_MODEL_SCHEMA],
    },
    ...INTEGRITY_QUERY_HANDLERS,
  ],
  exports: [IntegrityQueries],
})
export class IntegrityApiModule {}
