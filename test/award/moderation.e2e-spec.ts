/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import type { DemoUserId } from '@fairtender/auth';
import {
  declareAndScore,
  expectStatus,
  openedTenderOnPostgres,
  PANEL,
  seatPanel,
  submit,
  type OpenedTenderOnPostgres,
  type QualityScores,
  type SupplierId,
} from './award-fixtures';

/**
 * Issue 12, findings 1 and 2 over HTTP on PostgreSQL. Both evaluators score quality acme 9, birch 7,
 * cedar 5 (social value 6 each): acme 89.05, birch 81, cedar 65.67. An agreed acme 0 and cedar 10
 * would put cedar first (90.67).
 */
const UNANIMOUS: Record<SupplierId, QualityScores> = {
  acme: { quality: 9, 'social-value': 6 },
  birch: { quality: 7, 'social-value': 6 },
  cedar: { quality: 5, 'social-value': 6 },
};
const ACME_REASON = 'The safeguarding plan omits escalation contacts for night shifts';
const CEDAR_REASON = 'The training schedule exceeds every stated requirement of the specification';
const CONFIRMATION = 'Checked both answers against clause 4.2 with the panel notes beside them';
const NOT_TOP =
  "Acme's platform fails the force's accreditation, which a late clarification made binding.";

async function evaluated(suite: OpenedTenderOnPostgres): Promise<void> {
  const alice = suite.alice();
  for (const supplierId of Object.keys(UNANIMOUS)) {
    expectStatus(
      await alice.post(`${suite.base()}/compliance/${supplierId}`, { decision: 'passed' }),
      200,
    );
  }
  await seatPanel(suite.api, suite.tenderId);
  for (const evaluator of PANEL) {
    await declareAndScore(suite.api, suite.tenderId, evaluator, UNANIMOUS);
    await submit(suite.api, suite.tenderId, evaluator);
  }
}

const moderate = (
  suite: OpenedTenderOnPostgres,
  officer: DemoUserId,
  supplierId: SupplierId,
  agreedScore: number,
  reason?: string,
) =>
  suite.api.as(officer).post(`${suite.base()}/moderation`, {
    supplierId,
    criterionId: 'quality',
    agreedScore,
    ...(reason === undefined ? {} : { reason }),
  });
const confirmModeration = (
  suite: OpenedTenderOnPostgres,
  officer: DemoUserId,
  supplierId: SupplierId,
  agreedScore: number,
) =>
  suite.api.as(officer).post(`${suite.base()}/moderation/confirmation`, {
    supplierId,
    criterionId: 'quality',
    agreedScore,
    reason: CONFIRMATION,
  });
const order = (ranking: any[]) => ranking.map((bid) => bid.supplierId);

