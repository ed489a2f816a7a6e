/**
 * Legal replay (docs/benchmarks.md): fold one 10,000-event tender (read included) and rebuild every read model
 * from 1,000,000 events on PostgreSQL, each beside the raw read rate of the same rows (a plain SELECT
 * through `pg`, no adapter) measured in the same run: of every column (`SELECT *`), and of the columns
 * the fold and the read models read (no bid ciphertext, no metadata). Targets last, `met` or `not met`.
 * Run with `npm run bench:replay`.
 * Optional: DATABASE_URL (PostgreSQL admin URL), BENCH_SCALE (multiplies the 1,000,000; default 1),
 * BENCH_KEEP_DATABASE=1 (keep the scratch database, to inspect it), BENCH_BID_DOCUMENTS: `uploaded`
 * (default: each bid names a document by reference, v2 events, the bytes outside the log) or `inline`
 * (each bid event carries a BENCH_INLINE_DOCUMENT_KB document, default 16, inside its ciphertext, as
 * bids were stored before uploads: v1 events).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  createPostgresEventStore,
  formatPosition,
  PgSqlClient,
  type Position,
  type SqlEventStore,
} from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { readTenderLog, replayStates, STATE_FOLD_OMISSIONS, verifyTender } from '@fairtender/legal';

import { migrateReadModels, ProjectionRunner, rebuildAndCompare } from '@fairtender/read-models';
import { currentVersion } from '@fairtender/domain';
import { ScenarioStore } from '../test/support/scenario-store';
import { at, benchNotice, benchScenario, CIPHERTEXT } from './bench-events';
import { formatRate, median, target } from './bench-support';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const FOLD_ROUNDS = 5;
const WRITERS = 8;
/** Every generated market tender has exactly this many events (see `marketTender`). */
const EVENTS_PER_TENDER = 1000;
const BIG_TENDER_SUPPLIERS = 995;
const LOG_EVENTS = Math.round(1_000_000 * SCALE);
const INLINE_DOCUMENTS = process.env.BENCH_BID_DOCUMENTS === 'inline';
const DOCUMENT_BYTES = Number(process.env.BENCH_INLINE_DOCUMENT_KB ?? '16') * 1024;
// Base64 inside the sealed JSON, then base64 of the ciphertext: an inline document grows by 16/9.
const BID_CIPHERTEXT = INLINE_DOCUMENTS
  ? randomBytes(480 + Math.ceil((DOCUMENT_BYTES * 4) / 3)).toString('base64')
  : CIPHERTEXT;

const terms = benchNotice(
  [
    { id: 'quality', name: 'Technical quality', weight: 60, kind: 'quality' },
    { id: 'price', name: 'Price', weight: 40, kind: 'price' },
  ],
  2,
);

/**
 * A whole tender decided by the real deciders (the scenario builder, docs/testing.md#the-scenario-builder):
 * the notice with its questions and answers; each supplier's submission and revisions; the
 * amendments, then each supplier's re-confirmation; late attempts refused at the deadline; closing and
 * the opening that anchors every bid stream's head. Appended stream by stream; returns the number of
 * events written.
 */
