import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import {
  INTEGRITY_MIGRATION,
  INTEGRITY_SCORES_MIGRATION,
  INTEGRITY_SLIM_STATES_MIGRATION,
  DIRECT_AWARDS_MIGRATION,
} from './integrity.migration';
import { integrityProjection } from './integrity.projection';
import {
  CONTRACT_EXTENSIONS,
  DIRECT_AWARDS,
  INTEGRITY,
  INTEGRITY_SCORES,
  INTEGRITY_STATES,
  RED_FLAGS,
} from './integrity.table';

/** Competition integrity: reports, red flags and scores, at the configured thresholds (docs/integrity.md). */
export const integrityReadModel: ReadModel = {
  name: 'integrity',
  projection: (settings) => integrityProjection(settings.integrity),
  tables: [
    INTEGRITY_STATES as TableSpec<never>,
    INTEGRITY as TableSpec<never>,
    RED_FLAGS as TableSpec<never>,
    CONTRACT_EXTENSIONS as TableSpec<never>,
    INTEGRITY_SCORES as TableSpec<never>,
    DIRECT_AWARDS as TableSpec<never>,
  ],
  migrations: [
    INTEGRITY_MIGRATION,
    INTEGRITY_SCORES_MIGRATION,
    INTEGRITY_SLIM_STATES_MIGRATION,
    DIRECT_AWARDS_MIGRATION,
  ],
};
