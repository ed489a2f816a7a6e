/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import {
  CONTRACT,
  evaluateAndAward,
  expectStatus,
  openedTenderOnPostgres,
  passStandstill,
} from '../award/award-fixtures';
import { noticeTerms } from '../support/tender-fixtures';

const CHALLENGE = {
  grounds: ['wrongful-exclusion'],
  text: 'Our method statement covers retention for seven years in section 4.2; the exclusion misread it.',
};

/**
 * Issue 16 point 3: the buyer's tender view and the public notice follow the tender past evaluation
 * — standstill, a suspension and its end, the contract — instead of stopping at "evaluation".
 */
describe('The read side shows the real stage after evaluation (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_read_side_stages');
  const { alice, base, seen } = suite;

  const views = async () => {
    const headers = { 'x-min-position': suite.position };
    const buyer = expectStatus(await alice().get(base(), headers), 200);
    const notice = expectStatus(
      await suite.api.as(null).get(`/notices/${suite.tenderId}`, headers),
      200,
    );
    return { buyer, notice };
  };

  it('standstill, then suspended by a challenge, then no longer once it is dismissed', async () => {
    seen(
      await evaluateAndAward(suite.api, suite.tenderId, {
        scores: {
          acme: { quality: 8, 'social-value': 6 },
          birch: { quality: 6, 'social-value': 6 },
        },
        excluded: 'cedar',
        winner: 'acme',
      }),
    );
    let { buyer, notice } = await views();
    for (const view of [buyer, notice])
      expect(view).toMatchObject({ stage: 'standstill', awardSuspended: false });
    expect(buyer.revision).toBeGreaterThan(0);

    const lodged = seen(
      expectStatus(
        await suite.api.as('supplier-cedar').post(`${base()}/challenges`, CHALLENGE),
        201,
      ),
    );
    ({ buyer, notice } = await views());
    for (const view of [buyer, notice])
      expect(view).toMatchObject({ stage: 'standstill', awardSuspended: true });
    expect(JSON.stringify(notice)).not.toContain('cedar');

    seen(
      expectStatus(
        await suite.api.as('legal-lee').post(`${base()}/challenges/${lodged.challengeId}/outcome`, {
          outcome: 'dismissed',
          reason: 'The method statement was read in full; the exclusion stands.',
        }),
        200,
      ),
    );
    ({ buyer, notice } = await views());
    for (const view of [buyer, notice])
      expect(view).toMatchObject({ stage: 'standstill', awardSuspended: false });
  });

  it('contracted once the contract is concluded', async () => {
    await passStandstill(suite.api, suite.tenderId);
    seen(expectStatus(await alice().post(`${base()}/contract`, CONTRACT), 201));
    const { buyer, notice } = await views();
    for (const view of [buyer, notice]) expect(view.stage).toBe('contracted');
  });
});

describe("An officer's work list: GET /tenders (PostgreSQL)", () => {
  const suite = openedTenderOnPostgres('e2e_work_list');

  it("pages its own authority's tenders by stage, never another's", async () => {
    const { api } = suite;
    const drafts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const drafted = expectStatus(
        await api.as('officer-bob').post('/tenders', noticeTerms(api.clock.now())),
        201,
      );
      drafts.push(drafted.tenderId);
      suite.position = drafted.position;
    }
    const oscar = expectStatus(
      await api.as('officer-oscar').post('/tenders', noticeTerms(api.clock.now())),
      201,
    );
    const headers = { 'x-min-position': oscar.position };

    const all = expectStatus(await api.as('officer-alice').get('/tenders?limit=10', headers), 200);
    const ids = all.items.map((item: any) => item.tenderId);
    expect(ids).toEqual(expect.arrayContaining([...drafts, suite.tenderId]));
    expect(ids).not.toContain(oscar.tenderId);
    expect(all.nextCursor).toBeNull();

    const first = expectStatus(
      await api.as('officer-alice').get('/tenders?stage=draft&limit=2', headers),
      200,
    );
    expect(first.items).toHaveLength(2);
    expect(first.items.every((item: any) => item.stage === 'draft')).toBe(true);
    const second = expectStatus(
      await api.as('officer-alice').get(`/tenders?stage=draft&limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect([...first.items, ...second.items].map((item: any) => item.tenderId).sort()).toEqual(
      [...drafts].sort(),
    );
    expect(second.nextCursor).toBeNull();

    const evaluation = expectStatus(
      await api.as('officer-alice').get('/tenders?stage=evaluation'),
      200,
    );
    expect(evaluation.items.map((item: any) => item.tenderId)).toEqual([suite.tenderId]);
    expect(evaluation.items[0]).toMatchObject({
      awardSuspended: false,
      revision: expect.any(Number),
    });

    expect((await api.as('officer-alice').get('/tenders?stage=planned')).status).toBe(400);
    expect((await api.as('officer-alice').get('/tenders?cursor=nonsense')).status).toBe(400);
    expect((await api.as('evaluator-eve').get('/tenders')).status).toBe(403);

    // A supplier's list: the tenders it bid on, with its bid and the deadline; never a draft.
    const acme = expectStatus(await api.as('supplier-acme').get('/tenders', headers), 200);
    expect(acme.items.map((item: any) => item.tenderId)).toEqual([suite.tenderId]);
    expect(acme.items[0]).toMatchObject({
      stage: 'evaluation',
      submissionDeadline: expect.any(String),
      bid: { status: 'submitted', receivedAt: expect.any(String) },
    });
    const none = expectStatus(await api.as('supplier-acme').get('/tenders?stage=tendering'), 200);
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});
