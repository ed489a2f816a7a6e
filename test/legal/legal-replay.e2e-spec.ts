import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoUser, issueToken } from '@fairtender/auth';
import { bidStream, refusalStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { auditStream, verifyBundleAt } from '@fairtender/legal';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */

/**
 * Legal replay over HTTP on PostgreSQL: a tender with three bidders, replayed by legal and auditors
 * before and after opening. Before opening nothing names a bidder or carries a bid's commitment or
 * ciphertext; every look is recorded; suppliers and officers are refused.
 */
describe('Legal replay over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let directory: string;
  /** Strings that must never appear in any replay answer before opening. */
  const secrets: string[] = [];
  let beforeOpening: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_legal');
    api = await startHttpApi(
      { EVENT_STORE: 'postgres', DATABASE_URL: database.url },
      { withProjector: false },
    );
    directory = await mkdtemp(join(tmpdir(), 'fairtender-legal-'));
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  async function auditTypes(): Promise<[string, string | undefined][]> {
    const audit = await api.store.readStream(auditStream(tenderId));
    return audit.map((event) => [event.type, event.metadata.actor?.userId]);
  }

  async function evidence(user: 'auditor-ada' | 'legal-lee' = 'auditor-ada') {
    const response = await fetch(`${api.baseUrl}/tenders/${tenderId}/evidence`, {
      headers: { authorization: `Bearer ${await tokenOf(user)}` },
    });
    return { response, text: await response.text() };
  }

  const tokens = new Map<string, string>();
  async function tokenOf(user: 'auditor-ada' | 'legal-lee'): Promise<string> {
    if (!tokens.has(user)) {
      tokens.set(user, await issueToken(api.config.auth, demoUser(user)));
    }
    return tokens.get(user)!;
  }

  it('a tender runs to the deadline with three bidders, a revision, a withdrawal and a question', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    tenderId = drafted.body.tenderId;
    await officer.post(`/tenders/${tenderId}/publication`);
    const asked = await api
      .as('supplier-cedar')
      .post(`/tenders/${tenderId}/clarifications`, { question: 'Is hosting in scope?' });
    await officer.post(`/tenders/${tenderId}/clarifications/${asked.body.questionId}/answer`, {
      answer: 'Yes.',
    });
    for (const [user, price] of [
      ['supplier-acme', 41_000_000],
      ['supplier-birch', 43_000_000],
      ['supplier-cedar', 39_000_000],
    ] as const) {
      const placed = await api.as(user).post(`/tenders/${tenderId}/bid`, bidBody(price, user));
      expect(placed.status).toBe(201);
      secrets.push(placed.body.receipt.payload.contentHash);
    }
    const revised = await api
      .as('supplier-birch')
      .put(`/tenders/${tenderId}/bid`, bidBody(40_000_000, 'Birch v2'));
    secrets.push(revised.body.receipt.payload.contentHash);
    const withdrawn = await api
      .as('supplier-cedar')
      .post(`/tenders/${tenderId}/bid/withdrawal`, {});
    // Checked here, so that a refused withdrawal says why rather than failing the history tests later.
    expect([withdrawn.status, withdrawn.body.code, withdrawn.body.message]).toEqual([
      200,
      undefined,
      undefined,
    ]);
    for (const supplier of ['acme', 'birch', 'cedar']) {
      for (const event of await api.store.readStream(bidStream(tenderId, supplier))) {
        const sealed = (event.data as { sealed?: { ciphertext: string } }).sealed;
        if (sealed) secrets.push(sealed.ciphertext.slice(0, 40));
      }
    }
    secrets.push('acme', 'birch', 'cedar');
    const [last] = await api.store.readStream(bidStream(tenderId, 'cedar'), {
      direction: 'backwards',
      maxCount: 1,
    });
    beforeOpening = `${last.position.commit}-${last.position.prepare}`;
  });

  it('before opening, history shows bid events as sealed entries and nothing that names a bidder', async () => {
    const history = await api.as('auditor-ada').get(`/tenders/${tenderId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.sealed).toBe(true);
    const types = history.body.items.map((e: any) => e.type);
    expect(types.slice(0, 3)).toEqual(['TenderDrafted', 'TenderPublished', 'BidSealingKeyIssued']);
    const bids = history.body.items.filter((e: any) => e.type.startsWith('Bid') && e.sealed);
    expect(bids.map((e: any) => e.type)).toEqual([
      'BidSubmitted',
      'BidSubmitted',
      'BidSubmitted',
      'BidRevised',
      'BidWithdrawn',
    ]);
    for (const entry of bids) {
      expect(Object.keys(entry).sort()).toEqual([
        'position',
        'recordedAt',
        'sealed',
        'streamName',
        'type',
      ]);
      expect(entry.streamName).toBe(`tender-${tenderId}.bid-(sealed)`);
    }
    const key = history.body.items.find((e: any) => e.type === 'BidSealingKeyIssued');
    expect(key.data).toEqual({ keyId: expect.any(String) });
    expect(key.withheld).toEqual(['data.wrappedKey']);
    const question = history.body.items.find((e: any) => e.type === 'ClarificationRequested');
    expect(question.data.supplierId).toBeUndefined();
    expect(question.actor).toBeNull();
    expect(question.withheld).toEqual(['data.supplierId', 'metadata.actor']);
  });

  it('before opening, state, diff, verification, evidence and timeline carry no secret either', async () => {
    const auditor = api.as('auditor-ada');
    const answers: string[] = [];
    const state = await auditor.get(`/tenders/${tenderId}/state?position=${beforeOpening}`);
    expect(state.status).toBe(200);
    expect(state.body.bids).toEqual({
      sealed: true,
      bidCount: 2,
      withdrawnCount: 1,
      lateAttempts: 0,
      receiptTimes: [expect.any(String), expect.any(String)],
    });
    answers.push(JSON.stringify(state.body));
    const diff = await auditor.get(`/tenders/${tenderId}/diff?from=0-0&to=${beforeOpening}`);
    expect(diff.status).toBe(200);
    answers.push(JSON.stringify(diff.body));
    const verified = await auditor.post(`/tenders/${tenderId}/verification`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ intact: true, firstBreak: null, sealedEvents: 5 });
    answers.push(JSON.stringify(verified.body));
    const bundle = await evidence();
    expect(bundle.response.status).toBe(200);
    answers.push(bundle.text);
    const timeline = await auditor.get(`/tenders/${tenderId}/evidence/timeline.html`);
    answers.push(String(timeline.body));
    for (const answer of answers) {
      for (const secret of secrets) expect(answer).not.toContain(secret);
    }
  });

  it('before opening, a sealed bid stream is never matched by its name, nor a withheld actor by id', async () => {
    const byName = await api
      .as('legal-lee')
      .get(
        `/tenders/${tenderId}/history?stream=${encodeURIComponent(bidStream(tenderId, 'acme'))}`,
      );
    expect(byName.body.items).toEqual([]);
    const byActor = await api
      .as('legal-lee')
      .get(`/tenders/${tenderId}/history?actor=supplier-acme`);
    expect(byActor.body.items).toEqual([]);
  });

  it('suppliers and officers are refused, and the refusal is recorded', async () => {
    for (const user of ['supplier-acme', 'officer-alice'] as const) {
      const refused = await api.as(user).get(`/tenders/${tenderId}/history`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ROLE_NOT_ALLOWED');
    }
    const refusedExport = await api.as('supplier-birch').get(`/tenders/${tenderId}/evidence`);
    expect(refusedExport.status).toBe(403);
    const refusals = await api.store.readStream(refusalStream(tenderId));
    expect(refusals.map((e) => [e.type, e.metadata.actor?.userId])).toEqual([
      ['AccessRefused', 'supplier-acme'],
      ['AccessRefused', 'officer-alice'],
      ['AccessRefused', 'supplier-birch'],
    ]);
  });

  it('every look so far is on record, with who looked', async () => {
    expect(await auditTypes()).toEqual([
      ['TenderHistoryViewed', 'auditor-ada'],
      ['TenderStateViewed', 'auditor-ada'],
      ['TenderStateViewed', 'auditor-ada'],
      ['TenderIntegrityVerified', 'auditor-ada'],
      ['EvidenceBundleExported', 'auditor-ada'],
      ['EvidenceBundleExported', 'auditor-ada'],
      ['TenderHistoryViewed', 'legal-lee'],
      ['TenderHistoryViewed', 'legal-lee'],
    ]);
    const [verified] = (await api.store.readStream(auditStream(tenderId))).filter(
      (e) => e.type === 'TenderIntegrityVerified',
    );
    expect(verified.data).toMatchObject({ intact: true, via: 'api', firstBreak: null });
  });

  it('after opening, the bids are shown (never their ciphertext in a view) and the bundle verifies offline', async () => {
    const { body: events } = await api
      .as('auditor-ada')
      .get(`/tenders/${tenderId}/history?type=TenderPublished`);
    const submissionDeadline = events.items[0].data.terms.submissionDeadline;
    api.clock.set(new Date(new Date(submissionDeadline).getTime() + 1));
    expect((await api.as('officer-alice').post(`/tenders/${tenderId}/closing`)).status).toBe(200);
    await api.as('officer-alice').post(`/tenders/${tenderId}/opening`);
    const opened = await api.as('officer-bob').post(`/tenders/${tenderId}/opening`);
    expect(opened.body.stage).toBe('evaluation');

    const history = await api.as('legal-lee').get(`/tenders/${tenderId}/history?kind=bid&limit=2`);
    expect(history.body.sealed).toBe(false);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      streamName: bidStream(tenderId, 'acme'),
      revision: 0,
      type: 'BidSubmitted',
      actor: { userId: 'supplier-acme', role: 'supplier' },
      withheld: ['data.sealed'],
    });
    expect(history.body.items[0].data.sealed).toBeUndefined();
    const next = await api
      .as('legal-lee')
      .get(`/tenders/${tenderId}/history?kind=bid&limit=10&cursor=${history.body.nextCursor}`);
    expect(next.body.items.map((e: any) => e.type)).toEqual([
      'BidSubmitted',
      'BidRevised',
      'BidWithdrawn',
    ]);
    expect(next.body.nextCursor).toBeNull();

    const state = await api
      .as('auditor-ada')
      .get(`/tenders/${tenderId}/state?at=${new Date().toISOString()}`);
    expect(state.body.tender.stage).toBe('evaluation');
    expect(state.body.bids.items.map((b: any) => [b.supplierId, b.status])).toEqual([
      ['acme', 'submitted'],
      ['birch', 'submitted'],
      ['cedar', 'withdrawn'],
    ]);
    const then = await api.as('auditor-ada').get(`/tenders/${tenderId}/state?at=${beforeOpening}`);
    expect(then.body.tender.stage).toBe('tendering');
    expect(then.body.tender.clarifications).toEqual({
      [Object.keys(then.body.tender.clarifications)[0]]: expect.objectContaining({
        supplierId: 'cedar',
        answer: 'Yes.',
      }),
    });

    const diff = await api
      .as('auditor-ada')
      .get(`/tenders/${tenderId}/diff?from=${beforeOpening}&to=${state.body.asOf.position}`);
    expect(diff.body.changed).toEqual(expect.arrayContaining(['stage', 'opening']));
    expect(diff.body.changes).toContainEqual({
      path: 'tender.stage',
      kind: 'changed',
      from: 'tendering',
      to: 'evaluation',
    });

    const verified = await api.as('auditor-ada').post(`/tenders/${tenderId}/verification`);
    expect(verified.body).toMatchObject({ intact: true, anchorsChecked: 3, sealedEvents: 0 });

    const bundle = await evidence('legal-lee');
    expect(bundle.response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = bundle.text.trimEnd().split('\n');
    const manifest = JSON.parse(lines.at(-1)!).manifest;
    expect(manifest).toMatchObject({
      format: 'fairtender-evidence/1',
      tenderId,
      exporter: { userId: 'legal-lee', role: 'legal' },
      eventCount: lines.length - 1,
      sealed: false,
      sealedEvents: 0,
    });
    expect(bundle.text).not.toContain('Birch v2');
    const file = join(directory, 'bundle.ndjson');
    await writeFile(file, bundle.text);
    const offline = await verifyBundleAt(file);
    expect(offline).toMatchObject({ intact: true, lines: lines.length - 1, anchorsChecked: 3 });
    expect(offline.withheldEvents).toBe(1);

    const timeline = await api.as('auditor-ada').get(`/tenders/${tenderId}/evidence/timeline.html`);
    expect(timeline.headers.get('content-type')).toContain('text/html');
    expect(timeline.body).toContain('BidsOpened');
    expect(timeline.body).not.toMatch(/<script|<link|src=/i);
  });

  it('answers clear 4xx codes for bad requests', async () => {
    const legal = api.as('legal-lee');
    const cases: [string, number, string][] = [
      [`/tenders/${crypto.randomUUID()}/history`, 404, 'TENDER_NOT_FOUND'],
      [`/tenders/${crypto.randomUUID()}/evidence`, 404, 'TENDER_NOT_FOUND'],
      [`/tenders/not-a-uuid/state?at=0-1`, 400, 'INVALID_PARAMETER'],
      [`/tenders/${tenderId}/state?at=yesterday`, 400, 'INVALID_MOMENT'],
      [`/tenders/${tenderId}/state?at=0-1&position=0-1`, 400, 'INVALID_MOMENT'],
      [`/tenders/${tenderId}/state?position=2025-01-01T00:00:00Z`, 400, 'INVALID_MOMENT'],
      [`/tenders/${tenderId}/diff?from=0-0`, 400, 'VALIDATION_FAILED'],
      [`/tenders/${tenderId}/diff?from=0-0&to=31-02-2025`, 400, 'INVALID_MOMENT'],
      [`/tenders/${tenderId}/history?cursor=abc`, 400, 'INVALID_CURSOR'],
      [`/tenders/${tenderId}/history?limit=0`, 400, 'VALIDATION_FAILED'],
      [`/tenders/${tenderId}/history?kind=bids`, 400, 'VALIDATION_FAILED'],
      [`/tenders/${tenderId}/history?from=2025-02-30T00:00:00Z`, 400, 'VALIDATION_FAILED'],
      [`/tenders/${tenderId}/history?colour=red`, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, status, code] of cases) {
      const answer = await legal.get(path);
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status,
        code,
      });
    }
  });
});
