import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { ASSIGNMENTS_MIGRATION } from './assignments.migration';
import { assignmentsProjection } from './assignments.projection';
import { ASSIGNMENTS, EVALUATION_TENDERS } from './assignments.table';

/** Each evaluator's panels and what it still has to score (`rm_evaluator_assignments`). */
export const assignmentsReadModel: ReadModel = {
  name: 'assignments',
  projection: () => assignmentsProjection,
  tables: [EVALUATION_TENDERS as TableSpec<never>, ASSIGNMENTS as TableSpec<never>],
  migrations: [ASSIGNMENTS_MIGRATION],
};
