export { READ_MODEL_MIGRATIONS, READ_MODEL_TABLES, migrateReadModels } from './schema/migrations';
export * from './projections';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type RunnerLogger,
  type RunnerState,
  type RunnerStatus,
} from './runner/projection-runner';
export { ProjectionError, BatchWriteError } from './runner/apply-batch';
export { CheckpointMovedError, READ_MODELS_PROJECTION, readCheckpoint } from './runner/checkpoint';
export { ReadModelQueries } from './queries/read-model-queries';
export * from './queries/ocds-queries';
export * from './queries/integrity-queries';
export * from './queries/views';
export { ReadModelsModule, READ_MODEL_SCHEMA } from './nest/read-models.module';
export { ProjectionRunnerModule } from './nest/projection-runner.module';
export { ProjectionRunnerService } from './nest/projection-runner.service';
export { ProjectionRunnerHealthIndicator } from './nest/projection-runner.health';
export {
  rebuildAndCompare,
  projectRange,
  createShadowSchema,
  dropShadowSchema,
  type RebuildReport,
  type RebuildProgress,
  type ShadowRebuildOptions,
  type ProjectRangeOptions,
} from './rebuild/shadow-rebuild';
export { compareWithLive, type TableComparison, type RowDifference } from './rebuild/compare';
export { inSchema } from './rebuild/schema-client';
export { applyBatch } from './runner/apply-batch';
