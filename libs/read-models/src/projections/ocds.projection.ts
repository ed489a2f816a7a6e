import { concernsPublication, evolvePublication } from '@fairtender/publication';
import type { ProjectedEvent } from './projected-event';
import type { Projection } from './projection';

/** Whether the batch must load the tender's publication state for this event. */
export const concernsOcds = (event: ProjectedEvent) => concernsPublication(event);

/**
 * OCDS publication: publication's state per tender, and an insert-only row per release. The mapping
 * itself is `evolvePublication` (libs/publication), the same fold the command line runs on the log.
 */
export const ocdsProjection: Projection = {
  name: 'ocds',
  apply(rows, event) {
    if (!concernsOcds(event)) return;
    const row = rows.ocdsTenders.get(event.tenderId);
    const { state, release } = evolvePublication(row?.state, event);
    if (!state || state === row?.state) return;
    rows.ocdsTenders.put({ tenderId: event.tenderId, state });
    if (!release) return;
    rows.ocdsReleases.put({
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
