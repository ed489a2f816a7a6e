import type { IntegrityThresholds } from '@fairtender/domain';
import type { Migration } from '@fairtender/event-store';
import type { Projection } from './projection';
import type { TableSpec } from './row-table';

/** What a projector is configured with; a rebuild must be given the same. */
export interface ReadModelSettings {
  integrity?: IntegrityThresholds;
}

/**
 * One read model, registered once in `READ_MODELS`: its projection, the tables it owns (emptied by
 * a rebuild, compared by the shadow rebuild, in this order) and the migrations that shape them.
 */
export interface ReadModel {
  name: string;
  projection(settings: ReadModelSettings): Projection;
  tables: readonly TableSpec<never>[];
  migrations: readonly Migration[];
}
