import { randomUUID } from 'node:crypto';
import { bidStream, evaluatorStream, tenderStream, type AwardCriterion } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import {
  formatPosition,
  PgSqlClient,
  SqlEventStore,
  migrate,
  type EventToAppend,
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
import { day, justification } from './integrity-scenarios';

const SUPPLIERS = 200;
const EVALUATORS = 5;
const CRITERIA = 10;

const officer = { userId: 'officer-alice', organisationId: 'authority-1', role: 'officer' };
const event = (type: string, data: unknown, actor = officer): EventToAppend => ({
  eventId: randomUUID(),
  type,
  version: 1,
  data,
  metadata: { actor, correlationId: randomUUID() },
});

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
    const tender = tenderStream(tenderId);
    const append = async (stream: string, batch: EventToAppend[]) => {
      await store.append(stream, batch, 'any');
      events += batch.length;
    };
    await append(tender, [
      event('TenderDrafted', {
        tenderId,
        buyerOrganisationId: 'authority-1',
        terms,
        draftedAt: day(1),
      }),
      event('TenderPublished', { terms, publishedAt: day(1), noticeVersion: 1 }),
    ]);
    const heads = [];
    for (const supplierId of suppliers) {
      const actor = { userId: `u-${supplierId}`, organisationId: supplierId, role: 'supplier' };
      const data = {
        tenderId,
        supplierId,
        receivedAt: day(60),
        noticeVersion: 1,
        contentHash: 'a'.repeat(64),
        sizeBytes: 480,
        sealed: { keyId: 'dk', iv: 'aXY=', ciphertext: 'x'.repeat(640), tag: 'dGFn' },
      };
      await append(bidStream(tenderId, supplierId), [event('BidSubmitted', data, actor)]);
      const [head] = await store.readStream(bidStream(tenderId, supplierId));
      heads.push({ supplierId, streamName: head.streamName, revision: 0, hash: head.hash });
    }
    await append(tender, [
      event('TenderingClosed', { closedAt: day(90), submissionDeadline: day(90) }),
      event('BidsOpened', {
        openedAt: day(91),
        officerIds: ['officer-alice', 'officer-bob'],
        bidStreams: heads,
      }),
      ...suppliers.map((supplierId, i) =>
        event('BidComplianceRecorded', {
          supplierId,
          contentHash: 'a'.repeat(64),
          price: { amount: 100_000 + i * 100, currency: 'GBP' },
          decision: 'passed',
          recordedAt: day(92),
          recordedBy: 'officer-alice',
          round: 1,
        }),
      ),
      event('EvaluationPanelAppointed', {
        evaluatorIds: evaluators,
        appointedAt: day(92),
        appointedBy: 'officer-alice',
        round: 1,
      }),
    ]);
    for (const evaluatorId of evaluators) {
      const actor = { userId: evaluatorId, organisationId: 'authority-1', role: 'evaluator' };
      const sheet: EventToAppend[] = [];
      for (const supplierId of suppliers) {
        sheet.push(
          event(
            'ConflictOfInterestDeclared',
            { evaluatorId, supplierId, conflict: false, declaredAt: day(93) },
            actor,
          ),
        );
        for (let c = 0; c < CRITERIA; c += 1) {
          sheet.push(
            event(
              'BidScored',
              {
                evaluatorId,
                supplierId,
                criterionId: `c${c}`,
                score: 6,
                justification: justification(160),
                scoredAt: day(94),
                round: 1,
              },
              actor,
            ),
          );
        }
      }
      sheet.push(
        event(
          'EvaluationSubmitted',
          { evaluatorId, round: 1, submittedAt: day(95), scoredBids: suppliers },
          actor,
        ),
      );
      await append(evaluatorStream(tenderId, evaluatorId), sheet);
    }
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
