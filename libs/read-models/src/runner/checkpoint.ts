import {
  comparePositions,
  formatPosition,
  type Position,
  type SqlQueryable,
} from '@fairtender/event-store';
import { READ_MODEL_PROJECTIONS } from '../read-models';
import type { Projection } from './projection';

/** The default checkpoint namespace of the read models in rm_projection_checkpoints. */
export const READ_MODELS_PROJECTION = 'read-models';

/**
 * Each checkpoint group's position, by group name. A group's projections read each other's rows
 * (bids read tenders), so they move together; groups move apart only when one is rebuilt or new.
 */
export type GroupCheckpoints = ReadonlyMap<string, Position | undefined>;

/** A projection's checkpoint group: its own name unless it says otherwise. */
export const groupOf = (projection: Projection) => projection.group ?? projection.name;

export const groupsOf = (projections: readonly Projection[]) => [
  ...new Set(projections.map(groupOf)),
];

/** The row of group `group` in namespace `projection`. */
/** The checkpoint groups of the registered read models. */
export const READ_MODEL_GROUPS: readonly string[] = groupsOf(READ_MODEL_PROJECTIONS);

export const checkpointName = (projection: string, group: string) => `${projection}/${group}`;

interface CheckpointRow {
  projection: string;
  commit_position: string | null;
  prepare_position: string | null;
}

const COLUMNS = `projection, commit_position::text, prepare_position::text`;

function toPosition(row: CheckpointRow): Position | undefined {
  if (row.commit_position === null || row.prepare_position === null) return undefined;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}

/** The earliest of the positions; undefined (the start) if any is. */
export function earliest(positions: Iterable<Position | undefined>): Position | undefined {
  let first: Position | undefined;
  let any = false;
  for (const position of positions) {
    if (position === undefined) return undefined;
    if (!any || comparePositions(position, first!) < 0) first = position;
    any = true;
  }
  return first;
}

/**
 * The last position every group of the namespace has projected: what all its read models show.
 * Undefined when nothing has been projected yet. Groups without a row in the namespace are not
 * projected there (a runner given only some of the read models) and do not count.
 */
export async function readCheckpoint(
  db: SqlQueryable,
  projection = READ_MODELS_PROJECTION,
  groups: readonly string[] = READ_MODEL_GROUPS,
): Promise<Position | undefined> {
  const rows = await db.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM rm_projection_checkpoints WHERE projection = ANY($1::text[])`,
    [groups.map((group) => checkpointName(projection, group))],
  );
  return rows.length === 0 ? undefined : earliest(rows.map(toPosition));
}

/** Creates the groups' checkpoint rows that are missing (so every later batch can lock them). */
export async function ensureCheckpoints(
  db: SqlQueryable,
  projection: string,
  groups: readonly string[],
): Promise<GroupCheckpoints> {
  const names = groups.map((group) => checkpointName(projection, group));
  await db.query(
    `INSERT INTO rm_projection_checkpoints (projection) SELECT unnest($1::text[])
     ON CONFLICT (projection) DO NOTHING`,
    [names],
  );
  const rows = await db.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM rm_projection_checkpoints WHERE projection = ANY($1::text[])`,
    [names],
  );
  const byName = new Map(rows.map((row) => [row.projection, toPosition(row)]));
  return new Map(groups.map((group) => [group, byName.get(checkpointName(projection, group))]));
}

/** Another runner (or a rebuild elsewhere) moved the checkpoint: this one must not write. */
export class CheckpointMovedError extends Error {
  readonly code = 'CHECKPOINT_MOVED';
}

const same = (a?: Position, b?: Position) =>
  a === undefined || b === undefined ? a === b : comparePositions(a, b) === 0;

/**
 * Locks the groups' checkpoint rows for the batch's transaction (one statement) and checks that each
 * is still where this runner left it. Two projectors on the same database therefore cannot both
 * apply a batch.
 */
export async function lockCheckpoints(
  tx: SqlQueryable,
  projection: string,
  expected: GroupCheckpoints,
): Promise<void> {
  const names = [...expected.keys()].map((group) => checkpointName(projection, group));
  const rows = await tx.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM rm_projection_checkpoints WHERE projection = ANY($1::text[])
      ORDER BY projection FOR UPDATE`,
    [names],
  );
  const byName = new Map(rows.map((row) => [row.projection, row]));
  for (const [group, position] of expected) {
    const name = checkpointName(projection, group);
    const row = byName.get(name);
    const actual = row && toPosition(row);
    if (row !== undefined && same(actual, position)) continue;
    const describe = (p?: Position) => (p ? formatPosition(p) : 'the start');
    throw new CheckpointMovedError(
      `Checkpoint of "${name}" is at ${row ? describe(actual) : 'nowhere (row deleted)'}, expected ${describe(position)}: another projector is running on this database, or the read models were rebuilt`,
    );
  }
}

/** Moves every group's checkpoint to `position`, in one statement. */
export async function saveCheckpoints(
  tx: SqlQueryable,
  projection: string,
  groups: readonly string[],
  position: Position,
): Promise<void> {
  await tx.query(
    `UPDATE rm_projection_checkpoints
        SET commit_position = $2::bigint, prepare_position = $3::bigint, updated_at = now()
      WHERE projection = ANY($1::text[])`,
    [
      groups.map((group) => checkpointName(projection, group)),
      position.commit.toString(),
      position.prepare.toString(),
    ],
  );
}
