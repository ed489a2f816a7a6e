/**
 * Event-store throughput: each adapter beside the raw rate of the same INSERTs with no adapter logic,
 * measured in the same run on the same machine. Run with `npm run bench:store`.
 * Optional: DATABASE_URL (PostgreSQL admin URL), EVENTSTORE_CONNECTION_STRING, BENCH_SCALE (default 1).
 */
import { randomUUID } from 'node:crypto';
import {
  createEmbeddedEventStore,
  createPostgresEventStore,
  type EventStore,
  type SqlQueryable,
} from '@fairtender/event-store';
import { Pool } from 'pg';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { formatRate, rate, sampleData } from './bench-support';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const BATCH = 50;
const ROUNDS = 3;
const HASH = Buffer.alloc(32, 7);

interface Scenario {
  name: string;
  writers: number;
  batch: number;
  perWriter: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'single appends, 1 writer', writers: 1, batch: 1, perWriter: Math.round(1000 * SCALE) },
  { name: 'single appends, 16 writers', writers: 16, batch: 1, perWriter: Math.round(150 * SCALE) },
  { name: `batches of ${BATCH}, 1 writer`, writers: 1, batch: BATCH, perWriter: Math.round(50 * SCALE) },
  { name: `batches of ${BATCH}, 16 writers`, writers: 16, batch: BATCH, perWriter: Math.round(8 * SCALE) },
];

/** The same rows the adapter writes, as plain INSERTs: no expectation check, no hashing, no notify. */
function rawInsert(db: SqlQueryable, stream: string, firstRevision: number, count: number): Promise<unknown> {
  const events = sampleEvents(firstRevision, count);
  return db.query(
    `INSERT INTO fairtender_events (event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash)
     SELECT id, $2, $3 + n - 1, 'BidSubmitted', 1, $4::jsonb -> (n::int - 1), $5::jsonb -> (n::int - 1), $6, $6
       FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, n)`,
    [
      events.map((e) => e.eventId),
      stream,
      firstRevision,
      JSON.stringify(events.map((e) => e.data)),
      JSON.stringify(events.map((e) => e.metadata)),
      HASH,
    ],
  );
}

function adapterAppend(store: EventStore, stream: string, firstRevision: number, count: number): Promise<unknown> {
  return store.append(stream, sampleEvents(firstRevision, count), firstRevision === 0 ? 'no_stream' : firstRevision - 1);
}

function sampleEvents(firstRevision: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: 'BidSubmitted',
    version: 1,
    data: sampleData(firstRevision + i),
    metadata: { actor: { userId: 'bench', role: 'supplier' }, correlationId: randomUUID() },
  }));
}

async function measure(label: string, store: EventStore, raw: SqlQueryable, rawLabel: string): Promise<string[]> {
  const lines: string[] = [];
  for (const s of SCENARIOS) {
    const rawRates: number[] = [];
    const adapterRates: number[] = [];
    // Alternate which goes first, so warm-up and table growth favour neither; report medians.
    for (let round = 0; round < ROUNDS; round += 1) {
      const run = randomUUID().slice(0, 8);
      const measureRaw = async () =>
        rawRates.push(await rate(s.writers, s.perWriter, (w, i) => rawInsert(raw, `raw-${run}-${w}`, i * s.batch, s.batch)));
      const measureAdapter = async () =>
        adapterRates.push(await rate(s.writers, s.perWriter, (w, i) => adapterAppend(store, `bench-${run}-${w}`, i * s.batch, s.batch)));
      if (round % 2 === 0) await measureRaw().then(measureAdapter);
      else await measureAdapter().then(measureRaw);
    }
    const rawRate = median(rawRates);
    const adapterRate = median(adapterRates);
    lines.push(
      `${label.padEnd(12)} ${s.name.padEnd(28)} ${formatRate(adapterRate * s.batch)} ev/s  ${formatRate(rawRate * s.batch)} ev/s raw (${rawLabel})  ratio ${(adapterRate / rawRate * 100).toFixed(0).padStart(3)}%`,
    );
    console.log(lines.at(-1));
  }
  const rawRead = await rate(1, 20, (_, i) => raw.query('SELECT * FROM fairtender_events ORDER BY position LIMIT 1000 OFFSET $1', [i * 1000]));
  const adapterRead = await readAllRate(store);
  lines.push(`${label.padEnd(12)} ${'readAll, pages of 1000'.padEnd(28)} ${formatRate(adapterRead)} ev/s  ${formatRate(rawRead * 1000)} ev/s raw (${rawLabel})  ratio ${(adapterRead / (rawRead * 1000) * 100).toFixed(0).padStart(3)}%`);
  console.log(lines.at(-1));
  return lines;
}

async function readAllRate(store: EventStore): Promise<number> {
  let after;
  let count = 0;
  const started = process.hrtime.bigint();
  for (let page = 0; page < 20; page += 1) {
    const events = await store.readAll({ after, maxCount: 1000 });
    if (events.length === 0) break;
    count += events.length;
    after = events.at(-1)!.position;
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(): Promise<void> {
  console.log(`Event-store benchmark (scale ${SCALE}); raw = the same INSERT rows with no adapter logic\n`);

  const embedded = await createEmbeddedEventStore({ dataDir: 'memory://' });
  const embeddedRaw = await createEmbeddedEventStore({ dataDir: 'memory://' });
  await measure('embedded', embedded, rawClientOf(embeddedRaw), 'PGlite');
  await Promise.all([embedded.close(), embeddedRaw.close()]);

  const db = await createScratchDatabase('bench');
  try {
    const postgres = await createPostgresEventStore({ connectionString: db.url, maxConnections: 16 });
    const pool = new Pool({ connectionString: db.url, max: 16 });
    const raw: SqlQueryable = { query: async (text, params) => (await pool.query(text, params)).rows };
    await measure('postgres', postgres, raw, 'pg');
    await Promise.all([postgres.close(), pool.end()]);
  } finally {
    await db.drop();
  }

  if (process.env.EVENTSTORE_CONNECTION_STRING) {
    console.log('\nEventStoreDB: see the contract suite; its raw rate is not comparable to SQL INSERTs.');
  } else {
    console.log('\nEventStoreDB: skipped (EVENTSTORE_CONNECTION_STRING is not set).');
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function rawClientOf(store: EventStore): SqlQueryable {
  return (store as unknown as { client: SqlQueryable }).client;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
