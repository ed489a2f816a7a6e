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
import { formatRate, median, rate, sampleData } from './bench-support';
import { eventStoreDbBaseline, sqlBaseline, type RawBaseline } from './raw-baselines';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const BATCH = 50;
const ROUNDS = 5;
const READ_PAGES = 20;

const SCENARIOS = [
  { name: 'single appends, 1 writer', writers: 1, batch: 1, perWriter: Math.round(1000 * SCALE) },
  { name: 'single appends, 16 writers', writers: 16, batch: 1, perWriter: Math.round(150 * SCALE) },
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
    perWriter: Math.round(8 * SCALE),
  },
];

function sampleEvents(firstRevision: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: 'BidSubmitted',
    version: 1,
    data: sampleData(firstRevision + i),
    metadata: { actor: { userId: 'bench', role: 'supplier' }, correlationId: randomUUID() },
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
  console.log(
    `Event-store benchmark (scale ${SCALE}); raw = the same writes with no adapter logic\n`,
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

  const db = await createScratchDatabase('bench');
  try {
    const postgres = await createPostgresEventStore({
      connectionString: db.url,
      maxConnections: 16,
    });
    const pool = new Pool({ connectionString: db.url, max: 16 });
    const raw = sqlBaseline(
      'pg',
      { query: async (text, params) => (await pool.query(text, params)).rows },
      () => pool.end(),
    );
    await measure('postgres', postgres, raw);
    await Promise.all([postgres.close(), raw.close()]);
  } finally {
    await db.drop();
  }

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
