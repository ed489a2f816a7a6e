export * from './port';
export * from './errors';
export * from './position';
export { LIMITS } from './validation';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { createEmbeddedEventStore, type EmbeddedEventStoreOptions } from './embedded/embedded-event-store';
export { migrate, type MigrationReport } from './sql/migrate';
