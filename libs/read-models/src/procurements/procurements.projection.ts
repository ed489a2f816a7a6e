import {
  evolveTender,
  initialTenderState,
  PLANNING_EVENT_TYPES,
  type TenderEvent,
} from '@fairtender/domain';
import type { ProjectedEvent } from '../runner/projected-event';
import type { Projection } from '../runner/projection';
import { byTender, tableSlice } from '../runner/working-set';
import { PROCUREMENTS, type ProcurementRow } from './procurements.table';

export const PROCUREMENT_ROWS = tableSlice(PROCUREMENTS, byTender<ProcurementRow>());

/** The events that change a procurement row: its own, and those that move the stage or the panel. */
const FOLDED = new Set<string>([
  ...PLANNING_EVENT_TYPES,
  'TenderDrafted',
  'TenderPublished',
  'TenderCancelled',
  'EvaluationPanelAppointed',
  'AwardProposed',
  'ContractConcluded',
]);

/**
 * One event into the row, folded by the domain's evolve on a tender state holding only the planning
 * slice: the read model and the deciders cannot disagree on what the record says.
 */
export function evolveProcurementRow(
  row: ProcurementRow | undefined,
  event: ProjectedEvent,
): ProcurementRow | undefined {
  if (event.streamKind !== 'tender' || !FOLDED.has(event.type)) return row;
  if (!row && event.type !== 'ProcurementOpened') return row;
  const before = row
    ? {
        ...initialTenderState(),
        stage: row.stage,
        tenderId: row.tenderId,
        buyerOrganisationId: row.buyerOrganisationId,
        planning: row.record,
      }
    : initialTenderState();
  const after = evolveTender(before, { type: event.type, data: event.data } as TenderEvent);
  if (!after.planning || !after.buyerOrganisationId) return row;
  return {
    tenderId: event.tenderId,
    buyerOrganisationId: after.buyerOrganisationId,
    stage: after.stage,
    record: after.planning,
    openedAt: after.planning.openedAt,
    lastRevision: event.revision,
  };
}

export const procurementsProjection: Projection = {
  name: 'procurements',
  group: 'tendering',
  slices: [PROCUREMENT_ROWS],
  apply(rows, event) {
    const slice = rows.of(PROCUREMENT_ROWS);
    const row = slice.get(event.tenderId);
    const next = evolveProcurementRow(row, event);
    if (next && next !== row) slice.put(next);
  },
};
