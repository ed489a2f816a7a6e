import type { PlanningState, TenderStage } from '@fairtender/domain';
import type { TableSpec } from '../runner/row-table';

/** rm_procurements: the planning record of a tender opened before its notice (docs/planning.md). */
export interface ProcurementRow {
  tenderId: string;
  buyerOrganisationId: string;
  stage: TenderStage;
  /** The domain's own fold of the planning events (`state.planning`). */
  record: PlanningState;
  openedAt: string;
  lastRevision: number;
}

export const PROCUREMENTS: TableSpec<ProcurementRow> = {
  table: 'rm_procurements',
  columns: ['tenderId', 'buyerOrganisationId', 'stage', 'record', 'openedAt', 'lastRevision'],
  keyColumns: ['tenderId'],
  timeColumns: ['openedAt'],
};