async function appendTender(
  store: SqlEventStore,
  tenderId: string,
  shape: {
    questions: number;
    amendments: number;
    suppliers: number;
    bidEvents: number;
    late: number;
  },
): Promise<number> {
  const tender = benchScenario(tenderId, terms).publish();
  for (let q = 0; q < shape.questions; q += 1) {
    tender
      .ask(`s${q}`, {
        questionId: `q${q}`,
        question: `Does lot ${q} include spares?`,
        at: at(2 + q),
      })
      .answer(`q${q}`, { answer: 'Yes, two per camera.', at: at(3 + q) });
  }
  const sealed = (n: number) => ({
    at: at(50 + n),
    contentHash: randomBytes(32).toString('hex'),
    sizeBytes: 360,
    sealed: { iv: 'MTIzNDU2Nzg5MDEy', ciphertext: BID_CIPHERTEXT, tag: 'dGFnLXRhZy10YWctdGFn' },
    documents: INLINE_DOCUMENTS
      ? []
      : [
          {
            documentId: randomUUID(),
            sizeBytes: DOCUMENT_BYTES,
            sha256: randomBytes(32).toString('hex'),
            sealedSha256: randomBytes(32).toString('hex'),
          },
        ],
  });
  const suppliers = Array.from({ length: shape.suppliers }, (_, s) => `supplier-${s}`);
  for (const supplierId of suppliers) {
    tender.bid(supplierId, sealed(0));
    for (let n = 1; n < shape.bidEvents - 1; n += 1) tender.revise(supplierId, sealed(n));
  }
  for (let a = 0; a < shape.amendments; a += 1) {
    tender.amend({ title: `${terms.title} (v${a + 2})` }, { at: at(100 + a) });
  }
  for (const supplierId of suppliers) tender.reconfirm(supplierId, { at: at(300) });
  const late = new Date(Date.parse(terms.submissionDeadline) + 1).toISOString();
  for (let l = 0; l < shape.late; l += 1) tender.lateBid(`late-${l}`, { at: late });
  tender.closed().opened({ at: new Date(Date.parse(late) + 60_000).toISOString() });
  await new ScenarioStore(store, { versionOf }).append(tender, { batched: true });
  return tender.entries().length;
}

/** Inline documents: the bids as stored before uploads, version 1 (upcast on read). */
const versionOf = (type: string) =>
  INLINE_DOCUMENTS && (type === 'BidSubmitted' || type === 'BidRevised') ? 1 : currentVersion(type);

/** 45 notice events + 95 bid streams of 10 + 2 late attempts + 3 closing = 1,000 events. */
const MARKET_TENDER = { questions: 20, amendments: 2, suppliers: 95, bidEvents: 10, late: 2 };
/** 3 + 2×20 + 2 notice events, 995 bid streams of 10, 5 late attempts, 3 closing: 10,003 events. */
const BIG_TENDER = {
  questions: 20,
  amendments: 2,
  suppliers: BIG_TENDER_SUPPLIERS,
  bidEvents: 10,
  late: 5,
};

function progress(label: string, done: number, total: number, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `\r  ${label}: ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} events (${formatRate(done / seconds).trim()} ev/s)   `,
  );
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Every column, or (`NEEDED`) what a fold and the read models read: no bid ciphertext or document
 * facts, no metadata.
 */
const EVERY_COLUMN = '*';
const NEEDED = `event_id, type, version, stream_name, revision, transaction_id, position,
  data - '{sealed,documents}'::text[] AS data, recorded_at, previous_hash, hash`;

async function rawTenderRead(sql: Client, tenderId: string, columns: string): Promise<number> {
  const { rows } = await sql.query(
    `SELECT ${columns} FROM fairtender_events WHERE stream_name = $1 OR stream_name LIKE $2 ORDER BY transaction_id, position`,
    [`tender-${tenderId}`, `tender-${tenderId}.%`],
  );
  return rows.length;
}

