/**
 * Event-store throughput: each reachable adapter beside the raw rate of the same writes with no adapter
 * logic, measured in the same run on the same machine. Run with `npm run bench:store`.
 * Optional: DATABASE_URL (PostgreSQL admin URL), EVENTSTORE_CONNECTION_STRING, BENCH_SCALE (default 1).
 */
import { randomUUID } from 'node:crypto';
import {
  createEmbeddedEventStore,
  createEventStoreDbEventStore,
  createPostgresEventStore,
  migrate,
  openEmbeddedDatabase,
  type EventStore,
  type EventToAppend,
} from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { Pool } from 'pg';
import { event, sealedBidData } from './bench-events';
import { formatRate, median, rate } from './bench-support';
import { emmettBench } from './emmett-store';
import {
  appendOneScript,
  eventStoreDbBaseline,
  minimalTableBaseline,
  pgbenchRate,
  preparedInsertBaseline,
  preparedInsertScript,
  sqlBaseline,
  type PgAppender,
  type RawBaseline,
} from './raw-baselines';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const BATCH = 50;
// Seven rounds of about a second or more each: a commit's WAL flush on this VM's disk varies by tens of
// per cent from one second to the next, and the median of seven is steadier than of five.
const ROUNDS = 7;
const READ_PAGES = 20;

const SCENARIOS = [
  { name: 'single appends, 1 writer', writers: 1, batch: 1, perWriter: Math.round(1000 * SCALE) },
  { name: 'single appends, 16 writers', writers: 16, batch: 1, perWriter: Math.round(300 * SCALE) },
  {
    name: `batches of ${BATCH}, 1 writer`,
    writers: 1,
    batch: BATCH,
    perWriter: Math.round(50 * SCALE),
  },
  {
    name: `batches of ${BATCH}, 16 writers`,
    writers: 16,
    batch: BATCH,
    perWriter: Math.round(16 * SCALE),
  },
];

const TENDER_ID = randomUUID();

/** Bid events as the API writes them (v2, about 1.3 KB with metadata): the row every contender writes. */
function sampleEvents(firstRevision: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    ...event('BidRevised', sealedBidData(TENDER_ID, 'supplier-0042', firstRevision + i), {
      userId: 'u-supplier-0042',
      organisationId: 'supplier-0042',
      role: 'supplier',
    }),
    version: 2,
  }));
}

function report(
  label: string,
  scenario: string,
  adapter: number,
  raw: number,
  rawLabel: string,
): void {
  const ratio = ((adapter / raw) * 100).toFixed(0).padStart(3);
  console.log(
    `${label.padEnd(12)} ${scenario.padEnd(28)} ${formatRate(adapter)} ev/s  ${formatRate(raw)} ev/s raw (${rawLabel})  ratio ${ratio}%`,
  );
}

async function measure(label: string, store: EventStore, raw: RawBaseline): Promise<void> {
  for (const s of SCENARIOS) {
    const rawRates: number[] = [];
    const adapterRates: number[] = [];
    // Alternate which goes first, so warm-up and table growth favour neither; report medians.
    for (let round = 0; round < ROUNDS; round += 1) {
      const run = randomUUID().slice(0, 8);
      const measureRaw = async () =>
        rawRates.push(
          await rate(s.writers, s.perWriter, (w, i) =>
            raw.append(`raw-${run}-${w}`, sampleEvents(i * s.batch, s.batch)),
          ),
        );
      const measureAdapter = async () =>
        adapterRates.push(
          await rate(s.writers, s.perWriter, (w, i) =>
            store.append(
              `bench-${run}-${w}`,
              sampleEvents(i * s.batch, s.batch),
              i === 0 ? 'no_stream' : i * s.batch - 1,
            ),
          ),
        );
      if (round % 2 === 0) await measureRaw().then(measureAdapter);
      else await measureAdapter().then(measureRaw);
    }
    report(label, s.name, median(adapterRates) * s.batch, median(rawRates) * s.batch, raw.label);
  }
  report(
    label,
    'readAll, pages of 1000',
    await adapterReadRate(store),
    await rawReadRate(raw),
    raw.label,
  );
}

