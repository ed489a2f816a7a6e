import { EventIdConflictError, WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  EventOmissions,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { CatchUpSubscription } from '../catch-up-subscription';
import {
  assertReadAll,
  assertReadStream,
  assertStreamPrefix,
  assertSubscribe,
  prepareAppend,
  type PreparedEvent,
} from '../validation';
import type { SqlClient } from './sql-client';
import { AppendNotifier } from './append-notifier';
import { APPEND_CALL_SQL, APPEND_ONE_SQL, APPEND_SQL, REPLAYED_SQL } from './append-statement';
import {
  EVENT_COLUMNS,
  eventColumns,
  statementName,
  toRecordedEvent,
  type EventRow,
} from './event-rows';
import { WakeSignal } from './wake-signal';

const CHANNEL = 'fairtender_events';
const UNIQUE_VIOLATION = '23505';
const MAX_RACE_RETRIES = 100;

interface AppendRow {
  status: 'ok' | 'idempotent' | 'event_id_conflict' | 'wrong_expected_version' | 'not_found';
  actual_revision: string | number;
  next_revision: string | number | null;
  commit_position: string | null;
  prepare_position: string | null;
}

interface AppendStatement {
  text: string;
  params: unknown[];
  /** Server-side prepared statement name (`pg` only). */
  name?: string;
}

export interface SqlEventStoreOptions {
  /** Fallback re-read interval for live subscriptions, should a NOTIFY be missed. */
  pollIntervalMs?: number;
  /** Events fetched per page while catching up. */
  pageSize?: number;
  /** Close the SQL client with the store (false when the client is shared with read models). */
  closeClient?: boolean;
}

/** The PostgreSQL and embedded adapters: identical SQL over `pg` or PGlite. */
export class SqlEventStore implements EventStore {
  private readonly wake = new WakeSignal();
  private readonly notifier: AppendNotifier;
  private unlisten?: Promise<() => Promise<void>>;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly closeClient: boolean;

  constructor(
    private readonly client: SqlClient,
    options: SqlEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 1000;
    this.closeClient = options.closeClient ?? true;
    this.notifier = new AppendNotifier(client, CHANNEL);
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamName, events, expectedRevision);
    const exact = typeof expectedRevision === 'number';
    const expectation = [
      streamName,
      exact ? 'exact' : expectedRevision,
      exact ? expectedRevision : null,
    ];
    const ids = prepared.map((e) => e.eventId);
    const contentHashes = prepared.map((e) => e.contentHash.toString('hex'));
    const statement = this.appendStatement(expectation, prepared, ids, contentHashes);
    const row = await this.appendRow(statement, [...expectation, ids, contentHashes]);
    switch (row.status) {
      case 'ok':
        this.wake.wake();
        this.notifier.appended();
        return toAppendResult(row);
      case 'idempotent':
        return toAppendResult(row);
      case 'wrong_expected_version':
        throw new WrongExpectedVersionError(
          streamName,
          expectedRevision,
          Number(row.actual_revision),
        );
      case 'event_id_conflict':
      case 'not_found':
        throw new EventIdConflictError(
          `Event ids in this batch were already used by other events; a retry must resend the same batch, unchanged, with the same expected revision`,
          { streamName },
        );
    }
  }

  /**
   * Runs the append statement. A writer that lost a race for a revision runs again on the new head;
   * when the ids were written before, the earlier write decides: the same batch is answered with its
   * first result, anything else is a conflict.
   */
  private async appendRow(statement: AppendStatement, replayParams: unknown[]): Promise<AppendRow> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const [row] = await this.client.query<AppendRow>(
          statement.text,
          statement.params,
          statement.name,
        );
        if (row.status === 'ok') return row;
        const replayed = await this.replayed(replayParams);
        return replayed.status === 'not_found' ? row : replayed;
      } catch (error) {
        const { code, constraint } = error as { code?: string; constraint?: string };
        if (code !== UNIQUE_VIOLATION || attempt >= MAX_RACE_RETRIES) throw error;
        if (constraint === 'fairtender_events_event_id_unique') {
          const replayed = await this.replayed(replayParams);
          if (replayed.status !== 'not_found') return replayed;
        }
      }
    }
  }

  /** One event over `pg` takes the statement without arrays; PGlite calls the SQL function. */
  private appendStatement(
    expectation: unknown[],
    prepared: PreparedEvent[],
    ids: string[],
    contentHashes: string[],
  ): AppendStatement {
    if (this.client.preparesStatements && prepared.length === 1) {
      const [e] = prepared;
      return {
        text: APPEND_ONE_SQL,
        name: 'fairtender_append_one',
        params: [
          ...expectation,
          e.eventId,
          e.type,
          e.version,
          e.data,
          e.metadata,
          contentHashes[0],
        ],
      };
    }
    const params = [
      ...expectation,
      ids,
      prepared.map((e) => e.type),
      prepared.map((e) => e.version),
      `[${prepared.map((e) => e.data).join(',')}]`,
      `[${prepared.map((e) => e.metadata).join(',')}]`,
      contentHashes,
    ];
    return this.client.preparesStatements
      ? { text: APPEND_SQL, name: 'fairtender_append', params }
      : { text: APPEND_CALL_SQL, params };
  }

  private async replayed(replayParams: unknown[]): Promise<AppendRow> {
    const [row] = await this.client.query<AppendRow>(
      REPLAYED_SQL,
      replayParams,
      'fairtender_replayed',
    );
    return row;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadStream(streamName, options);
    const backwards = options.direction === 'backwards';
    const { omit } = options;
    const rows = await this.client.query<EventRow>(
      `SELECT ${eventColumns('fairtender_events', omit, '$4')} FROM fairtender_events
        WHERE stream_name = $1 AND ($2::bigint IS NULL OR revision ${backwards ? '<=' : '>='} $2::bigint)
        ORDER BY fairtender_events.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamName, options.fromRevision ?? null, options.maxCount ?? null, ...omittedFields(omit)],
      statementName(
        backwards ? 'fairtender_read_stream_backwards' : 'fairtender_read_stream',
        omit,
      ),
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadAll(options);
    const after = options.after ?? { commit: 0n, prepare: 0n };
    const { omit, streamPrefix } = options;
    const params: unknown[] = [
      after.commit.toString(),
      after.prepare.toString(),
      options.maxCount ?? null,
      ...omittedFields(omit),
    ];
    const fieldsParam = omittedFields(omit).length > 0 ? '$4' : undefined;
    // Only transactions older than every in-flight one are visible: see migrations.ts.
    const visible = `(transaction_id, position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;
    if (streamPrefix === undefined) {
      const rows = await this.client.query<EventRow>(
        `SELECT ${eventColumns('fairtender_events', omit, fieldsParam)} FROM fairtender_events
          WHERE ${visible}
          ORDER BY transaction_id, position LIMIT $3`,
        params,
        statementName('fairtender_read_all', omit),
      );
      return rows.map(toRecordedEvent);
    }
    params.push(escapeLike(streamPrefix) + '%');
    // The prefix index holds a tender's events stream by stream: their global order is a sort. The
    // page is chosen by sorting the positions alone, then each row is fetched by primary key in that
    // order (LATERAL … OFFSET 0 keeps the planner to that nested loop: for a page of 10,000 it chose
    // a hash join over a scan of the whole table, then sorted whole rows, which spills to disk).
    // Unnamed, so it is planned with its real prefix every time: prepared, the server may switch to
    // a generic plan that scans the rest of the log on a tender's last page.
    const rows = await this.client.query<EventRow>(
      `SELECT ${eventColumns('e', omit, fieldsParam)}
         FROM (SELECT transaction_id, position FROM fairtender_events
                WHERE ${visible} AND stream_name LIKE $${params.length}
                ORDER BY transaction_id, position LIMIT $3) page
        CROSS JOIN LATERAL (SELECT * FROM fairtender_events e
                             WHERE e.position = page.position OFFSET 0) e
        ORDER BY page.transaction_id, page.position`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async readStreamHeads(streamPrefix: string): Promise<RecordedEvent[]> {
    assertStreamPrefix(streamPrefix);
    const rows = await this.client.query<EventRow>(
      `SELECT DISTINCT ON (stream_name) ${EVENT_COLUMNS} FROM fairtender_events
        WHERE stream_name LIKE $1
        ORDER BY stream_name, fairtender_events.revision DESC`,
      [escapeLike(streamPrefix) + '%'],
    );
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    assertSubscribe(options);
    this.unlisten ??= this.client.listen(CHANNEL, () => this.wake.wake());
    const listening = this.unlisten;
    return new CatchUpSubscription({
      ...options,
      pageSize: this.pageSize,
      readPage: async (after, maxCount) => {
        await listening;
        const seen = this.wake.current;
        const events = await this.readAll({
          after,
          streamPrefix: options.streamPrefix,
          maxCount,
          omit: options.omit,
        });
        return {
          events,
          waitForMore: (signal) => this.wake.wait(seen, this.pollIntervalMs, signal),
        };
      },
    });
  }

  async ping(): Promise<void> {
    await this.client.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.wake.wake();
    if (this.unlisten) await (await this.unlisten)();
    if (this.closeClient) await this.client.close();
  }
}

/** The names of the data fields a read leaves out, as its last parameter (none: no parameter). */
const omittedFields = (omit?: EventOmissions): [readonly string[]] | [] =>
  omit?.data?.length ? [omit.data] : [];

function escapeLike(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => '\\' + c);
}

function toAppendResult(row: AppendRow): AppendResult {
  return {
    nextRevision: Number(row.next_revision),
    position: { commit: BigInt(row.commit_position!), prepare: BigInt(row.prepare_position!) },
  };
}
