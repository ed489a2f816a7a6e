import {
  comparePositions,
  formatPosition,
  type RecordedEvent,
  type SqlClient,
} from '@fairtender/event-store';
import { toProjectedEvent, type ProjectedEvent } from './projected-event';
import type { Projection } from './projection';
import { slicesOf } from './projection';
import { WorkingSet } from './working-set';
import { groupOf, lockCheckpoints, saveCheckpoints, type GroupCheckpoints } from './checkpoint';

/** An event a projection could not apply: names the event, so the log says where it stopped. */
export class ProjectionError extends Error {
  readonly code = 'PROJECTION_FAILED';

  constructor(
    readonly event: RecordedEvent,
    readonly projection: string,
    cause: unknown,
  ) {
    super(
      `${projection} could not apply ${event.type} v${event.version} (event ${event.eventId}, ${event.streamName}@${event.revision}) at position ${formatPosition(event.position)}: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}

/** Writing a batch's rows failed (a constraint, the database): names the batch's positions. */
export class BatchWriteError extends Error {
  readonly code = 'PROJECTION_WRITE_FAILED';

  constructor(events: readonly RecordedEvent[], cause: unknown) {
    super(
      `Writing read models for positions ${formatPosition(events[0].position)} to ${formatPosition(events.at(-1)!.position)} failed: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}

export interface BatchOptions {
  client: SqlClient;
  projection: string;
  projections: readonly Projection[];
  /** Where each group's checkpoint must still be: this runner's last committed positions. */
  after: GroupCheckpoints;
}

/**
 * Applies every projection to a batch and moves the checkpoints, in one transaction: either the whole
 * batch and its checkpoints are committed, or nothing is. A projection is given only the events after
 * its group's checkpoint (a group being rebuilt is behind the others). Returns the new checkpoints.
 */
export async function applyBatch(
  events: readonly RecordedEvent[],
  { client, projection, projections, after }: BatchOptions,
): Promise<GroupCheckpoints> {
  const projected: [RecordedEvent, ProjectedEvent][] = [];
  for (const event of events) {
    try {
      const tenderEvent = toProjectedEvent(event);
      if (tenderEvent) projected.push([event, tenderEvent]);
    } catch (error) {
      throw new ProjectionError(event, 'upcast', error);
    }
  }
  const last = events.at(-1)!.position;
  const from = projections.map((p) => after.get(groupOf(p)));
  // A group already past the batch (the others are catching up with it) stays where it is.
  const behind = [...after].filter(([, at]) => at === undefined || comparePositions(at, last) < 0);
  const groups = behind.map(([group]) => group);
  await client.transaction(async (tx) => {
    await lockCheckpoints(tx, projection, after);
    const rows = await WorkingSet.load(
      tx,
      projected.map(([, e]) => e),
      slicesOf(projections),
    );
    for (const [recorded, event] of projected) {
      for (let i = 0; i < projections.length; i += 1) {
        const p = projections[i];
        const since = from[i];
        if (since !== undefined && comparePositions(recorded.position, since) <= 0) continue;
        try {
          p.apply(rows, event);
        } catch (error) {
          throw new ProjectionError(recorded, p.name, error);
        }
      }
    }
    for (const p of projections) {
      try {
        p.settle?.(rows);
      } catch (error) {
        throw new ProjectionError(events.at(-1)!, p.name, error);
      }
    }
    try {
      await rows.flush(tx);
    } catch (error) {
      throw new BatchWriteError(events, error);
    }
    await saveCheckpoints(tx, projection, groups, last);
  });
  return new Map([...after].map(([group, at]) => [group, groups.includes(group) ? last : at]));
}
