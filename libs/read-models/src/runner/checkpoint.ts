import {
  comparePositions,
  formatPosition,
  type Position,
  type SqlQueryable,
} from '@fairtender/event-store';

/** The projection name of the read models in rm_projection_checkpoints. */
export const READ_MODELS_PROJECTION = 'read-models';

interface CheckpointRow {
  commit_position: string | null;
  prepare_position: string | null;
}

const SELECT = `SELECT commit_position::text, prepare_position::text
  FROM rm_projection_checkpoints WHERE projection = $1`;

function toPosition(row: CheckpointRow): Position | undefined {
  if (row.commit_position === null || row.prepare_position === null) return undefined;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}

/** The last position projected; undefined when nothing has been projected yet. */
export async function readCheckpoint(
  db: SqlQueryable,
  projection = READ_MODELS_PROJECTION,
): Promise<Position | undefined> {
  const [row] = await db.query<CheckpointRow>(SELECT, [projection]);
  return row && toPosition(row);
}

/** Creates the checkpoint row if it is missing (so that every later batch can lock it). */
export async function ensureCheckpoint(
  db: SqlQueryable,
  projection: string,
): Promise<Position | undefined> {
  await db.query(
    `INSERT INTO rm_projection_checkpoints (projection) VALUES ($1) ON CONFLICT (projection) DO NOTHING`,
    [projection],
  );
  return readCheckpoint(db, projection);
}

/** Another runner (or a rebuild elsewhere) moved the checkpoint: this one must not write. */
export class CheckpointMovedError extends Error {
  readonly code = 'CHECKPOINT_MOVED';
}

/**
 * Locks the checkpoint row for the batch's transaction and checks that it is still where this
 * runner left it. Two projectors on the same database therefore cannot both apply a batch.
 */
export async function lockCheckpoint(
  tx: SqlQueryable,
  projection: string,
  expected: Position | undefined,
): Promise<void> {
  const [row] = await tx.query<CheckpointRow>(`${SELECT} FOR UPDATE`, [projection]);
  const actual = row && toPosition(row);
  const same =
    row !== undefined &&
    (actual === undefined || expected === undefined
      ? actual === expected
      : comparePositions(actual, expected) === 0);
  if (!same) {
    const describe = (p?: Position) => (p ? formatPosition(p) : 'the start');
    throw new CheckpointMovedError(
      `Checkpoint of "${projection}" is at ${row ? describe(actual) : 'nowhere (row deleted)'}, expected ${describe(expected)}: another projector is running on this database, or the read models were rebuilt`,
    );
  }
}

export async function saveCheckpoint(
  tx: SqlQueryable,
  projection: string,
  position: Position,
): Promise<void> {
  await tx.query(
    `UPDATE rm_projection_checkpoints
        SET commit_position = $2::bigint, prepare_position = $3::bigint, updated_at = now()
      WHERE projection = $1`,
    [projection, position.commit.toString(), position.prepare.toString()],
  );
}