async function rawLogRead(sql: Client, columns: string): Promise<number> {
  let count = 0;
  let after = '0';
  for (;;) {
    const { rows } = await sql.query<{ position: string }>(
      `SELECT ${columns} FROM fairtender_events WHERE position > $1 ORDER BY position LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) return count;
    count += rows.length;
    after = rows[rows.length - 1].position;
  }
}

async function lastPosition(sql: Client): Promise<Position> {
  const { rows } = await sql.query<{ c: string; p: string }>(
    `SELECT transaction_id::text AS c, position::text AS p FROM fairtender_events
      ORDER BY transaction_id DESC, position DESC LIMIT 1`,
  );
  return { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) };
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  console.log(
    `Replay benchmark (scale ${SCALE}); raw = a plain SELECT of the same rows through pg, no adapter\n`,
  );
  const database = await createScratchDatabase('bench_replay');
  const store = await createPostgresEventStore({
    connectionString: database.url,
    maxConnections: 12,
  });
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  const client = new PgSqlClient({ connectionString: database.url, max: 8 });
  try {
    await migrateReadModels(client);

    // The log: market tenders, and among them one big tender of 10,000 events.
    const bigTenderId = randomUUID();
    const marketTenders = Math.max(1, Math.round((LOG_EVENTS - 10_003) / EVENTS_PER_TENDER));
    const generation = process.hrtime.bigint();
    let written = await appendTender(store, bigTenderId, BIG_TENDER);
    let next = 0;
    const total = written + marketTenders * EVENTS_PER_TENDER;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < marketTenders) {
          next += 1;
          const appended = await appendTender(store, randomUUID(), MARKET_TENDER);
          written += appended;
          if (next % 20 === 0) progress('appending', written, total, generation);
        }
      }),
    );
    process.stderr.write('\n');
    const generationSeconds = seconds(generation);
    console.log(
      `log: ${written.toLocaleString('en-GB')} events (${marketTenders} tenders of ${EVENTS_PER_TENDER} + one of ${BIG_TENDER_SUPPLIERS} bidders), appended in batches by ${WRITERS} writers in ${generationSeconds.toFixed(0)} s (${formatRate(written / generationSeconds).trim()} ev/s)\n`,
    );
    await sql.query('VACUUM ANALYZE fairtender_events');

    // 1. Fold one tender: read every stream of it in global order, upcast, evolve.
    const rates = {
      fold: [] as number[],
      readAsFolded: [] as number[],
      readWhole: [] as number[],
      rawNeeded: [] as number[],
      rawEvery: [] as number[],
    };
    let folded = 0;
    const timed = async (into: number[], run: () => Promise<number>) => {
      const begin = process.hrtime.bigint();
      const events = await run();
      into.push(events / seconds(begin));
    };
    const readLog = async (omit?: typeof STATE_FOLD_OMISSIONS) => {
      let events = 0;
      for await (const page of readTenderLog(store, bigTenderId, { omit })) events += page.length;
      return events;
    };
    const rounds = [
      () =>
        timed(rates.fold, async () => {
          const [view] = await replayStates(store, bigTenderId, [{ kind: 'now' }]);
          if (view.tender.stage !== 'evaluation' || view.bids.bidCount !== BIG_TENDER_SUPPLIERS)
            throw new Error(`Unexpected fold: ${JSON.stringify(view.bids).slice(0, 200)}`);
          folded = view.asOf.events;
          return folded;
        }),
      () => timed(rates.readAsFolded, () => readLog(STATE_FOLD_OMISSIONS)),
      () => timed(rates.readWhole, () => readLog()),
      () => timed(rates.rawNeeded, () => rawTenderRead(sql, bigTenderId, NEEDED)),
      () => timed(rates.rawEvery, () => rawTenderRead(sql, bigTenderId, EVERY_COLUMN)),
    ];
    // Rotate which goes first, so warm caches favour none of them; report medians.
    for (let round = 0; round < FOLD_ROUNDS * rounds.length; round += 1) {
      for (let i = 0; i < rounds.length; i += 1) await rounds[(round + i) % rounds.length]();
    }
    const verifyStart = process.hrtime.bigint();
    const verified = await verifyTender(store, bigTenderId);
    const verifyRate = verified.eventsChecked / seconds(verifyStart);
    if (!verified.intact)
      throw new Error(`The big tender does not verify: ${verified.firstBreak?.message}`);

    // 2. Rebuild every read model from zero: the projector's runner, then the CLI's shadow rebuild.
    const end = await lastPosition(sql);
    const runnerStart = process.hrtime.bigint();
    const runner = new ProjectionRunner({ store, client });
    await runner.start();
    for (;;) {
      const status = runner.status();
      if (status.state === 'failed') throw new Error(status.error);
      if (status.checkpoint === formatPosition(end)) break;
      progress('projector rebuild', status.eventsProjected, written, runnerStart);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const runnerSeconds = seconds(runnerStart);
    await runner.stop();
    process.stderr.write('\n');

    const shadowStart = process.hrtime.bigint();
    let projectedAt = shadowStart;
    const report = await rebuildAndCompare({
      store,
      client,
      onProgress: ({ events }) => {
        projectedAt = process.hrtime.bigint();
        if (events % 50_000 < 1000) progress('shadow rebuild', events, written, shadowStart);
      },
    });
    process.stderr.write('\n');
    const shadowSeconds = Number(projectedAt - shadowStart) / 1e9;
    const compareSeconds = report.seconds - shadowSeconds;
    if (!report.identical)
      throw new Error('The shadow rebuild differs from the projector’s tables');

    const rawLogRates = { needed: [] as number[], every: [] as number[] };
    for (let round = 0; round < 3; round += 1) {
      for (const [key, columns] of [
        ['every', EVERY_COLUMN],
        ['needed', NEEDED],
      ] as const) {
        await timed(rawLogRates[key], () => rawLogRead(sql, columns));
      }
    }
    const rawLog = { needed: median(rawLogRates.needed), every: median(rawLogRates.every) };

    const percent = (rate: number, of: number) => `${((rate / of) * 100).toFixed(0).padStart(3)}%`;
    const header = `${''.padEnd(50)} ${'ev/s'.padStart(9)}   raw needed cols   raw SELECT *`;
    const line = (label: string, rate: number, raw: { needed: number; every: number }) =>
      console.log(
        `${label.padEnd(50)} ${formatRate(rate)}   ${formatRate(raw.needed)} ${percent(rate, raw.needed)}   ${formatRate(raw.every)} ${percent(rate, raw.every)}`,
      );
    const rawTender = { needed: median(rates.rawNeeded), every: median(rates.rawEvery) };
    const foldRate = median(rates.fold);
    const runnerRate = written / runnerSeconds;
    const shadowRate = report.eventsProjected / shadowSeconds;
    console.log(header);
    line(
      `fold one tender (${folded.toLocaleString('en-GB')} events, read included)`,
      foldRate,
      rawTender,
    );
    line(`  readAll as the fold reads it`, median(rates.readAsFolded), rawTender);
    line(`  readAll of whole events`, median(rates.readWhole), rawTender);
    line(`verify the same tender (whole events, every hash)`, verifyRate, rawTender);
    line(
      `rebuild: projector from zero (${written.toLocaleString('en-GB')} events)`,
      runnerRate,
      rawLog,
    );
    line(
      `rebuild: CLI shadow schema (${report.eventsProjected.toLocaleString('en-GB')} events)`,
      shadowRate,
      rawLog,
    );
    const spread = (values: number[]) =>
      `${formatRate(Math.min(...values)).trim()}–${formatRate(Math.max(...values)).trim()}`;
    console.log(
      `\n${rates.fold.length} rounds each; ranges (ev/s): fold ${spread(rates.fold)}, readAll as folded ${spread(rates.readAsFolded)}, whole ${spread(rates.readWhole)}, raw needed ${spread(rates.rawNeeded)}, raw * ${spread(rates.rawEvery)}`,
    );
    console.log(
      `shadow rebuild compared ${report.tables.map((t) => `${t.table} ${t.rebuiltRows.toLocaleString('en-GB')}`).join(', ')} rows with the projector's in ${compareSeconds.toFixed(1)} s: identical\n`,
    );
    const ofRaw = (rate: number, raw: number) =>
      `${formatRate(rate).trim()} ev/s (${percent(rate, raw).trim()} of a raw SELECT of the columns it needs)`;
    target(
      'fold one tender ≥ 100,000 events/s',
      foldRate >= 100_000,
      ofRaw(foldRate, rawTender.needed),
    );
    target(
      'rebuild, projector from zero ≥ 20,000 events/s',
      runnerRate >= 20_000,
      ofRaw(runnerRate, rawLog.needed),
    );
    target(
      'rebuild, CLI shadow schema ≥ 20,000 events/s',
      shadowRate >= 20_000,
      ofRaw(shadowRate, rawLog.needed),
    );
    console.log(`whole run ${seconds(started).toFixed(0)} s`);
    if (process.env.BENCH_KEEP_DATABASE) console.log(`big tender: ${bigTenderId}`);
  } finally {
    await sql.end();
    await store.close();
    await client.close();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`database kept: ${database.url}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
