/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { evaluatorStream, tenderStream } from '@fairtender/domain';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import {
  CONTRACT,
  declareAndScore,
  expectStatus,
  EXTENSION,
  justified,
  openedTenderOnPostgres,
  passStandstill,
  PRICES,
  REASONED_EXCLUSION,
  submit,
} from './award-fixtures';

/**
 * A tender from opened bids to a concluded contract and its 12-month extension, over real HTTP against
 * PostgreSQL: compliance with a reasoned exclusion, a panel of two scoring blind, moderation, the
 * system's ranking, the award, assessment summaries, the standstill, and a change in the open.
 */
describe('Evaluation to contract over HTTP (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_award_lifecycle');
  const { alice, base, seen } = suite;

  it('compliance: two bids pass, one is excluded with a reason; the price is read from the opened bid', async () => {
    for (const supplierId of ['acme', 'birch']) {
      const passed = expectStatus(
        await alice().post(`${base()}/compliance/${supplierId}`, { decision: 'passed' }),
        200,
      );
      expect(passed).toMatchObject({
        stage: 'evaluation',
        streamName: tenderStream(suite.tenderId),
        recorded: ['BidComplianceRecorded'],
      });
    }
    seen(expectStatus(await alice().post(`${base()}/compliance/cedar`, REASONED_EXCLUSION), 200));
    const tender = await suite.api.store.readStream(tenderStream(suite.tenderId));
    const decisions = tender
      .filter((event) => event.type === 'BidComplianceRecorded')
      .map((event) => event.data as any);
    expect(decisions.map((data) => [data.supplierId, data.decision, data.price.amount])).toEqual([
      ['acme', 'passed', PRICES.acme],
      ['birch', 'passed', PRICES.birch],
      ['cedar', 'excluded', PRICES.cedar],
    ]);
    expect(decisions[2]).toMatchObject({
      reasonCode: 'requirements-not-met',
      reasonText: REASONED_EXCLUSION.reasonText,
      recordedBy: 'officer-alice',
    });
    expect(decisions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the panel of two declares and scores on their own streams', async () => {
    expect(
      expectStatus(
        await alice().put(`${base()}/panel`, { evaluatorIds: ['evaluator-eve', 'evaluator-evan'] }),
        200,
      ).recorded,
    ).toEqual(['EvaluationPanelAppointed']);
    for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
      const accepted = await suite.api.as(evaluator).post(`${base()}/panel/acceptance`);
      expect(expectStatus(accepted, 200).recorded).toEqual(['PanelMembershipAccepted']);
    }

    const early = await suite.api.as('evaluator-eve').put(`${base()}/scores/acme`, {
      scores: [{ criterionId: 'quality', score: 8, justification: justified('acme', 'q', 8) }],
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('UNDECLARED_CONFLICT');

    await declareAndScore(suite.api, suite.tenderId, 'evaluator-eve', {
      acme: { quality: 8, 'social-value': 6 },
      birch: { quality: 6, 'social-value': 7 },
    });
    await declareAndScore(suite.api, suite.tenderId, 'evaluator-evan', {
      acme: { quality: 9, 'social-value': 6 },
      birch: { quality: 6, 'social-value': 5 },
    });
    const excluded = await suite.api
      .as('evaluator-evan')
      .put(`${base()}/declarations/cedar`, { conflict: false });
    expect(excluded.status).toBe(200);
    const scoreExcluded = await suite.api.as('evaluator-evan').put(`${base()}/scores/cedar`, {
      scores: [{ criterionId: 'quality', score: 9, justification: justified('cedar', 'q', 9) }],
    });
    expect(scoreExcluded.status).toBe(409);
    expect(scoreExcluded.body.code).toBe('BID_NOT_COMPLIANT');

    const events = await suite.api.store.readStream(
      evaluatorStream(suite.tenderId, 'evaluator-eve'),
    );
    expect(events.map((event) => event.type)).toEqual([
      'ConflictOfInterestDeclared',
      'BidScored',
      'BidScored',
      'ConflictOfInterestDeclared',
      'BidScored',
      'BidScored',
    ]);
  });

  it('scores are blind: an evaluator sees only its own until it submits, officers only submitted ones', async () => {
    const evanWrote = justified('acme', 'quality', 9);
    const before = expectStatus(await suite.api.as('evaluator-eve').get(`${base()}/scores`), 200);
    expect(before.sees).toBe('own');
    expect(before.evaluators.map((e: any) => e.evaluatorId)).toEqual(['evaluator-eve']);
    expect(before.evaluators[0].scores).toHaveLength(4);
    expect(JSON.stringify(before)).not.toContain(evanWrote);

    const officerBefore = expectStatus(await alice().get(`${base()}/scores`), 200);
    expect(officerBefore.sees).toBe('submitted');
    expect(officerBefore.evaluators.map((e: any) => [e.evaluatorId, e.scores.length])).toEqual([
      ['evaluator-eve', 0],
      ['evaluator-evan', 0],
    ]);
    const rankingBefore = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(rankingBefore.complete).toBe(false);
    expect(rankingBefore.violations.map((v: any) => v.message)).toEqual(
      expect.arrayContaining([
        'Evaluator evaluator-eve has not submitted their scores for evaluation round 1',
      ]),
    );

    expect(await submit(suite.api, suite.tenderId, 'evaluator-eve')).toMatchObject({
      recorded: ['EvaluationSubmitted'],
    });
    const after = expectStatus(await suite.api.as('evaluator-eve').get(`${base()}/scores`), 200);
    expect(after.sees).toBe('panel');
    expect(after.evaluators.map((e: any) => e.evaluatorId)).toEqual([
      'evaluator-eve',
      'evaluator-evan',
    ]);
    expect(JSON.stringify(after)).toContain(evanWrote);

    const evanBefore = expectStatus(
      await suite.api.as('evaluator-evan').get(`${base()}/scores`),
      200,
    );
    expect(evanBefore.evaluators.map((e: any) => e.evaluatorId)).toEqual(['evaluator-evan']);
    const officerMid = expectStatus(await alice().get(`${base()}/scores`), 200);
    expect(officerMid.evaluators.map((e: any) => [e.evaluatorId, e.scores.length])).toEqual([
      ['evaluator-eve', 4],
      ['evaluator-evan', 0],
    ]);
    const auditor = expectStatus(await suite.api.as('auditor-ada').get(`${base()}/scores`), 200);
    expect(auditor.sees).toBe('all');
    expect(JSON.stringify(auditor)).toContain(evanWrote);

    const resubmit = await suite.api.as('evaluator-eve').post(`${base()}/evaluation-submission`);
    expect(resubmit.status).toBe(409);
    expect(resubmit.body.code).toBe('EVALUATION_ALREADY_SUBMITTED');
    seen(await submit(suite.api, suite.tenderId, 'evaluator-evan'));
  });

  it('moderation records the agreed score, with a reason where it differs', async () => {
    const unreasoned = await alice().post(`${base()}/moderation`, {
      supplierId: 'acme',
      criterionId: 'quality',
      agreedScore: 8.5,
    });
    expect(unreasoned.status).toBe(422);
    expect(unreasoned.body.code).toBe('MODERATION_UNREASONED');
    const moderated = expectStatus(
      await alice().post(`${base()}/moderation`, {
        supplierId: 'acme',
        criterionId: 'quality',
        agreedScore: 8.5,
        reason: 'The panel agreed the docking design sits between the two assessments.',
      }),
      200,
    );
    expect(moderated.recorded).toEqual(['ScoreModerated']);
  });

  it('the ranking is computed by the system from the notice, and nothing stands in the way', async () => {
    const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(ranking).toMatchObject({
      round: 1,
      complete: true,
      violations: [],
      bids: { opened: 3, compliant: 2, excluded: 1, minimumBids: 2 },
    });
    // acme: 50 × 0.85 + 10 × 0.6 + 40 × 39/41; birch: 50 × 0.6 + 10 × 0.6 + 40.
    expect(ranking.ranking.map((bid: any) => [bid.supplierId, bid.rank, bid.total])).toEqual([
      ['acme', 1, 86.5488],
      ['birch', 2, 76],
    ]);
    expect((await suite.api.as('evaluator-eve').get(`${base()}/ranking`)).status).toBe(403);
  });

  it('the award goes to the top bid: assessment summaries for every bidder, and the standstill starts', async () => {
    const awarded = seen(
      expectStatus(await alice().post(`${base()}/award`, { supplierId: 'acme' }), 200),
    );
    expect(awarded).toMatchObject({
      stage: 'standstill',
      recorded: [
        'AwardProposed',
        'AssessmentSummaryIssued',
        'AssessmentSummaryIssued',
        'AssessmentSummaryIssued',
        'StandstillStarted',
      ],
    });

    const acme = expectStatus(
      await suite.api.as('supplier-acme').get(`${base()}/assessment-summary`),
      200,
    );
    expect(acme).toMatchObject({ round: 1, awardStands: true });
    expect(acme.summary).toMatchObject({ supplierId: 'acme', outcome: 'successful' });
    const birch = expectStatus(
      await suite.api.as('supplier-birch').get(`${base()}/assessment-summary`),
      200,
    );
    expect(birch.summary).toMatchObject({
      supplierId: 'birch',
      outcome: 'unsuccessful',
      own: { rank: 2, total: 76 },
      winner: { supplierId: 'acme', total: 86.5488 },
    });
    expect(birch.summary.own.reasons).toContainEqual({
      criterionId: 'quality',
      justifications: [justified('birch', 'quality', 6), justified('birch', 'quality', 6)],
    });
    const cedar = expectStatus(
      await suite.api.as('supplier-cedar').get(`${base()}/assessment-summary`),
      200,
    );
    expect(cedar.summary).toMatchObject({
      outcome: 'excluded',
      exclusion: {
        reasonCode: REASONED_EXCLUSION.reasonCode,
        reasonText: REASONED_EXCLUSION.reasonText,
      },
    });
    for (const summary of [acme, birch, cedar]) {
      expect(JSON.stringify(summary)).not.toMatch(/evaluator-|officer-/);
    }
  });

  it('the public award notice: winner, totals and standstill, never evaluators or what they wrote', async () => {
    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice).toMatchObject({
      tenderId: suite.tenderId,
      stage: 'standstill',
      award: {
        round: 1,
        supplierId: 'acme',
        ranking: [
          { supplierId: 'acme', rank: 1, total: 86.5488 },
          { supplierId: 'birch', rank: 2, total: 76 },
        ],
        departures: [],
      },
      bids: { assessed: 3, compliant: 2, excluded: 1 },
      standstill: { jurisdiction: 'uk-pa-2023' },
      suspension: { suspended: false, openChallenges: 0 },
      contract: null,
      changeNotices: [],
    });
    expect(notice.standstill.countedDays).toHaveLength(8);
    const text = JSON.stringify(notice);
    expect(text).not.toMatch(/evaluator-|officer-/);
    expect(text).not.toContain(justified('birch', 'quality', 6));
    expect(text).not.toContain(REASONED_EXCLUSION.reasonText);
  });

  it('the contract waits for the standstill, then is concluded', async () => {
    const early = await alice().post(`${base()}/contract`, CONTRACT);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('STANDSTILL_NOT_ENDED');

    await passStandstill(suite.api, suite.tenderId);
    const concluded = seen(expectStatus(await alice().post(`${base()}/contract`, CONTRACT), 201));
    expect(concluded).toMatchObject({ stage: 'contracted', recorded: ['ContractConcluded'] });
    expect(concluded.contractId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the 12-month extension: requested by one officer, approved by another, red-flagged and published', async () => {
    const requested = expectStatus(
      await alice().post(`${base()}/contract/changes`, EXTENSION),
      201,
    );
    expect(requested.recorded).toEqual(['ContractChangeRequested']);
    const approval = `${base()}/contract/changes/${requested.changeId}/approval`;

    const byRequester = await alice().post(approval);
    expect(byRequester.status).toBe(409);
    expect(byRequester.body.code).toBe('APPROVER_IS_REQUESTER');

    const approved = seen(expectStatus(await suite.api.as('officer-bob').post(approval), 200));
    expect(approved.recorded).toEqual(['ContractChangeApproved', 'ContractChangeNoticePublished']);
    const tender = await suite.api.store.readStream(tenderStream(suite.tenderId));
    const approvedEvent = tender.find((event) => event.type === 'ContractChangeApproved')!;
    expect((approvedEvent.data as any).redFlags.map((flag: any) => flag.code)).toEqual([
      'CHANGE_TIME',
    ]);

    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.stage).toBe('contracted');
    expect(notice.contract).toMatchObject({
      supplierId: 'acme',
      originalValue: CONTRACT.value,
      value: { amount: PRICES.acme + EXTENSION.addedValue.amount, currency: 'GBP' },
      originalPeriod: CONTRACT.period,
      period: { startDate: '2027-01-01', endDate: '2029-12-31' },
    });
    expect(notice.changeNotices).toEqual([
      expect.objectContaining({
        changeNumber: 1,
        changeId: requested.changeId,
        kind: 'extension',
        justification: EXTENSION.justification,
        addedMonths: 12,
        redFlags: [expect.objectContaining({ code: 'CHANGE_TIME', threshold: 6, actual: 12 })],
      }),
    ]);
  });

  it('the OCDS publication of the whole lifecycle is valid', async () => {
    await expectValidOcds(suite.api.baseUrl, suite.tenderId, { minPosition: suite.position });
  });
});