async function adapterReadRate(store: EventStore): Promise<number> {
  let after;
  let count = 0;
  const started = process.hrtime.bigint();
  for (let page = 0; page < READ_PAGES; page += 1) {
    const events = await store.readAll({ after, maxCount: 1000 });
    if (events.length === 0) break;
    count += events.length;
    after = events.at(-1)!.position;
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function rawReadRate(raw: RawBaseline): Promise<number> {
  let count = 0;
  const started = process.hrtime.bigint();
  for (let page = 0; page < READ_PAGES; page += 1) count += await raw.readPage();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  const row = sampleEvents(0, 1)[0];
  console.log(
    `Event-store benchmark (scale ${SCALE}, Node ${process.version}); each event ${JSON.stringify(row.data).length + JSON.stringify(row.metadata).length} bytes of JSON (data and metadata), as a sealed bid\n`,
  );

  const embedded = await createEmbeddedEventStore({ dataDir: 'memory://' });
  const embeddedRawDb = await openEmbeddedDatabase('memory://');
  await migrate(embeddedRawDb);
  await measure(
    'embedded',
    embedded,
    sqlBaseline('PGlite', embeddedRawDb, () => embeddedRawDb.close()),
  );
  await Promise.all([embedded.close(), embeddedRawDb.close()]);

  await measurePostgres();

  const esdb = process.env.EVENTSTORE_CONNECTION_STRING;
  if (esdb) {
    const store = await createEventStoreDbEventStore({ connectionString: esdb });
    const raw = eventStoreDbBaseline(esdb);
    await measure('eventstoredb', store, raw);
    await Promise.all([store.close(), raw.close()]);
  } else {
    console.log('\neventstoredb: not measured (EVENTSTORE_CONNECTION_STRING is not set)');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

const STREAM_LENGTH = 1000;
const STREAM_READS = 20;
const SUBSCRIBER_WRITERS = 10;
const PGBENCH_SECONDS = Math.max(2, Math.round(4 * SCALE));
const PGBENCH_ROUNDS = 3;

/**
 * pgbench alone, 16 clients: the prepared INSERT and the adapter's one-event statement in turn,
 * PGBENCH_ROUNDS times each (medians), so what PostgreSQL itself spends on an append is measured
 * without Node; then the INSERT with one client.
 */
function pgbenchSideBySide(url: string, row: EventToAppend) {
  const insert: number[] = [];
  const append: number[] = [];
  for (let round = 0; round < PGBENCH_ROUNDS; round += 1) {
    const a = pgbenchRate(url, preparedInsertScript(row), 16, PGBENCH_SECONDS);
    const b = pgbenchRate(url, appendOneScript(row), 16, PGBENCH_SECONDS);
    if (a === undefined || b === undefined) return undefined;
    insert.push(a);
    append.push(b);
  }
  const insertOne = pgbenchRate(url, preparedInsertScript(row), 1, PGBENCH_SECONDS);
  if (insertOne === undefined) return undefined;
  return { insert: median(insert), append: median(append), insertOne };
}

/** A target line: `met` or `not met`, with the figure that decides it. */
function target(text: string, met: boolean, figure: string): boolean {
  console.log(`target  ${text.padEnd(62)} ${(met ? 'met' : 'not met').padEnd(8)} ${figure}`);
  return met;
}

const percent = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Runs every contender through each scenario `ROUNDS` times, rotating who goes first; medians. */
async function appendRates(contenders: PgAppender[]): Promise<Map<string, number[]>> {
  const rates = new Map<string, number[]>();
  console.log(
    `${'scenario'.padEnd(28)} ${contenders.map((c) => c.label.padStart(16)).join(' ')}   (events/s)`,
  );
  for (const s of SCENARIOS) {
    const perContender = contenders.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round += 1) {
      const run = randomUUID().slice(0, 8);
      for (let k = 0; k < contenders.length; k += 1) {
        const c = (k + round) % contenders.length;
        perContender[c].push(
          await rate(s.writers, s.perWriter, (w, i) =>
            contenders[c].append(`bench-${c}-${run}-${w}`, sampleEvents(i * s.batch, s.batch), i),
          ),
        );
      }
    }
    const medians = perContender.map((r) => median(r) * s.batch);
    rates.set(s.name, medians);
    console.log(`${s.name.padEnd(28)} ${medians.map((m) => formatRate(m).padStart(16)).join(' ')}`);
  }
  return rates;
}

async function timed(work: () => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const count = await work();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * 10 writers append single events to their own streams while a catch-up subscriber counts what it
 * receives of them. Then one more event is appended, after every writer's
 * commit: once the subscriber has delivered it, whatever of the writers' events it has not delivered
 * is missed (it will never come). Waits up to 60 s for that last event.
 */
async function subscriberMisses(
  append: (stream: string, events: EventToAppend[], i: number) => Promise<unknown>,
  subscribe: (seen: (eventId: string, streamName: string) => void) => Promise<() => Promise<void>>,
  perWriter: number,
): Promise<{ written: number; missed: number; duplicated: number; caughtUp: boolean }> {
  const run = `sub-${randomUUID().slice(0, 8)}`;
  const written = new Set<string>();
  const seen = new Map<string, number>();
  const stop = await subscribe((eventId, streamName) => {
    if (!streamName.startsWith(run)) return;
    seen.set(eventId, (seen.get(eventId) ?? 0) + 1);
  });
  await Promise.all(
    Array.from({ length: SUBSCRIBER_WRITERS }, async (_, w) => {
      for (let i = 0; i < perWriter; i += 1) {
        const events = sampleEvents(i, 1);
        written.add(events[0].eventId);
        await append(`${run}-${w}`, events, i);
      }
    }),
  );
  const [last] = sampleEvents(0, 1);
  await append(`${run}-last`, [last], 0);
  const deadline = Date.now() + 60_000;
  while (!seen.has(last.eventId) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  const missed = [...written].filter((id) => !seen.has(id)).length;
  const duplicated = [...seen.values()].filter((n) => n > 1).length;
  return { written: written.size, missed, duplicated, caughtUp: seen.has(last.eventId) };
}

/**
 * Each store's catch-up subscriber from the start of its own empty log in a database of its own
 * (Emmett's reactor reads its start from its stored checkpoint), under 10 concurrent writers.
 */
async function subscribers(perWriter: number) {
  const db = await createScratchDatabase('bench_sub');
  try {
    const postgres = await createPostgresEventStore({
      connectionString: db.url,
      maxConnections: 16,
    });
    const emmett = await emmettBench(db.url);
    try {
      const ours = await subscriberMisses(
        (stream, events, i) =>
          postgres.append(stream, events, i === 0 ? 'no_stream' : i * events.length - 1),
        async (seen) => {
          const controller = new AbortController();
          const subscription = postgres.subscribeToAll({ signal: controller.signal });
          const done = (async () => {
            for await (const e of subscription) seen(e.eventId, e.streamName);
          })();
          return async () => {
            controller.abort();
            await subscription.close();
            await done.catch(() => undefined);
          };
        },
        perWriter,
      );
      const theirs = await subscriberMisses(emmett.append, emmett.subscribe, perWriter);
      return { ours, theirs };
    } finally {
      await Promise.all([postgres.close(), emmett.close()]);
    }
  } finally {
    await db.drop();
  }
}

/**
 * PostgreSQL: the adapter, the honest raw baselines and Emmett's store in one scratch database, the
 * same rows for all, then reads and a catch-up subscriber under concurrent writers; targets last.
 */
async function measurePostgres(): Promise<void> {
  const db = await createScratchDatabase('bench');
  try {
    const postgres = await createPostgresEventStore({
      connectionString: db.url,
      maxConnections: 16,
    });
    const pool = new Pool({ connectionString: db.url, max: 16 });
    const emmett = await emmettBench(db.url);
    const adapter: PgAppender = {
      label: 'fairtender',
      append: (stream, events, i) =>
        postgres.append(stream, events, i === 0 ? 'no_stream' : i * events.length - 1),
    };
    const prepared = preparedInsertBaseline(pool);
    const minimal = await minimalTableBaseline(pool);
    const peer: PgAppender = { label: 'emmett', append: emmett.append };
    console.log(`\npostgres: appends (medians of ${ROUNDS} rounds)`);
    const rates = await appendRates([adapter, prepared, minimal, peer]);

    const pgbench = pgbenchSideBySide(db.url, sampleEvents(0, 1)[0]);
    console.log(
      pgbench === undefined
        ? 'pgbench: not measured (not installed or failed)'
        : `pgbench, the prepared INSERT: ${formatRate(pgbench.insertOne)} ev/s with 1 client, ${formatRate(pgbench.insert)} ev/s with 16; ` +
            `the adapter's one-event append statement with 16: ${formatRate(pgbench.append)} ev/s (${percent(pgbench.append, pgbench.insert)}, no Node client; medians of ${PGBENCH_ROUNDS} alternations)`,
    );

    // Stream read: one stream of STREAM_LENGTH events in each store, read whole STREAM_READS times.
    const streamRun = randomUUID().slice(0, 8);
    for (let i = 0; i < STREAM_LENGTH / BATCH; i += 1) {
      await adapter.append(`read-${streamRun}`, sampleEvents(i * BATCH, BATCH), i);
      await emmett.append(`read-${streamRun}`, sampleEvents(i * BATCH, BATCH), i);
    }
    const streamReads = { fairtender: [] as number[], emmett: [] as number[] };
    for (let round = 0; round < STREAM_READS; round += 1) {
      streamReads.fairtender.push(
        await timed(async () => (await postgres.readStream(`read-${streamRun}`)).length),
      );
      streamReads.emmett.push(await timed(() => emmett.readStream(`read-${streamRun}`)));
    }
    const fairtenderLog = await adapterReadRate(postgres);
    const rawLog = await rawReadRate(
      sqlBaseline(
        'pg',
        { query: async (text, params) => (await pool.query(text, params)).rows },
        () => Promise.resolve(),
      ),
    );
    const emmettLog = await timed(() => emmett.readLog(READ_PAGES, 1000));
    const streamFairtender = median(streamReads.fairtender);
    const streamEmmett = median(streamReads.emmett);
    console.log(
      `stream read (${STREAM_LENGTH} events): fairtender ${formatRate(streamFairtender)} ev/s, emmett ${formatRate(streamEmmett)} ev/s`,
    );
    console.log(
      `log read (${READ_PAGES} pages of 1000): fairtender ${formatRate(fairtenderLog)} ev/s, raw SELECT ${formatRate(rawLog)} ev/s, emmett ${formatRate(emmettLog)} ev/s`,
    );

    const { ours, theirs } = await subscribers(Math.round(300 * SCALE));
    const subscriberLine = (label: string, r: typeof ours) =>
      `${label}: ${r.missed} missed (${percent(r.missed, r.written)}), ${r.duplicated} duplicated of ${r.written}`;
    console.log(
      `catch-up subscriber, ${SUBSCRIBER_WRITERS} writers: ${subscriberLine('fairtender', ours)}; ${subscriberLine('emmett', theirs)}`,
    );

    console.log('\nratios (fairtender against each, same run)');
    const rows: [string, number, number][] = [];
    for (const s of SCENARIOS) {
      const [a, p, m, e] = rates.get(s.name)!;
      console.log(
        `${s.name.padEnd(28)} ${percent(a, p).padStart(5)} of prepared INSERT  ${percent(a, m).padStart(5)} of minimal table  ${times(a, e).padStart(6)} emmett`,
      );
      rows.push([s.name, a, e]);
    }
    rows.push(['stream read', streamFairtender, streamEmmett]);
    rows.push(['log read', fairtenderLog, emmettLog]);
    console.log(
      `${'stream read'.padEnd(28)} ${times(streamFairtender, streamEmmett)} emmett; log read ${times(fairtenderLog, emmettLog)} emmett, ${percent(fairtenderLog, rawLog)} of raw SELECT`,
    );

    console.log('');
    for (const name of ['single appends, 16 writers', `batches of ${BATCH}, 16 writers`]) {
      const [a, p] = rates.get(name)!;
      target(
        `adapter ${name} ≥ 70% of prepared INSERT`,
        a / p >= 0.7,
        `${percent(a, p)} (${formatRate(a).trim()} against ${formatRate(p).trim()} ev/s)`,
      );
    }
    const behind = rows.filter(([, a, e]) => a <= e);
    const lowest = rows.reduce((low, r) => (r[1] / r[2] < low[1] / low[2] ? r : low));
    target(
      'ahead of Emmett on every row',
      behind.length === 0,
      `lowest ${times(lowest[1], lowest[2])} (${lowest[0]})${behind.length ? `; behind on ${behind.map((r) => r[0]).join(', ')}` : ''}`,
    );
    target(
      `catch-up subscriber loses nothing under ${SUBSCRIBER_WRITERS} writers`,
      ours.caughtUp && ours.missed === 0 && ours.duplicated === 0,
      `${ours.missed} missed, ${ours.duplicated} duplicated of ${ours.written} (emmett ${theirs.missed} missed)`,
    );

    await Promise.all([postgres.close(), pool.end(), emmett.close()]);
  } finally {
    await db.drop();
  }
}