describe('Finding 1: moderation reconciles, it does not overrule (HTTP, PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_moderation_overrule');
  const { alice, base, seen } = suite;
  const integrity = async () =>
    expectStatus(
      await suite.api
        .as('auditor-ada')
        .get(`${base()}/integrity`, { 'x-min-position': suite.position }),
      200,
    );

  beforeAll(() => evaluated(suite));

  it("one officer's agreed scores outside the panel's range wait for a second officer and do not count", async () => {
    for (const [supplierId, score, reason] of [
      ['acme', 0, ACME_REASON],
      ['cedar', 10, CEDAR_REASON],
    ] as const) {
      const requested = seen(
        expectStatus(await moderate(suite, 'officer-alice', supplierId, score, reason), 200),
      );
      expect(requested.recorded).toEqual(['ScoreModerationRequested']);
    }
    const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(order(ranking.ranking)).toEqual(['acme', 'birch', 'cedar']);
    expect(order(ranking.panelRanking)).toEqual(['acme', 'birch', 'cedar']);
    expect(ranking.moderation).toMatchObject({
      changesTopRanked: false,
      pending: [
        { supplierId: 'acme', agreedScore: 0, panelRange: { min: 9, max: 9 }, status: 'pending' },
        { supplierId: 'cedar', agreedScore: 10, panelRange: { min: 5, max: 5 }, status: 'pending' },
      ],
    });
    expect(ranking.complete).toBe(false);
    expect(ranking.violations.map((v: any) => v.code)).toEqual([
      'MODERATION_PENDING',
      'MODERATION_PENDING',
    ]);

    const award = await alice().post(`${base()}/award`, {
      supplierId: 'cedar',
      justification: NOT_TOP,
    });
    expect(award.status).toBe(409);
    expect(award.body.code).toBe('MODERATION_PENDING');

    const report = await integrity();
    expect(report.moderation).toMatchObject({ departures: 2, moderators: ['officer-alice'] });
    expect(report.redFlags.map((f: any) => f.code)).not.toContain('FT-MODERATION-CHANGED-RANKING');
  });

  it('the moderator cannot confirm its own; a second officer confirms with a reason, the ranking flips', async () => {
    const own = await confirmModeration(suite, 'officer-alice', 'acme', 0);
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('SAME_OFFICER_TWICE');
    const otherScore = await confirmModeration(suite, 'officer-bob', 'acme', 1);
    expect(otherScore.status).toBe(409);
    expect(otherScore.body).toMatchObject({
      code: 'MODERATION_NOT_PENDING',
      details: { pendingScore: 0 },
    });
    const unreasoned = await suite.api.as('officer-bob').post(`${base()}/moderation/confirmation`, {
      supplierId: 'acme',
      criterionId: 'quality',
      agreedScore: 0,
      reason: 'Fine.',
    });
    expect(unreasoned.status).toBe(422);
    expect(unreasoned.body.code).toBe('MODERATION_UNREASONED');

    for (const [supplierId, score] of [
      ['acme', 0],
      ['cedar', 10],
    ] as const) {
      const confirmed = seen(
        expectStatus(await confirmModeration(suite, 'officer-bob', supplierId, score), 200),
      );
      expect(confirmed.recorded).toEqual(['ScoreModerationConfirmed']);
    }
    const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(order(ranking.ranking)).toEqual(['cedar', 'birch', 'acme']);
    expect(order(ranking.panelRanking)).toEqual(['acme', 'birch', 'cedar']);
    expect(ranking.moderation).toMatchObject({
      panelTopRanked: ['acme'],
      topRanked: ['cedar'],
      changesTopRanked: true,
      pending: [],
    });
    expect(ranking.complete).toBe(true);
  });

  it('the integrity report red-flags FT-MODERATION-CHANGED-RANKING with cells, scores, officers and reasons', async () => {
    const report = await integrity();
    const flag = report.redFlags.find((f: any) => f.code === 'FT-MODERATION-CHANGED-RANKING');
    expect(flag).toMatchObject({
      supplierId: 'cedar',
      evidence: {
        panelTopRanked: ['acme'],
        topRanked: ['cedar'],
        cells: [
          {
            supplierId: 'acme',
            criterionId: 'quality',
            evaluatorScores: [9, 9],
            agreedScore: 0,
            departure: true,
            moderatedBy: 'officer-alice',
            reason: ACME_REASON,
            confirmedBy: 'officer-bob',
            confirmationReason: CONFIRMATION,
          },
          {
            supplierId: 'cedar',
            evaluatorScores: [5, 5],
            agreedScore: 10,
            moderatedBy: 'officer-alice',
            reason: CEDAR_REASON,
            confirmedBy: 'officer-bob',
          },
        ],
      },
    });
    expect(report.moderation).toMatchObject({
      changesTopRanked: true,
      departures: 2,
      moderators: ['officer-alice', 'officer-bob'],
      moderated: [
        { supplierId: 'acme', status: 'confirmed' },
        { supplierId: 'cedar', status: 'confirmed' },
      ],
    });
  });

  it('the award of cedar publishes the moderation under departures, without officers’ ids', async () => {
    const awarded = seen(
      expectStatus(await alice().post(`${base()}/award`, { supplierId: 'cedar' }), 200),
    );
    expect(awarded.stage).toBe('standstill');
    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.award).toMatchObject({
      supplierId: 'cedar',
      topRanked: ['cedar'],
      departures: ['moderation-outside-panel-range', 'moderation-changed-ranking'],
      moderation: {
        panelTopRanked: ['acme'],
        topRanked: ['cedar'],
        agreedScores: [
          {
            supplierId: 'acme',
            criterionId: 'quality',
            panelRange: { min: 9, max: 9 },
            panelMean: 9,
            agreedScore: 0,
            outsidePanelRange: true,
            reason: ACME_REASON,
            confirmedBySecondOfficer: true,
            confirmationReason: CONFIRMATION,
          },
          expect.objectContaining({ supplierId: 'cedar', agreedScore: 10 }),
        ],
      },
    });
    expect(JSON.stringify(notice)).not.toMatch(/officer-|evaluator-/);
    const report = await integrity();
    expect(report.award).toMatchObject({
      status: 'standstill',
      departures: ['moderation-outside-panel-range', 'moderation-changed-ranking'],
    });
    expect(report.redFlags.map((f: any) => f.code)).toContain('FT-MODERATION-CHANGED-RANKING');
  });
});

