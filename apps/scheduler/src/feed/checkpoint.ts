import {
  migrate,
  type MigrationReport,
  type Position,
  type SqlClient,
  type SqlQueryable,
} from '@fairtender/event-store';
import type { Migration } from '@fairtender/event-store';

/** The scheduler's own table (id 2000; notifications use 2010+, read models 1000+, events 1..99). */
export const SCHEDULER_MIGRATIONS: readonly Migration[] = [
  {
    id: 2000,
    name: 'scheduler: checkpoints of the scheduler feed',
    sql: /* sql */ `
CREATE TABLE scheduler_checkpoints (
  name              text PRIMARY KEY,
  commit_position   bigint NOT NULL,
  prepare_position  bigint NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);`,
  },
];

export function migrateScheduler(client: SqlClient): Promise<MigrationReport> {
  return migrate(client, SCHEDULER_MIGRATIONS);
}

export const SCHEDULER_FEED = 'scheduler';

interface Row {
  commit_position: string;
  prepare_position: string;
}

export async function readCheckpoint(
  db: SqlQueryable,
  name = SCHEDULER_FEED,
): Promise<Position | undefined> {
  const [row] = await db.query<Row>(
    `SELECT commit_position::text, prepare_position::text FROM scheduler_checkpoints WHERE name = $1`,
    [name],
  );
  return row && { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}

/**
 * Moves the checkpoint forward only: two scheduler processes may share it (each enqueues what it reads,
 * idempotently), and the slower one must not drag it back.
 */
export async function advanceCheckpoint(
  db: SqlQueryable,
  position: Position,
  name = SCHEDULER_FEED,
): Promise<void> {
  await db.query(
    `INSERT INTO scheduler_checkpoints AS c (name, commit_position, prepare_position)
     VALUES ($1, $2::bigint, $3::bigint)
     ON CONFLICT (name) DO UPDATE
       SET commit_position = EXCLUDED.commit_position,
           prepare_position = EXCLUDED.prepare_position,
           updated_at = now()
       WHERE (c.commit_position, c.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
    [name, position.commit.toString(), position.prepare.toString()],
  );
}
