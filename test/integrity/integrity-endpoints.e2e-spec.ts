import { refusalStream } from '@fairtender/domain';
import { formatPosition } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import {
  day,
  identicalPricesTender,
  pilotTender,
  rolloutTender,
  shortTender,
} from './integrity-scenarios';
import type { TenderHistory } from './tender-history';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */

/**
 * The competition-integrity endpoints over HTTP on PostgreSQL, the projector running in the process:
 * the seeds' tenders appended to the event store, then read as each role would.
 */
describe('Competition-integrity endpoints (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let pilot: TenderHistory;
  let rollout: TenderHistory;
  let short: TenderHistory;
  let identical: TenderHistory;
  let caughtUp: Record<string, string>;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_integrity');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    pilot = await pilotTender(api.store);
    rollout = await rolloutTender(api.store);
    identical = await identicalPricesTender(api.store);
    short = await shortTender(api.store);
    caughtUp = { 'x-min-position': formatPosition(short.last.position) };
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const integrityOf = (tenderId: string) => `/tenders/${tenderId}/integrity`;
  const refusals = async (tenderId: string) =>
    (await api.store.readStream(refusalStream(tenderId))).map((e) => [
      e.type,
      e.metadata.actor?.userId,
      (e.data as { code: string }).code,
    ]);

  describe('GET /tenders/:id/integrity', () => {
    it("shows the buyer's officers, legal and auditors the report, the matrix and every flag", async () => {
      for (const user of ['officer-alice', 'legal-lee', 'auditor-ada'] as const) {
        const { status, body } = await api.as(user).get(integrityOf(pilot.tenderId), caughtUp);
        expect(status).toBe(200);
        expect(body).toMatchObject({
          tenderId: pilot.tenderId,
          buyerOrganisationId: 'authority-1',
          stage: 'contracted',
          sealed: false,
          counts: { received: 3, compliant: 1, excluded: 2, fullyEvaluated: 1 },
          coverage: {
            criteria: ['quality', 'delivery'],
            bids: [{ supplierId: 'acme', complete: true }],
          },
          openViolations: [],
          award: { status: 'contracted', supplierId: 'acme', confirmedBy: 'officer-bob' },
        });
        expect(body.position).toMatch(/^\d+-\d+$/);
        expect(body.redFlags.map((f: any) => [f.code, f.supplierId ?? null])).toEqual([
          ['R038', null],
          ['FT-DIRECT-AWARD', 'acme'],
          ['FT-EVALUATION-ASYMMETRY', 'acme'],
          ['R035', 'acme'],
          ['R036', 'birch'],
          ['FT-CONTRACT-CHANGE', 'acme'],
        ]);
        expect(body.redFlags[2].evidence).toMatchObject({ ratio: 5, thresholdRatio: 2 });
      }
      const next = await api.as('auditor-ada').get(integrityOf(rollout.tenderId), caughtUp);
      expect(next.body.redFlags).toEqual([
        expect.objectContaining({
          code: 'FT-INCUMBENT-EXTENDED-THEN-WON',
          supplierId: 'acme',
          evidence: expect.objectContaining({
            extensions: [expect.objectContaining({ tenderId: pilot.tenderId, addedMonths: 12 })],
          }),
        }),
      ]);
    });

    it("refuses another authority's officer, suppliers and evaluators, and records each refusal", async () => {
      const oscar = await api.as('officer-oscar').get(integrityOf(pilot.tenderId), caughtUp);
      expect(oscar.status).toBe(403);
      expect(oscar.body.code).toBe('NOT_YOUR_ORGANISATION');
      const supplier = await api.as('supplier-acme').get(integrityOf(pilot.tenderId));
      expect(supplier.status).toBe(403);
      expect(supplier.body).toMatchObject({
        code: 'ROLE_NOT_ALLOWED',
        details: { allowed: ['officer', 'legal', 'auditor'] },
      });
      expect((await api.as('evaluator-eve').get(integrityOf(pilot.tenderId))).status).toBe(403);
      expect(await refusals(pilot.tenderId)).toEqual([
        ['AccessRefused', 'officer-oscar', 'NOT_YOUR_ORGANISATION'],
        ['AccessRefused', 'supplier-acme', 'ROLE_NOT_ALLOWED'],
        ['AccessRefused', 'evaluator-eve', 'ROLE_NOT_ALLOWED'],
      ]);
      const own = await api.as('officer-oscar').get(integrityOf(short.tenderId), caughtUp);
      expect(own.status).toBe(200);
    });

    it('before opening names no bidder; read-your-writes once the bids are opened', async () => {
      const sealed = await api.as('officer-oscar').get(integrityOf(short.tenderId), caughtUp);
      expect(sealed.body).toMatchObject({ sealed: true, counts: { received: 1 }, bids: [] });
      expect(sealed.body.redFlags.map((f: any) => f.code)).toEqual([
        'R003',
        'FT-UNANSWERED-CLARIFICATIONS',
        'R018',
      ]);
      expect(JSON.stringify(sealed.body)).not.toContain('cedar');

      await short.open(day(111));
      const opened = await api.as('auditor-ada').get(integrityOf(short.tenderId), {
        'x-min-position': formatPosition(short.last.position),
      });
      expect(opened.status).toBe(200);
      // `legal` acts for its own authority only (issue 12 finding 8): authority-1's legal is refused.
      const foreignLegal = await api.as('legal-lee').get(integrityOf(short.tenderId));
      expect([foreignLegal.status, foreignLegal.body.code]).toEqual([403, 'NOT_YOUR_ORGANISATION']);
      expect(opened.body.sealed).toBe(false);
      expect(opened.body.redFlags.find((f: any) => f.code === 'R018').supplierId).toBe('cedar');
    });

    it('answers 404 for an unknown tender, 400 for a malformed id or position', async () => {
      const unknown = await api
        .as('auditor-ada')
        .get(integrityOf('00000000-0000-4000-8000-000000000000'), caughtUp);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'TENDER_NOT_FOUND']);
      const malformed = await api.as('auditor-ada').get(integrityOf('not-a-uuid'));
      expect([malformed.status, malformed.body.code]).toEqual([400, 'INVALID_PARAMETER']);
      const position = await api
        .as('auditor-ada')
        .get(integrityOf(pilot.tenderId), { 'x-min-position': 'soon' });
      expect([position.status, position.body.code]).toEqual([400, 'INVALID_POSITION']);
    });
  });

  describe('GET /integrity/red-flags', () => {
    const list = (query: string, user: 'legal-lee' | 'auditor-ada' = 'auditor-ada') =>
      api.as(user).get(`/integrity/red-flags${query}`, caughtUp);

    it('lists every tender’s flags for auditors (legal: its own authority’s), newest first, filtered', async () => {
      const own = await list('?limit=500', 'legal-lee');
      expect(own.status).toBe(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      expect(own.body.items.every((f: any) => f.buyerOrganisationId === 'authority-1')).toBe(true);
      const all = await list('?limit=500');
      expect(all.status).toBe(200);
      expect(own.body.items).toEqual(
        all.body.items.filter((f: any) => f.buyerOrganisationId === 'authority-1'),
      );
      expect(all.body.nextCursor).toBeNull();
      const times = all.body.items.map((f: any) => f.raisedAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(all.body.items).toHaveLength(6 + 1 + 4 + 3);
      expect(all.body.items[0]).toEqual({
        tenderId: rollout.tenderId,
        buyerOrganisationId: 'authority-1',
        key: 'FT-INCUMBENT-EXTENDED-THEN-WON',
        code: 'FT-INCUMBENT-EXTENDED-THEN-WON',
        title: 'Won by a supplier whose contract with the same buyer had just been extended',
        supplierId: 'acme',
        raisedAt: day(250),
        evidence: expect.objectContaining({ supplierId: 'acme' }),
      });

      const byCode = await list('?code=R028');
      expect(byCode.body.items.map((f: any) => [f.tenderId, f.supplierId])).toEqual([
        [identical.tenderId, 'acme'],
        [identical.tenderId, 'birch'],
      ]);
      const byBuyer = await list('?buyerOrganisationId=authority-2');
      expect(new Set(byBuyer.body.items.map((f: any) => f.tenderId))).toEqual(
        new Set([short.tenderId]),
      );
      const bySupplier = await list(`?supplierId=birch&tenderId=${pilot.tenderId}`);
      expect(bySupplier.body.items.map((f: any) => f.code)).toEqual(['R036']);
      const window = await list(
        `?tenderId=${pilot.tenderId}&since=${encodeURIComponent(day(45))}&until=${encodeURIComponent(day(46))}`,
      );
      expect(window.body.items.map((f: any) => f.code)).toEqual(['R038']);
    });

    it('pages with limit and cursor through the same order', async () => {
      const all = (await list('?limit=500')).body.items.map((f: any) => `${f.tenderId}/${f.key}`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await list(query);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        paged.push(...page.body.items.map((f: any) => `${f.tenderId}/${f.key}`));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    });

    it('refuses officers and suppliers; refuses bad filters naming them', async () => {
      const officer = await api.as('officer-alice').get('/integrity/red-flags');
      expect([officer.status, officer.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      expect((await api.as('supplier-acme').get('/integrity/red-flags')).status).toBe(403);
      for (const [query, field] of [
        ['?code=R999', 'code'],
        ['?since=yesterday', 'since'],
        ['?until=2025-13-01T00:00:00Z', 'until'],
        ['?limit=0', 'limit'],
        ['?limit=501', 'limit'],
        ['?tenderId=abc', 'tenderId'],
        ['?supplierId=a%20b', 'supplierId'],
        ['?colour=red', 'colour'],
      ]) {
        const response = await list(query);
        expect([query, response.status, response.body.code]).toEqual([
          query,
          400,
          'VALIDATION_FAILED',
        ]);
        expect(JSON.stringify(response.body.details)).toContain(field);
      }
      const cursor = await list('?cursor=bm90LWEtY3Vyc29y');
      expect([cursor.status, cursor.body.code]).toEqual([400, 'INVALID_CURSOR']);
    });
  });
});
