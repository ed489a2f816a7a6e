import {
  concernsPublication,
  evolvePublication,
  type PublicationState,
  type PublicationStep,
} from '@fairtender/publication';
import type { ProjectedEvent } from '../runner/projected-event';
import type { Projection, RowsSlice } from '../runner/projection';
import { OCDS_RELEASES, OCDS_TENDERS, type OcdsReleaseRow, type OcdsTenderRow } from './ocds.table';
import { byTender, RowSet } from '../runner/working-set';

/** Whether the batch must load the tender's publication state for this event. */
export const concernsOcds = (event: ProjectedEvent) => concernsPublication(event);

/**
 * OCDS publication: publication's state per tender, and an insert-only row per release. The mapping
 * itself is `evolvePublication` (libs/publication), the same fold the command line runs on the log.
 */
export const OCDS_ROWS: RowsSlice<{
  tenders: RowSet<OcdsTenderRow>;
  releases: RowSet<OcdsReleaseRow>;
}> = {
  name: 'OCDS',
  create: () => ({ tenders: new RowSet(OCDS_TENDERS), releases: new RowSet(OCDS_RELEASES) }),
  load: (rows, tx, events) =>
    byTender<OcdsTenderRow>((all) => all.filter(concernsOcds).map((e) => e.tenderId))(
      rows.tenders,
      tx,
      events,
    ),
  flush: async (rows, tx) => (await rows.tenders.flush(tx)) + (await rows.releases.flush(tx)),
};

export const ocdsProjection: Projection = {
  name: 'ocds',
  group: 'ocds',
  slices: [OCDS_ROWS],
  apply(rows, event) {
    if (!concernsOcds(event)) return;
    const ocds = rows.of(OCDS_ROWS);
    const row = ocds.tenders.get(event.tenderId);
    const { state, release } =
      event.streamKind === 'bid' && row
        ? evolveBidEvent(row.state, event)
        : evolvePublication(row?.state, event);
    if (!state || state === row?.state) return;
    ocds.tenders.put({ tenderId: event.tenderId, state });
    if (!release) return;
    ocds.releases.put({
      tenderId: event.tenderId,
      releaseKey: release.id,
      ordinal: state.releaseCount,
      commitPosition: event.position.commit.toString(),
      preparePosition: event.position.prepare.toString(),
      releaseDate: release.date,
      tags: release.tag,
      release,
    });
  },
};

/** Registers of sealed bids this projection made itself, which it may therefore update in place. */
const ownRegisters = new WeakSet<object>();

/**
 * A bid event through `evolvePublication`, shown only the bidder's own entry of the sealed register:
 * the fold copies the register it is given for each bid event, and a 1,000-bid tender's register
 * copied at each of its 10,000 bid events was most of this projection's time. The entry that comes
 * back goes into the register in place (a copy of it the first time, so only the batch's own state
 * changes). Anything else the event changed, or a release, and the event goes through the whole
 * state instead: the result is always what `evolvePublication` makes of the whole state.
 */
function evolveBidEvent(state: PublicationState, event: ProjectedEvent): PublicationStep {
  const supplierId = (event.data as { supplierId?: unknown } | null)?.supplierId;
  if (typeof supplierId !== 'string') return evolvePublication(state, event);
  const register = state.sealed.bids;
  const own = Object.hasOwn(register, supplierId) ? { [supplierId]: register[supplierId] } : {};
  const narrow: PublicationState = { ...state, sealed: { bids: own } };
  const step = evolvePublication(narrow, event);
  if (step.state === narrow) return { state };
  const next = step.state;
  if (step.release || !next || !onlySealedDiffers(narrow, next))
    return evolvePublication(state, event);
  const entries = Object.keys(next.sealed.bids);
  if (entries.length !== 1 || entries[0] !== supplierId) return evolvePublication(state, event);
  const bids = ownRegisters.has(register) ? register : { ...register };
  ownRegisters.add(bids);
  bids[supplierId] = next.sealed.bids[supplierId];
  return { state: { ...next, sealed: { bids } } };
}

function onlySealedDiffers(before: PublicationState, after: PublicationState): boolean {
  const keys = Object.keys(after) as (keyof PublicationState)[];
  if (keys.length !== Object.keys(before).length) return false;
  return keys.every((key) => key === 'sealed' || after[key] === before[key]);
}
