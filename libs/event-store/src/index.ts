export * from './port';
export * from './errors';
export * from './error-descriptions';
export * from './position';
export { LIMITS } from './validation';
export { withOmissions } from './omission';
export type { SqlClient, SqlQueryable } from './sql/sql-client';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store';
export {
  migrate,
  migrateAtStartUp,
  pendingMigrations,
  PendingMigrationsError,
  type MigrationReport,
} from './sql/migrate';
export { MIGRATIONS, type Migration } from './sql/migrations';
export { PgSqlClient } from './postgres/pg-sql-client';
export {
  createPostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store';
export { PGliteSqlClient } from './embedded/pglite-sql-client';
export { EmbeddedDatabaseLockedError, lockFileOf } from './embedded/data-dir-lock';
export {
  createEmbeddedEventStore,
  openEmbeddedDatabase,
  EMBEDDED_POSTGRES_SETTINGS,
  type EmbeddedEventStoreOptions,
} from './embedded/embedded-event-store';
export { initialiseDataDir, isInitialised } from './embedded/initialise-data-dir';
export * from './nest';
export {
  createEventStoreDbEventStore,
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';
export * from './command-handling';
export { EventBuffer, pause } from './event-buffer';
export {
  CheckpointedConsumer,
  type CheckpointedConsumerOptions,
  type ConsumerHandler,
  type ConsumerRetry,
  type ConsumerState,
} from './consumer/checkpointed-consumer';
export { APPEND_ONE_SQL, APPEND_SQL } from './sql/append-statement';
