import { Client } from 'pg';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import {
  declareAndScore,
  expectStatus,
  openedTender,
  REASONED_EXCLUSION,
  seatPanel,
  submit,
} from './award-fixtures';

const ANOTHER_REASON = {
  decision: 'excluded',
  reasonCode: 'incomplete-submission',
  reasonText:
    'The bid gives no price breakdown for the evidence platform, which the notice requires.',
  requirement: 'procedural-requirements',
};

/**
 * The seeds' award, replayed over HTTP: three bids, two thrown out with one-word reasons, one never
 * scored, a winner who was not top-ranked. Each shortcut is refused with its own code and a message
 * that says exactly what is missing; the legitimate ways out (a justified departure, a direct award
 * confirmed by a second officer, an unsuccessful tender) are recorded and published.
 */
describe("The seeds' scenario over HTTP: every shortcut refused with its rule's code (PostgreSQL)", () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  const alice = () => api.as('officer-alice');

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_award_seeds');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const eventCount = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(
        'SELECT count(*) FROM fairtender_events',
      );
      return Number(rows[0].count);
    } finally {
      await client.end();
    }
  };

  describe('one-word exclusions, a bid never scored, a winner not top-ranked', () => {
    let tenderId: string;
    const base = () => `/tenders/${tenderId}`;

    beforeAll(async () => {
      ({ tenderId } = await openedTender(api));
    });

    it('excluding two bids with one-word reasons is refused when recorded, and nothing is written', async () => {
      const before = await eventCount();
      for (const [supplierId, reasonText] of [
        ['birch', 'Price.'],
        ['cedar', 'Late.'],
      ]) {
        const refused = await alice().post(`${base()}/compliance/${supplierId}`, {
          decision: 'excluded',
          reasonCode: 'requirements-not-met',
          reasonText,
        });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('EXCLUSION_UNREASONED');
        expect(refused.body.details).toMatchObject({ supplierId });
      }
      const noCode = await alice().post(`${base()}/compliance/cedar`, {
        decision: 'excluded',
        reasonText: REASONED_EXCLUSION.reasonText,
      });
      expect(noCode.status).toBe(422);
      expect(noCode.body.code).toBe('EXCLUSION_UNREASONED');
      expect(await eventCount()).toBe(before);
    });

    it('with one bid never scored, the award is refused naming the bid, the evaluator and the criterion', async () => {
      for (const supplierId of ['acme', 'birch', 'cedar']) {
        expectStatus(
          await alice().post(`${base()}/compliance/${supplierId}`, { decision: 'passed' }),
          200,
        );
      }
      await seatPanel(api, tenderId);
      for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
        await declareAndScore(api, tenderId, evaluator, {
          acme: { quality: 7, 'social-value': 6 },
          birch: { quality: 8, 'social-value': 7 },
        });
      }
      const submission = await api.as('evaluator-eve').post(`${base()}/evaluation-submission`);
      expect(submission.status).toBe(409);
      expect(submission.body.code).toBe('UNDECLARED_CONFLICT');
      expect(submission.body.message).toBe(
        'Evaluator evaluator-eve has not declared whether they have a conflict of interest with cedar',
      );

      const before = await eventCount();
      const award = await alice().post(`${base()}/award`, { supplierId: 'acme' });
      expect(award.status).toBe(409);
      // Nobody has declared on Cedar, so nobody may score it: the missing declarations come first.
      expect(award.body.code).toBe('UNDECLARED_CONFLICT');
      expect(award.body.details.rules).toEqual(
        expect.arrayContaining(['UNDECLARED_CONFLICT', 'INCOMPLETE_EVALUATION']),
      );
      expect(award.body.details.rules).not.toContain('PANEL_TOO_SMALL');
      expect(await eventCount()).toBe(before);

      for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
        expectStatus(
          await api.as(evaluator).put(`${base()}/declarations/cedar`, { conflict: false }),
          200,
        );
      }
      const declared = await eventCount();
      const unscored = await alice().post(`${base()}/award`, { supplierId: 'acme' });
      expect(unscored.status).toBe(409);
      expect(unscored.body.code).toBe('INCOMPLETE_EVALUATION');
      expect(unscored.body.message).toMatch(
        /^Evaluator evaluator-eve has not scored criterion quality for the bid from cedar \(and \d+ more: see details.violations\)$/,
      );
      expect(unscored.body.details.violations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'INCOMPLETE_EVALUATION',
            supplierId: 'cedar',
            evaluatorId: 'evaluator-evan',
            criterionId: 'social-value',
          }),
        ]),
      );
      expect(unscored.body.details.rules).toEqual([
        'INCOMPLETE_EVALUATION',
        'WINNER_NOT_TOP_RANKED',
      ]);
      expect(await eventCount()).toBe(declared);
    });

    it('a winner who is not top-ranked needs a justification and a second officer; the departure is published', async () => {
      for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
        await declareAndScore(api, tenderId, evaluator, {
          cedar: { quality: 5, 'social-value': 5 },
        });
        await submit(api, tenderId, evaluator);
      }
      const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
      expect(ranking.complete).toBe(true);
      expect(ranking.ranking[0].supplierId).toBe('birch');

      const before = await eventCount();
      const unjustified = await alice().post(`${base()}/award`, { supplierId: 'acme' });
      expect(unjustified.status).toBe(409);
      expect(unjustified.body.code).toBe('WINNER_NOT_TOP_RANKED');
      expect(unjustified.body.message).toContain('the top-ranked is birch');
      const oneWord = await alice().post(`${base()}/award`, {
        supplierId: 'acme',
        justification: 'Incumbent.',
      });
      expect(oneWord.body.code).toBe('WINNER_NOT_TOP_RANKED');
      expect(await eventCount()).toBe(before);

      const justification =
        "Birch's platform fails the force's accreditation, which a late clarification made binding.";
      const proposed = expectStatus(
        await alice().post(`${base()}/award`, { supplierId: 'acme', justification }),
        200,
      );
      expect(proposed).toMatchObject({
        stage: 'evaluation',
        recorded: ['AwardConfirmationRequested'],
      });
      const awarded = expectStatus(
        await api.as('officer-bob').post(`${base()}/award/confirmation`),
        200,
      );
      expect(awarded.stage).toBe('standstill');
      const notice = expectStatus(await api.as(null).get(`${base()}/award`), 200);
      expect(notice.award).toMatchObject({
        supplierId: 'acme',
        topRanked: ['birch'],
        departures: ['winner-not-top-ranked'],
        departureJustification: justification,
        confirmedBySecondOfficer: true,
      });
    });
  });

  describe('two bids excluded with reasons: too little competition', () => {
    let tenderId: string;
    const base = () => `/tenders/${tenderId}`;

    beforeAll(async () => {
      ({ tenderId } = await openedTender(api));
      expectStatus(await alice().post(`${base()}/compliance/acme`, { decision: 'passed' }), 200);
      expectStatus(await alice().post(`${base()}/compliance/birch`, REASONED_EXCLUSION), 200);
      expectStatus(await alice().post(`${base()}/compliance/cedar`, ANOTHER_REASON), 200);
      await seatPanel(api, tenderId);
      for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
        await declareAndScore(api, tenderId, evaluator, {
          acme: { quality: 7, 'social-value': 6 },
        });
        await submit(api, tenderId, evaluator);
      }
    });

    it('an award is refused with INSUFFICIENT_COMPETITION; a direct award needs a listed ground', async () => {
      const award = await alice().post(`${base()}/award`, { supplierId: 'acme' });
      expect(award.status).toBe(409);
      expect(award.body.code).toBe('INSUFFICIENT_COMPETITION');
      expect(award.body.message).toContain(
        '1 bid(s) passed compliance (acme); the notice requires 2',
      );

      const noGround = await alice().post(`${base()}/direct-award`, {
        supplierId: 'acme',
        ground: 'we-like-them',
        justification: 'They have always delivered this service to the force without fault.',
      });
      expect(noGround.status).toBe(422);
      expect(noGround.body.code).toBe('INVALID_LEGAL_GROUND');
      expect(noGround.body.details.allowed).toContain('extreme-urgency');
    });

    it('a direct award on a legal ground waits for a second officer, then is published and flagged', async () => {
      const proposed = expectStatus(
        await alice().post(`${base()}/direct-award`, {
          supplierId: 'acme',
          ground: 'no-suitable-tenders',
          justification:
            'Both other tenders failed the mandatory requirements; re-tendering would leave the force without cameras.',
        }),
        200,
      );
      expect(proposed).toMatchObject({
        stage: 'evaluation',
        recorded: ['AwardConfirmationRequested'],
      });
      const pending = await api.as(null).get(`${base()}/award`);
      expect(pending.status).toBe(404);
      expect(pending.body.code).toBe('AWARD_NOT_FOUND');
      expect(pending.body.message).toContain("second officer's confirmation");

      const sameOfficer = await alice().post(`${base()}/award/confirmation`);
      expect(sameOfficer.status).toBe(409);
      expect(sameOfficer.body.code).toBe('SAME_OFFICER_TWICE');
      const confirmed = expectStatus(
        await api.as('officer-bob').post(`${base()}/award/confirmation`),
        200,
      );
      expect(confirmed.stage).toBe('standstill');
      expect(confirmed.recorded[0]).toBe('AwardProposed');

      const notice = expectStatus(await api.as(null).get(`${base()}/award`), 200);
      expect(notice.award).toMatchObject({
        supplierId: 'acme',
        confirmedBySecondOfficer: true,
        departures: ['direct-award', 'all-but-winner-excluded'],
        directAward: { ground: 'no-suitable-tenders' },
      });
      expect(notice.award.directAward.groundDescription).toContain('PA 2023 s.43');
      expect(notice.bids).toEqual({ assessed: 3, compliant: 1, excluded: 2 });
    });
  });

  it('a tender with too few compliant bids can end unsuccessful, with its reason', async () => {
    const { tenderId } = await openedTender(api, { acme: 41_000_000, birch: 39_000_000 });
    const base = `/tenders/${tenderId}`;
    expectStatus(await alice().post(`${base}/compliance/birch`, REASONED_EXCLUSION), 200);
    const terse = await alice().post(`${base}/unsuccessful`, { reason: 'None.' });
    expect(terse.status).toBe(422);
    expect(terse.body.code).toBe('REASON_REQUIRED');
    const ended = expectStatus(
      await alice().post(`${base}/unsuccessful`, {
        reason: 'Only one compliant bid remained; the requirement will be re-tendered in spring.',
      }),
      200,
    );
    expect(ended).toMatchObject({
      stage: 'unsuccessful',
      recorded: ['TenderDeclaredUnsuccessful'],
    });
    const notice = await api.as(null).get(`${base}/award`);
    expect(notice.status).toBe(404);
    expect(notice.body.message).toContain('declared unsuccessful');
  });
});
