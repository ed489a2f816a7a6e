import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import {
  DatabaseModule,
  migrateAtStartUp,
  SQL_CLIENT,
  type SqlClient,
} from '@fairtender/event-store';
import { ReadModelQueries } from '../queries/read-model-queries';
import { READ_MODEL_MIGRATIONS } from '../schema/migrations';

/** Resolves once the read-model schema is current; anything that touches the tables waits for it. */
export const READ_MODEL_SCHEMA = Symbol('READ_MODEL_SCHEMA');

async function migrateOnStart(client: SqlClient, config: AppConfig) {
  const report = await migrateAtStartUp(client, READ_MODEL_MIGRATIONS, config.migrateOnStart);
  const applied = report.applied.map((m) => `migration ${m.id} (${m.name})`);
  new Logger('ReadModels').log(
    applied.length ? `applied ${applied.join(', ')}` : 'read-model schema up to date',
  );
  return report;
}

/**
 * Read models on the shared SQL client: migrates their tables at start-up and provides the queries.
 * Any app may import it (the api does, for queries); only ProjectionRunnerModule writes the tables.
 */
@Global()
@Module({
  imports: [DatabaseModule],
  providers: [
    { provide: READ_MODEL_SCHEMA, useFactory: migrateOnStart, inject: [SQL_CLIENT, AppConfig] },
    {
      provide: ReadModelQueries,
      useFactory: (client: SqlClient) => new ReadModelQueries(client),
      inject: [SQL_CLIENT, READ_MODEL_SCHEMA],
    },
  ],
  exports: [READ_MODEL_SCHEMA, ReadModelQueries],
})
export class ReadModelsModule {}
