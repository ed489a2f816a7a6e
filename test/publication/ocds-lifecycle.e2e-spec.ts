/* eslint-disable @typescript-eslint/no-explicit-any -- OCDS documents are JSON the test walks freely */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlClient, type SqlClient } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { rebuildAndCompare } from '@fairtender/read-models';
import { buildProgram } from '../../apps/cli/src/program';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { expectValidOcds } from './expect-valid-ocds';
import { assertValidOcds } from './ocds-schemas';

const DAY = 24 * 60 * 60 * 1000;
const SUPPLIERS = /acme|birch|cedar/;

/**
 * A tender from draft to opened bids over HTTP against PostgreSQL, checked after every step against
 * the official OCDS schemas; a cancelled tender; the feed; the command line's JSON Lines for Cardinal.
 */
describe('Publication as OCDS 1.1.5 over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let cancelledId: string;
  let draftId: string;
  let position: string;
  let submissionDeadline: string;
  const anonymous = () => api.as(null);
  const seen = () => ({ 'x-min-position': position });
  const ocds = () => expectValidOcds(api.baseUrl, tenderId, { minPosition: position });

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_ocds');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      OCDS_OCID_PREFIX: 'ocds-e2etest',
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('a draft is never published: 404 for its releases and its record', async () => {
    const drafted = await api.as('officer-alice').post('/tenders', noticeTerms(api.clock.now()));
    expect(drafted.status).toBe(201);
    draftId = drafted.body.tenderId;
    position = drafted.body.position;
    for (const path of ['releases', 'record']) {
      const response = await anonymous().get(`/ocds/tenders/${draftId}/${path}`, seen());
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        code: 'TENDER_NOT_FOUND',
        requestId: expect.any(String),
      });
    }
  });

  it('publication is a `tender` release: valid, with the notice mapped to OCDS fields', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    tenderId = drafted.body.tenderId;
    const published = await officer.post(`/tenders/${tenderId}/publication`);
    expect(published.status).toBe(200);
    position = published.body.position;

    const { releases, releasePackage, compiledRelease } = await ocds();
    expect(releases.map((r) => r.tag)).toEqual([['tender']]);
    expect(releasePackage).toMatchObject({
      uri: `${api.baseUrl}/ocds/tenders/${tenderId}/releases`,
      version: '1.1',
      publisher: { name: 'Fairtender' },
      extensions: [
        'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
      ],
    });
    const notice = (await anonymous().get(`/notices/${tenderId}`, seen())).body;
    expect(compiledRelease).toMatchObject({
      ocid: `ocds-e2etest-${tenderId}`,
      initiationType: 'tender',
      buyer: { id: 'authority-1' },
      parties: [{ id: 'authority-1', roles: ['buyer', 'procuringEntity'] }],
      tender: {
        id: tenderId,
        title: notice.title,
        status: 'active',
        value: { amount: 50_000_000, currency: 'GBP' },
        procurementMethod: 'open',
        procurementMethodDetails: 'Open procedure (UK Procurement Act 2023)',
        awardCriteria: 'ratedCriteria',
        mainProcurementCategory: 'goods',
        items: [{ classification: { scheme: 'CPV', id: '35125300-2' } }],
        tenderPeriod: { startDate: notice.publishedAt, endDate: notice.submissionDeadline },
        enquiryPeriod: { endDate: notice.clarificationDeadline },
      },
    });
    expect(compiledRelease.tender.awardCriteriaDetails).toContain('Price 40%');
    // Anyone may read it: no token was sent.
    expect((await anonymous().get(`/ocds/tenders/${tenderId}/record`)).status).toBe(200);
  });

  it('an answered clarification is a `tenderUpdate`; who asked is nowhere', async () => {
    const asked = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/clarifications`, { question: 'Must footage stay in the UK?' });
    position = asked.body.position;
    expect((await ocds()).releases).toHaveLength(1);
    const answered = await api
      .as('officer-bob')
      .post(`/tenders/${tenderId}/clarifications/${asked.body.questionId}/answer`, {
        answer: 'Yes: UK data centres only.',
      });
    position = answered.body.position;
    const { releases, compiledRelease } = await ocds();
    expect(releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderUpdate']);
    expect(compiledRelease.tender.hasEnquiries).toBe(true);
    expect(compiledRelease.tender.documents).toEqual([
      expect.objectContaining({
        documentType: 'clarifications',
        description: expect.stringMatching(
          /Must footage stay in the UK\?[\s\S]*UK data centres only/,
        ),
      }),
    ]);
    expect(JSON.stringify(releases)).not.toMatch(SUPPLIERS);
  });

  it('bids, a revision and a withdrawal publish nothing before opening; an amendment does', async () => {
    for (const [user, price] of [
      ['supplier-acme', 41_000_000],
      ['supplier-birch', 43_000_000],
      ['supplier-cedar', 39_000_000],
    ] as const) {
      const placed = await api.as(user).post(`/tenders/${tenderId}/bid`, bidBody(price, user));
      expect(placed.status).toBe(201);
    }
    await api.as('supplier-birch').put(`/tenders/${tenderId}/bid`, bidBody(40_000_000, 'Birch v2'));
    const withdrawn = await api
      .as('supplier-cedar')
      .post(`/tenders/${tenderId}/bid/withdrawal`, {});
    position = withdrawn.body.position;
    expect((await ocds()).releases).toHaveLength(2);

    const { body: notice } = await anonymous().get(`/notices/${tenderId}`);
    submissionDeadline = new Date(Date.parse(notice.submissionDeadline) + 5 * DAY).toISOString();
    const amended = await api.as('officer-alice').post(`/tenders/${tenderId}/amendments`, {
      changes: { submissionDeadline },
      reason: 'More time after the storage clarification',
    });
    expect(amended.status).toBe(200);
    position = amended.body.position;
    const { releases, compiledRelease } = await ocds();
    expect(releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderUpdate', 'tenderAmendment']);
    expect(compiledRelease.tender.tenderPeriod.endDate).toBe(submissionDeadline);
    expect(compiledRelease.tender.amendments).toEqual([
      expect.objectContaining({
        rationale: 'More time after the storage clarification',
        amendsReleaseID: releases[1].id,
        releaseID: releases[2].id,
        description: expect.stringContaining(`to ${submissionDeadline}`),
      }),
    ]);
    const text = JSON.stringify(releases);
    expect(text).not.toMatch(SUPPLIERS);
    expect(compiledRelease.bids).toBeUndefined();
    expect(compiledRelease.tender.numberOfTenderers).toBeUndefined();
  });

  it('closing, then the two-officer opening: bidders, bid details and statistics appear', async () => {
    const reconfirmed = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/bid/reconfirmation`);
    expect(reconfirmed.status).toBe(200);
    api.clock.set(new Date(Date.parse(submissionDeadline) + 1));
    const closed = await api.as('officer-alice').post(`/tenders/${tenderId}/closing`);
    expect(closed.status).toBe(200);
    position = closed.body.position;
    const afterClosing = await ocds();
    expect(afterClosing.releases.at(-1).tag).toEqual(['tenderUpdate']);
    expect(JSON.stringify(afterClosing.releases)).not.toMatch(SUPPLIERS);

    await api.as('officer-alice').post(`/tenders/${tenderId}/opening`);
    position = (await api.as('officer-bob').post(`/tenders/${tenderId}/opening`)).body.position;
    const { releases, compiledRelease } = await ocds();
    expect(releases.map((r) => r.tag[0])).toEqual([
      'tender',
      'tenderUpdate',
      'tenderAmendment',
      'tenderUpdate',
      'tenderUpdate',
    ]);
    const { body: register } = await api
      .as('officer-alice')
      .get(`/tenders/${tenderId}/bids`, seen());
    const receivedAt = (supplierId: string) =>
      register.bids.find((b: { supplierId: string }) => b.supplierId === supplierId).receivedAt;
    expect(compiledRelease.tender).toMatchObject({
      numberOfTenderers: 2,
      tenderers: [{ id: 'acme' }, { id: 'birch' }],
      awardPeriod: { startDate: expect.any(String) },
    });
    expect(compiledRelease.parties.map((p: any) => [p.id, p.roles])).toEqual([
      ['authority-1', ['buyer', 'procuringEntity']],
      ['acme', ['tenderer']],
      ['birch', ['tenderer']],
    ]);
    expect(compiledRelease.bids.details).toEqual([
      { id: 'bid-acme', date: receivedAt('acme'), status: 'pending', tenderers: [{ id: 'acme' }] },
      {
        id: 'bid-birch',
        date: receivedAt('birch'),
        status: 'pending',
        tenderers: [{ id: 'birch' }],
      },
      {
        id: 'bid-cedar',
        date: receivedAt('cedar'),
        status: 'withdrawn',
        tenderers: [{ id: 'cedar' }],
      },
    ]);
    expect(compiledRelease.bids.statistics).toContainEqual(
      expect.objectContaining({ measure: 'bids', value: 2 }),
    );
    // Nothing sealed, no officer or evaluator, never the asker of the question (acme bid, but the
    // clarification document still does not name it).
    const text = JSON.stringify(releases);
    expect(text).not.toMatch(/officer-|evaluator-|contentHash|ciphertext|wrappedKey|Birch v2/);
    expect(compiledRelease.tender.documents[0].description).not.toMatch(SUPPLIERS);
  });

  it('a cancelled tender: `tender` then `tenderCancellation`, with the termination notice', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    cancelledId = drafted.body.tenderId;
    await officer.post(`/tenders/${cancelledId}/publication`);
    const cancelled = await officer.post(`/tenders/${cancelledId}/cancellation`, {
      reason: 'Requirement withdrawn',
    });
    position = cancelled.body.position;
    const { releases, compiledRelease } = await expectValidOcds(api.baseUrl, cancelledId, {
      minPosition: position,
    });
    expect(releases.map((r) => r.tag[0])).toEqual(['tender', 'tenderCancellation']);
    expect(compiledRelease.tender.status).toBe('cancelled');
    expect(compiledRelease.tender.documents).toContainEqual(
      expect.objectContaining({
        documentType: 'cancellationDetails',
        description: 'Requirement withdrawn',
      }),
    );
  });

  it('the feed pages through every release in order with links.next, each page a valid package', async () => {
    const all: any[] = [];
    let url = `/ocds/releases?limit=3`;
    for (let page = 0; page < 10; page += 1) {
      const response = await anonymous().get(url, page === 0 ? seen() : {});
      if (response.status === 204) break;
      expect(response.status).toBe(200);
      assertValidOcds('releasePackage', response.body, `feed page ${page}`);
      expect(response.body.releases.length).toBeLessThanOrEqual(3);
      all.push(...response.body.releases);
      url = response.body.links.next.slice(api.baseUrl.length);
    }
    const byTender = (id: string) => all.filter((r) => r.ocid.endsWith(id));
    const { releases } = await ocds();
    expect(byTender(tenderId)).toEqual(releases);
    expect(byTender(cancelledId).map((r) => r.tag[0])).toEqual(['tender', 'tenderCancellation']);
    expect(byTender(draftId)).toEqual([]);
    expect(all).toHaveLength(7);

    // Following the last link later returns only what was published since: nothing yet.
    expect((await anonymous().get(url)).status).toBe(204);

    const since = releases.at(-1).date;
    const recent = await anonymous().get(`/ocds/releases?since=${encodeURIComponent(since)}`);
    expect(recent.status).toBe(200);
    expect(recent.body.releases.every((r: any) => r.date >= since)).toBe(true);
    expect(recent.body.releases.map((r: any) => r.id)).toContain(releases.at(-1).id);
  });

  it('bad feed parameters are 400 VALIDATION_FAILED naming each; a bad tender id is 400', async () => {
    for (const [query, field] of [
      ['since=yesterday', 'since'],
      ['since=2025-03-01T00:00:00', 'since'],
      ['cursor=not-a-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['page=2', 'page'],
    ]) {
      const response = await anonymous().get(`/ocds/releases?${query}`);
      expect({ query, status: response.status, code: response.body.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(response.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const badId = await anonymous().get('/ocds/tenders/not-a-uuid/record');
    expect(badId.status).toBe(400);
  });

  it('`fairtender ocds` writes compiled releases as JSON Lines with what Cardinal reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocds-'));
    try {
      const out = join(dir, 'tenders.jsonl');
      const env = {
        EVENT_STORE: 'postgres',
        DATABASE_URL: database.url,
        OCDS_OCID_PREFIX: 'ocds-e2etest',
      };
      const io = { env, print: () => undefined, warn: () => undefined };
      await buildProgram(io).parseAsync([
        'node',
        'fairtender',
        'ocds',
        tenderId,
        cancelledId,
        '--out',
        out,
      ]);
      const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      const [compiled, cancelled] = lines.map((line) => JSON.parse(line));
      assertValidOcds('release', compiled, 'CLI compiled release');
      assertValidOcds('release', cancelled, 'CLI compiled release (cancelled)');
      // The same compiled release as the API's record.
      const { compiledRelease } = await ocds();
      expect(compiled).toEqual(compiledRelease);

      // R003: the submission period, and the method it depends on.
      const { tender, bids } = compiled;
      expect(tender.procurementMethod).toBe('open');
      expect(
        Date.parse(tender.tenderPeriod.endDate) - Date.parse(tender.tenderPeriod.startDate),
      ).toBeGreaterThan(15 * DAY);
      // R018: a competitive method, the number of tenderers, and the bids behind it.
      expect(tender.numberOfTenderers).toBe(2);
      expect(bids.details.filter((b: any) => b.status !== 'withdrawn')).toHaveLength(
        tender.numberOfTenderers,
      );
      expect(bids.statistics.find((s: any) => s.measure === 'bids').value).toBe(2);
      // R030: every bid's receipt date is on or before the submission deadline (compared as strings, as Cardinal does).
      for (const bid of bids.details) expect(bid.date <= tender.tenderPeriod.endDate).toBe(true);
      // R035/R036: statuses from the bid extension's closed codelist, each bid naming its tenderer.
      for (const bid of bids.details) {
        expect(['pending', 'valid', 'disqualified', 'withdrawn']).toContain(bid.status);
        expect(bid.tenderers).toEqual([{ id: bid.id.replace(/^bid-/, '') }]);
      }

      const refused = buildProgram(io)
        .exitOverride()
        .parseAsync(['node', 'fairtender', 'ocds', draftId]);
      await expect(refused).rejects.toThrow(/no published release/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a rebuild from zero reproduces the OCDS tables exactly', async () => {
    const client: SqlClient = await openSqlClient({ kind: 'postgres', databaseUrl: database.url });
    try {
      const report = await rebuildAndCompare({ store: api.store, client });
      const ocdsTables = report.tables.filter((t) => t.table.startsWith('rm_ocds_'));
      expect(ocdsTables.map((t) => [t.table, t.rebuiltRows > 0, t.differences])).toEqual([
        ['rm_ocds_tenders', true, 0],
        ['rm_ocds_releases', true, 0],
      ]);
      expect(report.identical).toBe(true);
    } finally {
      await client.close();
    }
  });
});
