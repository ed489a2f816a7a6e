import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@fairtender/config';
import { migrateAtStartUp } from '../sql/migrate';
import { MIGRATIONS } from '../sql/migrations';
import type { SqlClient } from '../sql/sql-client';
import { ReadModelDatabaseHealthIndicator } from './database.health';
import { describeSqlTarget, openSqlClient } from './open-sql-client';
import { SQL_CLIENT } from './sql-client.token';

async function openMigratedClient(config: AppConfig): Promise<SqlClient> {
  const logger = new Logger('Database');
  const client = await openSqlClient(config.eventStore);
  try {
    const report = await migrateAtStartUp(client, MIGRATIONS, config.migrateOnStart);
    const applied = report.applied.map(
      (migration) => `migration ${migration.id} (${migration.name})`,
    );
    logger.log(
      `${describeSqlTarget(config.eventStore)}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`,
    );
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

@Injectable()
class SqlClientCloser implements OnApplicationShutdown {
  constructor(@Inject(SQL_CLIENT) private readonly client: SqlClient) {}

  // Runs after every beforeApplicationShutdown, so the event store has stopped using the client.
  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: SQL_CLIENT, useFactory: openMigratedClient, inject: [AppConfig] },
    SqlClientCloser,
    ReadModelDatabaseHealthIndicator,
  ],
  exports: [SQL_CLIENT, ReadModelDatabaseHealthIndicator],
})
export class DatabaseModule {}
