/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { issueToken, type DemoUserId } from '@fairtender/auth';
import { openSqlClient, type SqlClient } from '@fairtender/event-store';
import { rebuildAndCompare } from '@fairtender/read-models';
import {
  expectStatus,
  openedTender,
  openedTenderOnPostgres,
  PANEL,
  REASONED_EXCLUSION,
  scoreBody,
  submit,
} from './award-fixtures';

const CONFLICT = {
  conflict: true,
  statement: 'My brother is the managing director of Birch and holds a third of its shares',
};

/**
 * Issue 16 point 3 over HTTP on PostgreSQL: `GET /assignments` gives an evaluator its seats on its
 * own authority's panels and what it still has to score, counting down as it scores, without the
 * bids it declared a conflict with; nobody else's seats; paged and filtered; evaluators only.
 */
describe('An evaluator’s work list, GET /assignments (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_assignments');
  /** The position of the last command, so each read includes it. */
  let position = '';
  const act = async (response: Promise<{ status: number; body: any }>) => {
    const body = expectStatus(await response, 200);
    position = body.position;
    return body;
  };
  const list = async (user: DemoUserId, query = '') =>
    suite.api.as(user).get(`/assignments${query}`, { 'x-min-position': position });
  const itemsOf = async (user: DemoUserId, query = '') =>
    expectStatus(await list(user, query), 200).items as any[];
  const seatOn = async (user: DemoUserId, tenderId = suite.tenderId) =>
    (await itemsOf(user)).find((item) => item.tenderId === tenderId);

  it('shows nothing before the panel is appointed, then the seat as soon as it is', async () => {
    position = suite.position;
    expect(await itemsOf('evaluator-eve')).toEqual([]);
    await act(suite.alice().put(`${suite.base()}/panel`, { evaluatorIds: PANEL }));
    expect(await itemsOf('evaluator-eve')).toEqual([
      {
        tenderId: suite.tenderId,
        title: expect.any(String),
        buyerOrganisationId: 'authority-1',
        stage: 'evaluation',
        round: 1,
        membership: 'appointed',
        status: 'to-score',
        bidsToScore: 0,
        bidsAwaitingCompliance: 3,
        declarationsDue: 0,
        cellsExpected: 0,
        cellsScored: 0,
        submittedAt: null,
        appointedAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
  });

  it('counts the compliant bids to score once it has accepted', async () => {
    await act(suite.alice().post(`${suite.base()}/compliance/acme`, { decision: 'passed' }));
    await act(suite.alice().post(`${suite.base()}/compliance/birch`, { decision: 'passed' }));
    await act(suite.alice().post(`${suite.base()}/compliance/cedar`, REASONED_EXCLUSION));
    for (const evaluator of PANEL) {
      await act(suite.api.as(evaluator).post(`${suite.base()}/panel/acceptance`));
    }
    expect(await seatOn('evaluator-eve')).toMatchObject({
      membership: 'accepted',
      bidsToScore: 2,
      bidsAwaitingCompliance: 0,
      declarationsDue: 2,
      // Two bids × the notice's two quality criteria (price is computed).
      cellsExpected: 4,
      cellsScored: 0,
    });
  });

  it('counts down as it scores, and a bid it declared a conflict with is not counted', async () => {
    const eve = suite.api.as('evaluator-eve');
    await act(eve.put(`${suite.base()}/declarations/acme`, { conflict: false }));
    await act(
      eve.put(`${suite.base()}/scores/acme`, scoreBody('acme', { quality: 8, 'social-value': 6 })),
    );
    expect(await seatOn('evaluator-eve')).toMatchObject({
      bidsToScore: 2,
      declarationsDue: 1,
      cellsExpected: 4,
      cellsScored: 2,
    });
    await act(eve.put(`${suite.base()}/declarations/birch`, CONFLICT));
    expect(await seatOn('evaluator-eve')).toMatchObject({
      status: 'to-score',
      bidsToScore: 1,
      declarationsDue: 0,
      cellsExpected: 2,
      cellsScored: 2,
    });
    position = (await submit(suite.api, suite.tenderId, 'evaluator-eve')).position;
    const done = await seatOn('evaluator-eve');
    expect(done).toMatchObject({ status: 'done', submittedAt: expect.any(String) });
    expect(await itemsOf('evaluator-eve', '?status=to-score')).toEqual([]);
    expect(await itemsOf('evaluator-eve', '?status=done')).toEqual([done]);
    expect(await itemsOf('evaluator-eve', '?status=all')).toEqual([done]);
  });

  it('another evaluator sees its own seat alone; evaluators not on the panel, or of another authority, see none', async () => {
    expect(await itemsOf('evaluator-evan')).toEqual([
      expect.objectContaining({
        tenderId: suite.tenderId,
        membership: 'accepted',
        status: 'to-score',
        bidsToScore: 2,
        declarationsDue: 2,
        cellsExpected: 4,
        cellsScored: 0,
      }),
    ]);
    expect(await itemsOf('evaluator-ella')).toEqual([]);
    expect(await itemsOf('evaluator-ezra')).toEqual([]);
    // Eve's user id on a token of another authority: the seat belongs to authority-1's evaluator.
    const token = await issueToken(suite.api.config.auth, {
      userId: 'evaluator-eve',
      organisationId: 'authority-2',
      role: 'evaluator',
    });
    const lookalike = await suite.api
      .as(null)
      .get('/assignments', { authorization: `Bearer ${token}`, 'x-min-position': position });
    expect(expectStatus(lookalike, 200)).toEqual({ items: [], nextCursor: null });
  });

  it('is for evaluators only: an officer’s or a supplier’s token is 403 ROLE_NOT_ALLOWED', async () => {
    for (const user of ['officer-alice', 'supplier-acme'] as const) {
      const refused = await list(user);
      expect({ user, status: refused.status, code: refused.body.code }).toEqual({
        user,
        status: 403,
        code: 'ROLE_NOT_ALLOWED',
      });
    }
  });

  it('pages newest appointment first with cursor and limit, and filters by stage', async () => {
    const later: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const opened = await openedTender(suite.api);
      const appointed = await act(
        suite.alice().put(`/tenders/${opened.tenderId}/panel`, { evaluatorIds: PANEL }),
      );
      expect(appointed.recorded).toEqual(['EvaluationPanelAppointed']);
      later.push(opened.tenderId);
    }
    const all = await itemsOf('evaluator-eve');
    expect(all.map((item) => item.tenderId)).toEqual([...later].reverse().concat(suite.tenderId));
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = expectStatus(await list('evaluator-eve', query), 200);
      pages.push(page.items.map((item: any) => item.tenderId));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual(all.map((item) => [item.tenderId]));

    expect((await itemsOf('evaluator-eve', '?status=to-score')).map((i) => i.tenderId)).toEqual(
      [...later].reverse(),
    );
    expect(await itemsOf('evaluator-eve', '?stage=evaluation')).toEqual(all);
    expect(await itemsOf('evaluator-eve', '?stage=standstill')).toEqual([]);
  });

  it('refuses a cursor it did not give and a status it does not know: 400', async () => {
    const cursor = await list('evaluator-eve', '?cursor=bm90LWEtY3Vyc29y');
    expect({ status: cursor.status, code: cursor.body.code }).toEqual({
      status: 400,
      code: 'INVALID_CURSOR',
    });
    const status = await list('evaluator-eve', '?status=finished');
    expect({ status: status.status, code: status.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('a rebuild from zero, in batches unlike the live projector’s, gives the same seats', async () => {
    const client: SqlClient = await openSqlClient({
      kind: 'postgres',
      databaseUrl: suite.database.url,
    });
    try {
      const report = await rebuildAndCompare({ store: suite.api.store, client });
      const tables = report.tables.filter((t) =>
        ['rm_evaluation_tenders', 'rm_evaluator_assignments'].includes(t.table),
      );
      expect(tables.map((t) => [t.table, t.rebuiltRows, t.differences])).toEqual([
        ['rm_evaluation_tenders', 3, 0],
        ['rm_evaluator_assignments', 6, 0],
      ]);
      expect(report.identical).toBe(true);
    } finally {
      await client.close();
    }
  });
});
