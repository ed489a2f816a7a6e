import { randomUUID } from 'node:crypto';
import type { AwardCriterion } from '@fairtender/domain';
import { scenario } from '@fairtender/domain/testing/scenario';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import {
  formatPosition,
  PgSqlClient,
  SqlEventStore,
  migrate,
  type SqlClient,
} from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import {
  IntegrityQueries,
  migrateReadModels,
  ProjectionRunner,
  READ_MODEL_PROJECTIONS,
  READ_MODEL_TABLES,
  ReadModelQueries,
  type Projection,
} from '@fairtender/read-models';
import { ScenarioStore } from '../support/scenario-store';
import { day, justification } from './integrity-scenarios';

const SUPPLIERS = 200;
const EVALUATORS = 5;
const CRITERIA = 10;

/**
 * 200 bids × 5 evaluators × 10 criteria: 10,000 scores, each evaluator's in one stream. The report is
 * computed once per batch, not once per event, so projecting this tender stays within a rebuild's
 * budget; the test prints the rate beside the same log projected without the integrity read model.
 */
describe('competition integrity on a tender of 10,000 scores (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let client: SqlClient;
  let store: SqlEventStore;
  const tenderId = randomUUID();
  let events = 0;

  beforeAll(async () => {
    database = await createScratchDatabase('int_integrity_big');
    client = new PgSqlClient({ connectionString: database.url, max: 4 });
    await migrate(client);
    await migrateReadModels(client);
    store = new SqlEventStore(client, { closeClient: false, pollIntervalMs: 50 });
    const criteria: AwardCriterion[] = [
      ...Array.from({ length: CRITERIA }, (_, i) => ({
        id: `c${i}`,
        name: `Criterion ${i}`,
        weight: 7,
        kind: 'quality' as const,
      })),
      { id: 'price', name: 'Price', weight: 30, kind: 'price' },
    ];
    const terms = sampleNoticeTerms({ awardCriteria: criteria, evaluatorCount: EVALUATORS });
    const suppliers = Array.from({ length: SUPPLIERS }, (_, i) => `s${i}`);
    const evaluators = Array.from({ length: EVALUATORS }, (_, i) => `evaluator-${i}`);
    // Every step decided by the real deciders (docs/testing.md#the-scenario-builder).
    const tender = scenario({
      tenderId,
      buyer: 'authority-1',
      terms,
      officers: [
        { userId: 'officer-alice', organisationId: 'authority-1', role: 'officer' },
        { userId: 'officer-bob', organisationId: 'authority-1', role: 'officer' },
      ],
    })
      .draft({ at: day(1) })
      .publish({ at: day(1) });
    for (const supplierId of suppliers) {
      tender.bid(supplierId, {
        at: day(60),
        contentHash: 'a'.repeat(64),
        sizeBytes: 480,
        sealed: { ciphertext: 'x'.repeat(640) },
      });
    }
    tender.closed().opened({ at: day(91) });
    suppliers.forEach((supplierId, i) =>
      tender.passed(supplierId, { price: 100_000 + i * 100, at: day(92) }),
    );
    tender.panel(evaluators, { at: day(92) });
    const scores = Array.from({ length: CRITERIA }, (_, c) => ({
      criterionId: `c${c}`,
      score: 6,
      justification: justification(160),
    }));
    for (const evaluatorId of evaluators) {
      for (const supplierId of suppliers) {
        tender
          .declared(evaluatorId, supplierId, { at: day(93) })
          .scored(evaluatorId, supplierId, scores, { at: day(94) });
      }
      tender.submittedBy(evaluatorId, { at: day(95) });
    }
    await new ScenarioStore(store).append(tender, { batched: true });
    events = tender.entries().length;
  });
  afterAll(async () => {
    await store?.close();
    await client?.close();
    await database?.drop();
  });

  async function projectAll(projections: readonly Projection[], name: string) {
    const last = await endOfLog();
    const runner = new ProjectionRunner({ store, client, projection: name, projections });
    const started = process.hrtime.bigint();
    await runner.start();
    const queries = new ReadModelQueries(client, name);
    try {
      expect(await queries.waitForPosition(last, 120_000)).toBe(true);
    } finally {
      await runner.stop();
    }
    return events / (Number(process.hrtime.bigint() - started) / 1e9);
  }

  async function endOfLog() {
    let position;
    for (let page = await store.readAll({ maxCount: 5000 }); page.length > 0;) {
      position = page.at(-1)!.position;
      page = await store.readAll({ after: position, maxCount: 5000 });
    }
    return position!;
  }

  it('projects the report once per batch: every score in the matrix, every bid fully evaluated', async () => {
    const withoutIntegrity = await projectAll(
      READ_MODEL_PROJECTIONS.filter((p) => p.name !== 'integrity'),
      'bench-without-integrity',
    );
    const tables = READ_MODEL_TABLES.filter((t) => t !== 'rm_projection_checkpoints');
    await client.query(`TRUNCATE ${tables.join(', ')}`);
    const withIntegrity = await projectAll(READ_MODEL_PROJECTIONS, 'bench-with-integrity');
    const row = (await new IntegrityQueries(client).getReport(tenderId))!;
    expect(row.report.counts).toEqual({
      received: SUPPLIERS,
      compliant: SUPPLIERS,
      excluded: 0,
      awaitingCompliance: 0,
      fullyEvaluated: SUPPLIERS,
    });
    expect(row.report.coverage.totals.scored).toBe(SUPPLIERS * EVALUATORS * CRITERIA);
    expect(row.report.openViolations).toEqual([]);
    expect(row.position).toBe(formatPosition(await endOfLog()));
    process.stdout.write(
      `integrity on a ${events.toLocaleString('en-GB')}-event tender (10,000 scores): ${Math.round(withIntegrity).toLocaleString('en-GB')} ev/s with the integrity read model, ${Math.round(withoutIntegrity).toLocaleString('en-GB')} ev/s without\n`,
    );
    expect(withIntegrity).toBeGreaterThan(1000);
  });
});
