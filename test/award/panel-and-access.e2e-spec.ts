/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { issueToken } from '@fairtender/auth';
import { evaluatorStream, refusalStream, type Actor } from '@fairtender/domain';
import { noticeTerms } from '../support/tender-fixtures';
import { declareAndScore, expectStatus, openedTenderOnPostgres, PANEL } from './award-fixtures';

/**
 * Issue 12 findings 4, 5 and 8 over HTTP on PostgreSQL: a panel counts only once its members have
 * accepted with tokens of evaluators of the buyer; opened bids are read by officers and unconflicted
 * panel members alone; legal acts for its own authority, oversight for all.
 */
describe('Panel membership, bid content and legal scope (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_panel_access');
  const refusals = async (tenderId: string) =>
    (await suite.api.store.readStream(refusalStream(tenderId)))
      .filter((event) => event.type === 'AccessRefused')
      .map((event) => ({
        code: (event.data as any).code,
        userId: (event.metadata as any).actor.userId,
        action: (event.data as any).action,
      }));
  /** A token the demo list does not hold: the same user id as a member, of another authority. */
  const asActor = async (actor: Actor) => {
    const token = await issueToken(suite.api.config.auth, actor);
    return {
      post: (path: string, body: unknown = {}) =>
        suite.api.as(null).post(path, body, { authorization: `Bearer ${token}` }),
      put: (path: string, body: unknown) =>
        suite.api.as(null).put(path, body, { authorization: `Bearer ${token}` }),
      get: (path: string) => suite.api.as(null).get(path, { authorization: `Bearer ${token}` }),
    };
  };
  const impostor: Actor = {
    userId: 'evaluator-eve',
    organisationId: 'authority-2',
    role: 'evaluator',
  };

  describe('finding 5: anyone named on a panel, but only evaluators of the buyer take a seat', () => {
    const named = [
      'evaluator-eve',
      'evaluator-evan',
      'supplier-acme',
      'officer-oscar',
      'evaluator-ezra',
      'nobody-holds-this-id',
    ];

    it('the appointment names user ids and binds nobody yet: the panel that counts is empty', async () => {
      const appointed = expectStatus(
        await suite.alice().put(`${suite.base()}/panel`, { evaluatorIds: named }),
        200,
      );
      expect(appointed.recorded).toEqual(['EvaluationPanelAppointed']);
      const ranking = expectStatus(await suite.alice().get(`${suite.base()}/ranking`), 200);
      expect(ranking.violations).toContainEqual({
        code: 'PANEL_TOO_SMALL',
        message: `The evaluation panel has 0 evaluator(s); the notice requires 2 (only accepted members count; appointed, not yet accepted: ${named.join(', ')})`,
      });
    });

    it('a member who has not accepted may not act: 403 PANEL_MEMBERSHIP_NOT_ACCEPTED, recorded', async () => {
      const early = await suite.api
        .as('evaluator-eve')
        .put(`${suite.base()}/declarations/acme`, { conflict: false });
      expect(early.status).toBe(403);
      expect(early.body.code).toBe('PANEL_MEMBERSHIP_NOT_ACCEPTED');
      expect(await refusals(suite.tenderId)).toContainEqual(
        expect.objectContaining({ code: 'PANEL_MEMBERSHIP_NOT_ACCEPTED', userId: 'evaluator-eve' }),
      );
    });

    it('a supplier’s user and an officer named on it cannot accept: 403 ROLE_NOT_ALLOWED, recorded', async () => {
      for (const user of ['supplier-acme', 'officer-oscar'] as const) {
        const refused = await suite.api.as(user).post(`${suite.base()}/panel/acceptance`);
        expect({ user, status: refused.status, code: refused.body.code }).toEqual({
          user,
          status: 403,
          code: 'ROLE_NOT_ALLOWED',
        });
      }
      const recorded = await refusals(suite.tenderId);
      expect(recorded).toContainEqual(
        expect.objectContaining({ code: 'ROLE_NOT_ALLOWED', userId: 'supplier-acme' }),
      );
      expect(recorded).toContainEqual(
        expect.objectContaining({ code: 'ROLE_NOT_ALLOWED', userId: 'officer-oscar' }),
      );
    });

    it('an evaluator of another authority cannot accept, nor can one holding a member’s id: 403 NOT_YOUR_ORGANISATION', async () => {
      const foreign = await suite.api.as('evaluator-ezra').post(`${suite.base()}/panel/acceptance`);
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('NOT_YOUR_ORGANISATION');
      const lookalike = await (await asActor(impostor)).post(`${suite.base()}/panel/acceptance`);
      expect(lookalike.status).toBe(403);
      expect(lookalike.body.code).toBe('NOT_YOUR_ORGANISATION');
      expect(await refusals(suite.tenderId)).toContainEqual(
        expect.objectContaining({ code: 'NOT_YOUR_ORGANISATION', userId: 'evaluator-ezra' }),
      );
    });

    it('an evaluator of the buyer who was not named cannot accept: 403 NOT_ON_PANEL', async () => {
      const refused = await suite.api.as('evaluator-ella').post(`${suite.base()}/panel/acceptance`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_ON_PANEL');
    });

    it('the two evaluators of the buyer accept; the panel counts two, and the unknown id never will', async () => {
      for (const evaluator of PANEL) {
        const accepted = expectStatus(
          await suite.api.as(evaluator).post(`${suite.base()}/panel/acceptance`),
          200,
        );
        expect(accepted.recorded).toEqual(['PanelMembershipAccepted']);
      }
      const again = expectStatus(
        await suite.api.as('evaluator-eve').post(`${suite.base()}/panel/acceptance`),
        200,
      );
      expect(again.recorded).toEqual([]);
      const ranking = expectStatus(await suite.alice().get(`${suite.base()}/ranking`), 200);
      expect(ranking.violations.map((v: any) => v.code)).not.toContain('PANEL_TOO_SMALL');
      const scores = expectStatus(await suite.alice().get(`${suite.base()}/scores`), 200);
      expect(scores.evaluators.map((e: any) => e.evaluatorId)).toEqual(PANEL);
    });

    it('a foreign evaluator cannot write a declaration on the tender, even with a member’s id', async () => {
      const foreign = await suite.api
        .as('evaluator-ezra')
        .put(`${suite.base()}/declarations/acme`, { conflict: false });
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('NOT_YOUR_ORGANISATION');
      const lookalike = await (
        await asActor(impostor)
      ).put(`${suite.base()}/declarations/acme`, { conflict: false });
      expect(lookalike.status).toBe(403);
      expect(lookalike.body.code).toBe('NOT_YOUR_ORGANISATION');
      const scoresRead = await (await asActor(impostor)).get(`${suite.base()}/scores`);
      expect(scoresRead.status).toBe(403);
      expect(scoresRead.body.code).toBe('NOT_YOUR_ORGANISATION');
      expect(
        await suite.api.store.readStream(evaluatorStream(suite.tenderId, 'evaluator-ezra')),
      ).toEqual([]);
      expect(
        await suite.api.store.readStream(evaluatorStream(suite.tenderId, 'evaluator-eve')),
      ).toEqual([]);
    });
  });

  describe('finding 4: an opened bid is read by officers of the buyer and unconflicted panel members', () => {
    const content = (supplierId: string) => `${suite.base()}/bids/${supplierId}/content`;

    beforeAll(async () => {
      for (const supplierId of ['acme', 'birch']) {
        expectStatus(
          await suite
            .alice()
            .post(`${suite.base()}/compliance/${supplierId}`, { decision: 'passed' }),
          200,
        );
      }
      // eve declares a conflict with birch and none with acme.
      expectStatus(
        await suite.api.as('evaluator-eve').put(`${suite.base()}/declarations/birch`, {
          conflict: true,
          statement: 'My sister is the account director for this tender at Birch.',
        }),
        200,
      );
      await declareAndScore(suite.api, suite.tenderId, 'evaluator-eve', {
        acme: { quality: 7, 'social-value': 6 },
      });
    });

    it('officers of the buyer and panel members read the bids they are not conflicted from', async () => {
      expect(expectStatus(await suite.alice().get(content('birch')), 200).supplierId).toBe('birch');
      expect(
        expectStatus(await suite.api.as('evaluator-eve').get(content('acme')), 200),
      ).toMatchObject({
        supplierId: 'acme',
      });
      expect(
        expectStatus(await suite.api.as('evaluator-evan').get(content('birch')), 200),
      ).toMatchObject({
        supplierId: 'birch',
      });
    });

    it('an evaluator of the buyer not on the panel: 403 NOT_ON_PANEL, recorded as a refusal', async () => {
      const refused = await suite.api.as('evaluator-ella').get(content('acme'));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_ON_PANEL');
      expect(JSON.stringify(refused.body)).not.toContain('cameras, docking');
      expect(await refusals(suite.tenderId)).toContainEqual({
        code: 'NOT_ON_PANEL',
        userId: 'evaluator-ella',
        action: `GET ${content('acme')}`,
      });
    });

    it('a panel member reading the bid it declared a conflict with: 403 CONFLICTED_FROM_BID, recorded', async () => {
      const refused = await suite.api.as('evaluator-eve').get(content('birch'));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CONFLICTED_FROM_BID');
      expect(await refusals(suite.tenderId)).toContainEqual({
        code: 'CONFLICTED_FROM_BID',
        userId: 'evaluator-eve',
        action: `GET ${content('birch')}`,
      });
    });

    it('another authority’s officer and evaluator, and a member’s id in a foreign token: 403 NOT_YOUR_ORGANISATION', async () => {
      for (const user of ['officer-oscar', 'evaluator-ezra'] as const) {
        const refused = await suite.api.as(user).get(content('acme'));
        expect({ user, status: refused.status, code: refused.body.code }).toEqual({
          user,
          status: 403,
          code: 'NOT_YOUR_ORGANISATION',
        });
      }
      const lookalike = await (await asActor(impostor)).get(content('acme'));
      expect(lookalike.status).toBe(403);
      expect(lookalike.body.code).toBe('NOT_YOUR_ORGANISATION');
    });
  });

  describe('finding 8: legal acts for its own authority; the auditor oversees every authority', () => {
    let foreignTender: string;
    let foreignDraft: string;
    const of = (tenderId: string) => `/tenders/${tenderId}`;

    beforeAll(async () => {
      const oscar = suite.api.as('officer-oscar');
      foreignDraft = expectStatus(
        await oscar.post('/tenders', noticeTerms(suite.api.clock.now())),
        201,
      ).tenderId;
      foreignTender = expectStatus(
        await oscar.post('/tenders', noticeTerms(suite.api.clock.now())),
        201,
      ).tenderId;
      const published = expectStatus(await oscar.post(`${of(foreignTender)}/publication`), 200);
      // The integrity report is a read model: wait until it has the publication.
      expectStatus(
        await suite.api
          .as('auditor-ada')
          .get(`${of(foreignTender)}/integrity`, { 'x-min-position': published.position }),
        200,
      );
    });

    const reads: [string, string, string?][] = [
      ['GET', 'history'],
      ['GET', 'state', '?at=2030-01-01T00:00:00Z'],
      ['POST', 'verification'],
      ['GET', 'evidence'],
      ['GET', 'integrity'],
      ['GET', 'scores'],
      ['GET', 'ranking'],
      ['GET', 'challenges'],
    ];

    it.each(reads)(
      "legal of authority 1 is refused %s /%s of authority 2's tender (403 NOT_YOUR_ORGANISATION, recorded); the auditor reads it",
      async (method, path, query = '') => {
        const url = `${of(foreignTender)}/${path}`;
        const refused = await suite.api.as('legal-lee').request(method, `${url}${query}`);
        expect({ status: refused.status, code: refused.body?.code }).toEqual({
          status: 403,
          code: 'NOT_YOUR_ORGANISATION',
        });
        expect(await refusals(foreignTender)).toContainEqual({
          code: 'NOT_YOUR_ORGANISATION',
          userId: 'legal-lee',
          action: `${method} ${url}`,
        });
        const overseen = await suite.api.as('auditor-ada').request(method, `${url}${query}`);
        expect(overseen.status).toBe(200);
      },
    );

    it('legal still reads its own authority’s tender', async () => {
      for (const path of ['history', 'scores', 'ranking', 'challenges', 'integrity']) {
        const own = await suite.api.as('legal-lee').get(`${suite.base()}/${path}`);
        expect({ path, status: own.status }).toEqual({ path, status: 200 });
      }
    });

    it("another authority's draft is no tender to legal (404 TENDER_NOT_FOUND); the auditor reads it", async () => {
      const hidden = await suite.api.as('legal-lee').get(`${of(foreignDraft)}/history`);
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({
        code: 'TENDER_NOT_FOUND',
        message: `No tender ${foreignDraft}`,
      });
      expect((await suite.api.as('auditor-ada').get(`${of(foreignDraft)}/history`)).status).toBe(
        200,
      );
    });

    it("legal of authority 1 cannot record the outcome of a challenge on authority 2's tender", async () => {
      const refused = await suite.api
        .as('legal-lee')
        .post(`${of(foreignTender)}/challenges/3f2c9a1e-7d4b-4c1a-9e6f-2b8d0c5a7e91/outcome`, {
          outcome: 'dismissed',
          reason: 'The claimant withdrew every ground it raised at the hearing.',
        });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('NOT_YOUR_ORGANISATION');
    });

    it('red flags across tenders: legal sees its own authority’s only', async () => {
      const own = expectStatus(await suite.api.as('legal-lee').get('/integrity/red-flags'), 200);
      expect(own.items.every((flag: any) => flag.buyerOrganisationId === 'authority-1')).toBe(true);
      const other = await suite.api
        .as('legal-lee')
        .get('/integrity/red-flags?buyerOrganisationId=authority-2');
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('NOT_YOUR_ORGANISATION');
      expect(
        (
          await suite.api
            .as('auditor-ada')
            .get('/integrity/red-flags?buyerOrganisationId=authority-2')
        ).status,
      ).toBe(200);
    });
  });
});