describe('Finding 2: an award down the ranking needs a second officer (HTTP, PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_award_not_top');
  const { alice, base, seen } = suite;
  const confirm = (officer: DemoUserId) =>
    suite.api.as(officer).post(`${base()}/award/confirmation`);

  beforeAll(async () => {
    await evaluated(suite);
    // Bob records the panel's own score on birch: an agreed score, so Bob has moderated.
    seen(expectStatus(await moderate(suite, 'officer-bob', 'birch', 7), 200));
  });

  it('a justified award to the second-ranked bid waits for confirmation, flagged meanwhile', async () => {
    const proposed = seen(
      expectStatus(
        await alice().post(`${base()}/award`, { supplierId: 'birch', justification: NOT_TOP }),
        200,
      ),
    );
    expect(proposed).toMatchObject({
      stage: 'evaluation',
      recorded: ['AwardConfirmationRequested'],
    });
    expect((await suite.api.as(null).get(`${base()}/award`)).status).toBe(404);
    const report = expectStatus(
      await suite.api
        .as('auditor-ada')
        .get(`${base()}/integrity`, { 'x-min-position': suite.position }),
      200,
    );
    expect(report.award).toMatchObject({ status: 'awaiting-confirmation', supplierId: 'birch' });
    expect(report.redFlags.map((f: any) => f.code)).toContain('FT-WINNER-NOT-TOP-RANKED');
  });

  it('neither the proposer nor an officer who moderated may confirm; a third officer does', async () => {
    const byProposer = await confirm('officer-alice');
    expect(byProposer.status).toBe(409);
    expect(byProposer.body.code).toBe('SAME_OFFICER_TWICE');
    const byModerator = await confirm('officer-bob');
    expect(byModerator.status).toBe(409);
    expect(byModerator.body).toMatchObject({
      code: 'CONFIRMER_MODERATED',
      details: { confirmerId: 'officer-bob', moderators: ['officer-bob'] },
    });

    const confirmed = seen(expectStatus(await confirm('officer-carol'), 200));
    expect(confirmed.stage).toBe('standstill');
    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.award).toMatchObject({
      supplierId: 'birch',
      topRanked: ['acme'],
      departures: ['winner-not-top-ranked'],
      departureJustification: NOT_TOP,
      confirmedBySecondOfficer: true,
    });
    const report = expectStatus(
      await suite.api
        .as('auditor-ada')
        .get(`${base()}/integrity`, { 'x-min-position': suite.position }),
      200,
    );
    expect(report.award).toMatchObject({ status: 'standstill', confirmedBy: 'officer-carol' });
    expect(report.redFlags.map((f: any) => f.code)).toContain('FT-WINNER-NOT-TOP-RANKED');
  });
});
