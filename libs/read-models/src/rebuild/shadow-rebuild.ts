import {
  comparePositions,
  formatPosition,
  type EventStore,
  type Position,
  type RecordedEvent,
  type SqlClient,
} from '@fairtender/event-store';
import { READ_MODEL_PROJECTIONS } from '../read-models';
import type { Projection } from '../runner/projection';
import { READ_MODEL_MIGRATIONS } from '../schema/migrations';
import { applyBatch } from '../runner/apply-batch';
import { READ_MODEL_OMISSIONS } from '../runner/read-model-omissions';
import {
  earliest,
  ensureCheckpoints,
  groupsOf,
  readCheckpoint,
  READ_MODELS_PROJECTION,
} from '../runner/checkpoint';
import { compareWithLive, type TableComparison } from './compare';
import { assertSchemaName, inSchema } from './schema-client';

export interface RebuildProgress {
  /** Events read and projected so far (events of no tender are read, and skipped, too). */
  events: number;
  position: Position;
}

export interface ProjectRangeOptions {
  store: EventStore;
  /** Where the rows are written (e.g. `inSchema(client, shadow)`). */
  client: SqlClient;
  /** Inclusive; the end of the log when omitted. */
  upTo?: Position;
  projections?: readonly Projection[];
  batchSize?: number;
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Projects the log from the target's checkpoint up to `upTo` and stops: a bounded catch-up with the
 * runner's own `applyBatch` (rows and checkpoint in one transaction per batch). The next page is read
 * while the current one is written.
 */
export async function projectRange(
  options: ProjectRangeOptions,
): Promise<{ checkpoint?: Position; events: number }> {
  const { store, client, upTo } = options;
  const batchSize = options.batchSize ?? 10_000;
  const pageSize = options.pageSize ?? 10_000;
  const projections = options.projections ?? READ_MODEL_PROJECTIONS;
  let checkpoints = await ensureCheckpoints(client, READ_MODELS_PROJECTION, groupsOf(projections));
  let checkpoint = earliest(checkpoints.values());
  let events = 0;
  const readPage = (after: Position | undefined, maxCount: number) =>
    store
      .readAll({ after, maxCount, omit: READ_MODEL_OMISSIONS })
      .then((page) => ({ page, maxCount }));
  let next: Promise<{ page: RecordedEvent[]; maxCount: number }> | undefined = readPage(
    checkpoint,
    pageSize,
  );
  try {
    while (next) {
      const { page, maxCount }: { page: RecordedEvent[]; maxCount: number } = await next;
      const inRange = upTo
        ? page.filter((e: RecordedEvent) => comparePositions(e.position, upTo) <= 0)
        : page;
      const done: boolean = page.length < maxCount || inRange.length < page.length;
      next = done ? undefined : readPage(page[page.length - 1].position, pageSize);
      for (let i = 0; i < inRange.length; i += batchSize) {
        const batch = inRange.slice(i, i + batchSize);
        checkpoints = await applyBatch(batch, {
          client,
          projection: READ_MODELS_PROJECTION,
          projections,
          after: checkpoints,
        });
        checkpoint = batch.at(-1)!.position;
        events += batch.length;
        options.onProgress?.({ events, position: checkpoint });
      }
    }
  } finally {
    // Settle a read-ahead left behind by a failure above, so it never rejects unhandled.
    await (next as Promise<unknown> | undefined)?.catch(() => undefined);
  }
  return { checkpoint, events };
}

export interface ShadowRebuildOptions {
  store: EventStore;
  /** The database of the live read models; the shadow schema is created in it. */
  client: SqlClient;
  schema?: string;
  /** Keep the shadow schema afterwards (to inspect it); dropped by default. */
  keep?: boolean;
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** How many times to catch up with a live projector that keeps moving before comparing anyway. */
  maxRounds?: number;
  /** The projections, configured as the live projector's are (integrity thresholds). */
  projections?: readonly Projection[];
}

export interface RebuildReport {
  schema: string;
  kept: boolean;
  /** Where the rebuilt read models stand; null when the log is empty. */
  rebuiltTo: string | null;
  /** Where the live read models stood when compared; null when they were never projected. */
  liveCheckpoint: string | null;
  /** Both were compared at the same position (a moving live projector was caught up with). */
  aligned: boolean;
  eventsProjected: number;
  seconds: number;
  identical: boolean;
  tables: TableComparison[];
}

export async function createShadowSchema(client: SqlClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.transaction(async (tx) => {
    await tx.query(`CREATE SCHEMA ${schema}`);
    await tx.query(`SET LOCAL search_path TO ${schema}`);
    for (const migration of READ_MODEL_MIGRATIONS) await tx.query(migration.sql);
  });
}

export async function dropShadowSchema(client: SqlClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

const same = (a?: Position, b?: Position) =>
  a === undefined || b === undefined ? a === b : comparePositions(a, b) === 0;

/**
 * Rebuilds every read model from zero into a shadow schema of the same database, then compares it
 * with the live tables, row by row, at the same position of the log: the shadow is built up to the
 * live checkpoint, and if the live projector moves on meanwhile, the shadow catches up with it before
 * the comparison, which reads the live checkpoint and rows in one REPEATABLE READ snapshot.
 */
export async function rebuildAndCompare(options: ShadowRebuildOptions): Promise<RebuildReport> {
  const { store, client } = options;
  const schema = options.schema ?? `fairtender_rebuild_${Date.now()}`;
  const started = process.hrtime.bigint();
  await createShadowSchema(client, schema);
  const shadow = inSchema(client, schema);
  try {
    let live = await readCheckpoint(client);
    let rebuilt = await projectRange({
      store,
      client: shadow,
      upTo: live,
      batchSize: options.batchSize,
      projections: options.projections,
      onProgress: options.onProgress,
    });
    let eventsProjected = rebuilt.events;
    for (let round = 1; ; round += 1) {
      const outcome = await client.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const now = await readCheckpoint(tx);
        const behind =
          now !== undefined &&
          (rebuilt.checkpoint === undefined || comparePositions(now, rebuilt.checkpoint) > 0);
        if (behind && round < (options.maxRounds ?? 10)) return { now };
        return { now, tables: await compareWithLive(tx, schema) };
      });
      live = outcome.now;
      if (outcome.tables) {
        const identical = outcome.tables.every((t) => t.differences === 0);
        return {
          schema,
          kept: options.keep ?? false,
          rebuiltTo: rebuilt.checkpoint ? formatPosition(rebuilt.checkpoint) : null,
          liveCheckpoint: live ? formatPosition(live) : null,
          aligned: same(live, rebuilt.checkpoint),
          eventsProjected,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
          identical,
          tables: outcome.tables,
        };
      }
      const more = await projectRange({
        store,
        client: shadow,
        upTo: live,
        batchSize: options.batchSize,
        projections: options.projections,
        onProgress: (p) => options.onProgress?.({ ...p, events: eventsProjected + p.events }),
      });
      rebuilt = { checkpoint: more.checkpoint, events: rebuilt.events + more.events };
      eventsProjected += more.events;
    }
  } finally {
    if (!options.keep) await dropShadowSchema(client, schema);
  }
}
