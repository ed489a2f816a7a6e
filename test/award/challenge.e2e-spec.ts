/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { tenderStream } from '@fairtender/domain';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import {
  CONTRACT,
  declareAndScore,
  evaluateAndAward,
  expectStatus,
  openedTenderOnPostgres,
  passStandstill,
  PRICES,
  scoreBody,
  submit,
} from './award-fixtures';

const CHALLENGE = {
  grounds: ['wrongful-exclusion', 'evaluation-error'],
  text: 'Our method statement covers retention for seven years in section 4.2; the exclusion misread it.',
};

/**
 * A challenge lodged in standstill suspends the award; legal upholds it and sends the tender back to
 * evaluation; the officer corrects compliance, the panel scores again, and a new award runs its own
 * standstill to a contract.
 */
describe('A challenged award, upheld and re-evaluated, over HTTP (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_award_challenge');
  const { alice, base, seen } = suite;
  let challengeId: string;

  it('round 1: Cedar is excluded, Acme wins and the standstill starts', async () => {
    const awarded = await evaluateAndAward(suite.api, suite.tenderId, {
      scores: {
        acme: { quality: 8, 'social-value': 6 },
        birch: { quality: 6, 'social-value': 6 },
      },
      excluded: 'cedar',
      winner: 'acme',
    });
    expect(awarded.stage).toBe('standstill');
  });

  it('a losing bidder challenges in standstill: the award is suspended at once', async () => {
    const outsider = await suite.api.as('evaluator-eve').post(`${base()}/challenges`, CHALLENGE);
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('ROLE_NOT_ALLOWED');

    const lodged = seen(
      expectStatus(
        await suite.api.as('supplier-cedar').post(`${base()}/challenges`, CHALLENGE),
        201,
      ),
    );
    expect(lodged.recorded).toEqual(['ChallengeLodged', 'AwardSuspended']);
    challengeId = lodged.challengeId;
    expect(challengeId).toMatch(/^[0-9a-f-]{36}$/);

    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.suspension).toEqual({ suspended: true, openChallenges: 1 });
    expect(JSON.stringify(notice)).not.toContain(CHALLENGE.text);

    const own = expectStatus(await suite.api.as('supplier-cedar').get(`${base()}/challenges`), 200);
    expect(own).toEqual({
      items: [
        expect.objectContaining({ challengeId, supplierId: 'cedar', grounds: CHALLENGE.grounds }),
      ],
      nextCursor: null,
    });
    const other = expectStatus(
      await suite.api.as('supplier-acme').get(`${base()}/challenges`),
      200,
    );
    expect(other).toEqual({ items: [], nextCursor: null });
    const officer = expectStatus(await alice().get(`${base()}/challenges`), 200);
    expect(officer.items.map((c: any) => c.challengeId)).toEqual([challengeId]);
    expect((await suite.api.as('officer-oscar').get(`${base()}/challenges`)).body.code).toBe(
      'NOT_YOUR_ORGANISATION',
    );
  });

  it('past the standstill the contract is still refused while the challenge is open', async () => {
    await passStandstill(suite.api, suite.tenderId);
    const refused = await alice().post(`${base()}/contract`, CONTRACT);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('AWARD_SUSPENDED');
    expect(refused.body.details.challenges).toEqual([challengeId]);
  });

  it('legal upholds the challenge with re-evaluation: the award falls, evaluation round 2 begins', async () => {
    const byOfficer = await alice().post(`${base()}/challenges/${challengeId}/outcome`, {
      outcome: 'upheld',
      remedy: 're-evaluate',
      reason: 'The officer may not decide a challenge to their own award.',
    });
    expect(byOfficer.status).toBe(403);

    const upheld = seen(
      expectStatus(
        await suite.api.as('legal-lee').post(`${base()}/challenges/${challengeId}/outcome`, {
          outcome: 'upheld',
          remedy: 're-evaluate',
          reason: 'Section 4.2 of the method statement does cover seven-year retention.',
        }),
        200,
      ),
    );
    expect(upheld).toMatchObject({
      stage: 'evaluation',
      recorded: ['ChallengeResolved', 'EvaluationReopened'],
    });
    const again = await suite.api
      .as('legal-lee')
      .post(`${base()}/challenges/${challengeId}/outcome`, {
        outcome: 'dismissed',
        reason: 'Changing our mind about the outcome of this challenge.',
      });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHALLENGE_ALREADY_RESOLVED');

    const notice = await suite.api.as(null).get(`${base()}/award`);
    expect(notice.status).toBe(404);
    expect(notice.body.code).toBe('AWARD_NOT_FOUND');
    expect(notice.body.message).toContain('round 2');

    const summary = expectStatus(
      await suite.api.as('supplier-birch').get(`${base()}/assessment-summary`),
      200,
    );
    expect(summary).toMatchObject({ round: 1, awardStands: false });

    const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(ranking.round).toBe(2);
    expect(ranking.violations.map((v: any) => v.message)).toEqual(
      expect.arrayContaining([
        'Evaluator evaluator-eve has not submitted their scores for evaluation round 2',
        'Evaluator evaluator-evan has not submitted their scores for evaluation round 2',
      ]),
    );
    const stale = await alice().post(`${base()}/award`, { supplierId: 'acme' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('INCOMPLETE_EVALUATION');
  });

  it('round 2: the officer passes Cedar, the panel rescores and resubmits, and Cedar is top-ranked', async () => {
    expect(
      expectStatus(await alice().post(`${base()}/compliance/cedar`, { decision: 'passed' }), 200)
        .recorded,
    ).toEqual(['BidComplianceRecorded']);
    const rescored = await suite.api
      .as('evaluator-eve')
      .put(`${base()}/scores/birch`, scoreBody('birch', { quality: 7, 'social-value': 6 }));
    expect(expectStatus(rescored, 200).recorded).toEqual(['BidScored']);
    for (const evaluator of ['evaluator-eve', 'evaluator-evan'] as const) {
      await declareAndScore(suite.api, suite.tenderId, evaluator, {
        cedar: { quality: 10, 'social-value': 9 },
      });
      const submitted = await submit(suite.api, suite.tenderId, evaluator);
      expect(submitted.recorded).toEqual(['EvaluationSubmitted']);
    }
    const tender = await suite.api.store.readStream(tenderStream(suite.tenderId));
    const lastCompliance = tender.filter((event) => event.type === 'BidComplianceRecorded').at(-1)!;
    expect(lastCompliance.data).toMatchObject({
      supplierId: 'cedar',
      decision: 'passed',
      price: { amount: PRICES.cedar, currency: 'GBP' },
      round: 2,
    });

    const ranking = expectStatus(await alice().get(`${base()}/ranking`), 200);
    expect(ranking.complete).toBe(true);
    expect(ranking.ranking.map((bid: any) => bid.supplierId)).toEqual(['cedar', 'acme', 'birch']);
    const notTop = await alice().post(`${base()}/award`, { supplierId: 'acme' });
    expect(notTop.status).toBe(409);
    expect(notTop.body.code).toBe('WINNER_NOT_TOP_RANKED');
  });

  it('the new award runs its own standstill', async () => {
    const awarded = expectStatus(
      await alice().post(`${base()}/award`, { supplierId: 'cedar' }),
      200,
    );
    expect(awarded.stage).toBe('standstill');
    const summary = expectStatus(
      await suite.api.as('supplier-cedar').get(`${base()}/assessment-summary`),
      200,
    );
    expect(summary).toMatchObject({
      round: 2,
      awardStands: true,
      summary: { outcome: 'successful' },
    });

    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.award).toMatchObject({ round: 2, supplierId: 'cedar' });
    expect(notice.suspension).toEqual({ suspended: false, openChallenges: 0 });
  });

  it('a second challenge, dismissed, lifts its suspension; the list pages in the order lodged', async () => {
    const second = seen(
      expectStatus(
        await suite.api.as('supplier-acme').post(`${base()}/challenges`, {
          grounds: ['evaluation-error'],
          text: 'The panel rescored Cedar without recording why its quality rose from 6 to 10.',
        }),
        201,
      ),
    );
    expect(second.recorded).toEqual(['ChallengeLodged', 'AwardSuspended']);
    const dismissed = seen(
      expectStatus(
        await suite.api.as('legal-lee').post(`${base()}/challenges/${second.challengeId}/outcome`, {
          outcome: 'dismissed',
          reason: 'Each evaluator recorded a justification for every round 2 score.',
        }),
        200,
      ),
    );
    expect(dismissed.recorded).toEqual(expect.arrayContaining(['ChallengeResolved']));

    const first = expectStatus(await alice().get(`${base()}/challenges?limit=1`), 200);
    expect(first.items.map((c: any) => c.challengeId)).toEqual([challengeId]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = expectStatus(
      await alice().get(`${base()}/challenges?limit=1&cursor=${first.nextCursor}`),
      200,
    );
    expect(rest.items).toEqual([
      expect.objectContaining({ challengeId: second.challengeId, outcome: 'dismissed' }),
    ]);
    expect(rest.nextCursor).toBeNull();
    const own = expectStatus(await suite.api.as('supplier-acme').get(`${base()}/challenges`), 200);
    expect(own.items.map((c: any) => c.challengeId)).toEqual([second.challengeId]);
    // A cursor of the officer's list names a challenge Acme does not see: not from Acme's list.
    const foreign = await suite.api
      .as('supplier-acme')
      .get(`${base()}/challenges?cursor=${first.nextCursor}`);
    expect([foreign.status, foreign.body.code]).toEqual([400, 'INVALID_CURSOR']);

    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.suspension).toEqual({ suspended: false, openChallenges: 0 });
  });

  it('past the new standstill, with no challenge open, the contract is concluded', async () => {
    const early = await alice().post(`${base()}/contract`, CONTRACT);
    expect(early.body.code).toBe('STANDSTILL_NOT_ENDED');
    await passStandstill(suite.api, suite.tenderId);
    const late = await suite.api.as('supplier-acme').post(`${base()}/challenges`, CHALLENGE);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CHALLENGE_OUT_OF_TIME');

    const concluded = seen(
      expectStatus(
        await alice().post(`${base()}/contract`, {
          ...CONTRACT,
          value: { amount: PRICES.cedar, currency: 'GBP' },
        }),
        201,
      ),
    );
    expect(concluded.stage).toBe('contracted');
    const contracted = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(contracted.contract).toMatchObject({
      supplierId: 'cedar',
      value: { amount: PRICES.cedar },
    });
  });

  it('the OCDS publication of the challenged tender is valid', async () => {
    await expectValidOcds(suite.api.baseUrl, suite.tenderId, { minPosition: suite.position });
  });
});
