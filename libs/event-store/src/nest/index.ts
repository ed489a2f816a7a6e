export { SQL_CLIENT } from './sql-client.token';
export { DatabaseModule } from './database.module';
export { EventStoreModule } from './event-store.module';
export { EventStoreHealthIndicator } from './event-store.health';
export { ReadModelDatabaseHealthIndicator } from './database.health';
export { openSqlClient, describeSqlTarget } from './open-sql-client';
