export { READ_MODEL_MIGRATIONS, READ_MODEL_TABLES, migrateReadModels } from './schema/migrations';
export { READ_MODELS, READ_MODEL_PROJECTIONS, readModelProjections } from './read-models';
export type { ReadModel, ReadModelSettings } from './runner/read-model';
export type { Projection, RowsSlice } from './runner/projection';
export type { ProjectedEvent } from './runner/projected-event';
export { toProjectedEvent } from './runner/projected-event';
export { WorkingSet, RowSet } from './runner/working-set';
export type { Amendment, TenderRow } from './tenders/tenders.table';
export type { ClarificationRow } from './clarifications/clarifications.table';
export type { ProcurementRow } from './procurements/procurements.table';
export type { BidRow, BidRowStatus } from './bids/bids.table';
export type { BidReceiptRow } from './bid-receipts/bid-receipts.table';
export type { AssignmentRow } from './assignments/assignments.table';
export type { AssignmentPage, ListAssignmentsOptions } from './assignments/assignments.queries';
export type { OcdsReleaseRow, OcdsTenderRow } from './ocds/ocds.table';
export { integrityProjection } from './integrity/integrity.projection';
export type { IntegrityRow, RedFlagRow, ContractExtensionRow } from './integrity/integrity.table';
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
export * from './ocds/ocds.queries';
export * from './integrity/integrity.queries';
export {
  decodeCursor,
  encodeCursor,
  type ListNoticesOptions,
  type Notice,
  type NoticePage,
} from './tenders/tenders.queries';
export type { PublicClarification } from './clarifications/clarifications.queries';
export type { BidReceipt, BidRegister, SupplierBid } from './bids/bids.queries';
export { InvalidCursorError } from './queries/invalid-cursor';
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
