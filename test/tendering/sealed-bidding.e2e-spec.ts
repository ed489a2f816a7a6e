import { canonicalJson, sha256, verifyReceipt } from '@fairtender/crypto';
import { bidStream, refusalStream, tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A tender from draft to opened bids over real HTTP against PostgreSQL: three suppliers, clarifications,
 * a revision, a withdrawal, a late bid and a sealed read attempt.
 */
describe('Notices and sealed bidding over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let lastPosition: string;
  let submissionDeadline: string;
  const seen = () => ({ 'x-min-position': lastPosition });

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_bidding');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('an officer drafts and publishes; the public sees the notice but never a draft', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      stage: 'draft',
      noticeVersion: 0,
      recorded: ['TenderDrafted'],
    });
    tenderId = drafted.body.tenderId;
    lastPosition = drafted.body.position;

    const draftView = await api.as(null).get(`/notices/${tenderId}`, seen());
    expect(draftView.status).toBe(404);
    expect(draftView.body.code).toBe('TENDER_NOT_FOUND');

    const published = await officer.post(`/tenders/${tenderId}/publication`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      stage: 'tendering',
      noticeVersion: 1,
      recorded: ['TenderPublished', 'BidSealingKeyIssued'],
    });
    lastPosition = published.body.position;

    const notice = await api.as(null).get(`/notices/${tenderId}`, seen());
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ tenderId, stage: 'tendering', minimumBids: 2 });
    const list = await api.as(null).get('/notices?limit=5', seen());
    expect(list.body.items.map((item: { tenderId: string }) => item.tenderId)).toContain(tenderId);
  });

  it('a supplier asks, an officer answers, and every supplier sees the answer without the asker', async () => {
    const asked = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/clarifications`, { question: 'Must footage stay in the UK?' });
    expect(asked.status).toBe(201);
    const answered = await api
      .as('officer-bob')
      .post(`/tenders/${tenderId}/clarifications/${asked.body.questionId}/answer`, {
        answer: 'Yes: UK data centres only.',
      });
    expect(answered.status).toBe(200);
    lastPosition = answered.body.position;

    const notice = await api.as('supplier-birch').get(`/notices/${tenderId}`, seen());
    expect(notice.body.clarifications).toEqual([
      expect.objectContaining({
        question: 'Must footage stay in the UK?',
        answer: 'Yes: UK data centres only.',
      }),
    ]);
    expect(JSON.stringify(notice.body)).not.toContain('acme');
  });

  it('three suppliers bid; a retried submission returns the first receipt, signed and verifiable', async () => {
    const acmeBid = bidBody(41_000_000, 'Acme');
    const first = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/bid`, acmeBid, { 'idempotency-key': 'acme-bid-1' });
    expect(first.status).toBe(201);
    const retry = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/bid`, acmeBid, { 'idempotency-key': 'acme-bid-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.receipt).toEqual(first.body.receipt);

    const { body: publicKey } = await api.as(null).get('/receipts/public-key');
    expect(verifyReceipt(publicKey.publicKeyPem, first.body.receipt)).toBe(true);
    expect(first.body.receipt.payload).toMatchObject({
      tenderId,
      supplierId: 'acme',
      contentHash: sha256(canonicalJson(acmeBid)).toString('hex'),
      streamName: bidStream(tenderId, 'acme'),
      kind: 'BidSubmitted',
    });
    const tampered = {
      ...first.body.receipt,
      payload: { ...first.body.receipt.payload, receivedAt: '2000-01-01T00:00:00.000Z' },
    };
    expect((await api.as(null).post('/receipts/verification', tampered)).body.valid).toBe(false);
    expect((await api.as(null).post('/receipts/verification', first.body.receipt)).body.valid).toBe(
      true,
    );

    const reused = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/bid`, bidBody(1, 'Other'), { 'idempotency-key': 'acme-bid-1' });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    for (const [user, price] of [
      ['supplier-birch', 43_000_000],
      ['supplier-cedar', 39_000_000],
    ] as const) {
      const placed = await api.as(user).post(`/tenders/${tenderId}/bid`, bidBody(price, user));
      expect(placed.status).toBe(201);
    }
    const stored = await api.store.readStream(bidStream(tenderId, 'acme'));
    expect(stored.map((event) => event.type)).toEqual(['BidSubmitted']);
    expect(JSON.stringify(stored[0].data)).not.toContain('Acme');
  });

  it('one supplier revises and another withdraws before the deadline', async () => {
    const revised = await api
      .as('supplier-birch')
      .put(`/tenders/${tenderId}/bid`, bidBody(40_000_000, 'Birch v2'));
    expect(revised.status).toBe(200);
    expect(revised.body.receipt.payload.kind).toBe('BidRevised');
    const withdrawn = await api
      .as('supplier-cedar')
      .post(`/tenders/${tenderId}/bid/withdrawal`, { reason: 'Capacity committed elsewhere' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');

    const own = await api
      .as('supplier-birch')
      .get(`/tenders/${tenderId}/bid`, { 'x-min-position': revised.body.receipt.payload.position });
    expect(own.status).toBe(200);
    expect(own.body.receipts).toHaveLength(2);
    expect(own.body.receipts.map((r: { payload: { kind: string } }) => r.payload.kind)).toEqual([
      'BidSubmitted',
      'BidRevised',
    ]);
    lastPosition = revised.body.receipt.payload.position;
  });

  it('an amendment after bids arrive needs each supplier to re-confirm, and leaves the minimum response time', async () => {
    const officer = api.as('officer-alice');
    const tooSoon = await officer.post(`/tenders/${tenderId}/amendments`, {
      changes: { submissionDeadline: new Date(api.clock.now().getTime() + 22 * DAY).toISOString() },
      reason: 'Bring the deadline forward',
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.code).toBe('DEADLINE_TOO_SOON');

    const { body: notice } = await api.as(null).get(`/notices/${tenderId}`);
    const extended = new Date(
      new Date(notice.submissionDeadline).getTime() + 5 * DAY,
    ).toISOString();
    const amended = await officer.post(`/tenders/${tenderId}/amendments`, {
      changes: { submissionDeadline: extended },
      reason: 'More time after the storage clarification',
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ noticeVersion: 2, recorded: ['NoticeAmended'] });
    submissionDeadline = extended;
    lastPosition = amended.body.position;

    const acme = await api.as('supplier-acme').get(`/tenders/${tenderId}/bid`, seen());
    expect(acme.body).toMatchObject({ needsReconfirmation: true, noticeVersion: 1 });
    const reconfirmed = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/bid/reconfirmation`);
    expect(reconfirmed.status).toBe(200);
    expect(reconfirmed.body.recorded).toEqual(['BidReconfirmed']);
    const again = await api.as('supplier-acme').post(`/tenders/${tenderId}/bid/reconfirmation`);
    expect(again.body.code).toBe('BID_ALREADY_CONFIRMED');
    const birch = await api
      .as('supplier-birch')
      .put(`/tenders/${tenderId}/bid`, bidBody(40_000_000, 'Birch v2'));
    expect(birch.status).toBe(200);
    lastPosition = birch.body.receipt.payload.position;
    const publicNotice = await api.as(null).get(`/notices/${tenderId}`, seen());
    expect(publicNotice.body).toMatchObject({ noticeVersion: 2, submissionDeadline: extended });
    expect(publicNotice.body.amendments).toHaveLength(1);
  });

  it('before opening nobody reads a bid: the register shows counts and times only, reads are refused and recorded', async () => {
    const register = await api.as('officer-alice').get(`/tenders/${tenderId}/bids`, seen());
    expect(register.status).toBe(200);
    expect(register.body).toMatchObject({ sealed: true, bidCount: 2, withdrawnCount: 1 });
    expect(register.body.receiptTimes).toHaveLength(2);
    expect(JSON.stringify(register.body)).not.toMatch(/acme|birch|cedar/);

    const sealed = await api.as('officer-alice').get(`/tenders/${tenderId}/bids/acme/content`);
    expect(sealed.status).toBe(403);
    expect(sealed.body.code).toBe('SEALED');

    const wrongRole = await api.as('supplier-birch').get(`/tenders/${tenderId}/bids`);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('ROLE_NOT_ALLOWED');

    const otherAuthority = await api.as('officer-oscar').post(`/tenders/${tenderId}/closing`);
    expect(otherAuthority.status).toBe(403);
    expect(otherAuthority.body.code).toBe('NOT_YOUR_ORGANISATION');

    const refusals = await api.store.readStream(refusalStream(tenderId));
    expect(refusals.map((event) => [event.type, event.metadata.actor?.userId])).toEqual([
      ['SealedContentReadRefused', 'officer-alice'],
      ['AccessRefused', 'supplier-birch'],
      ['AccessRefused', 'officer-oscar'],
    ]);
  });

  it('after the deadline a bid is refused and the refusal recorded; closing needs the deadline', async () => {
    const early = await api.as('officer-alice').post(`/tenders/${tenderId}/closing`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DEADLINE_NOT_REACHED');

    api.clock.set(new Date(new Date(submissionDeadline).getTime() + 1));
    const late = await api
      .as('supplier-cedar')
      .post(`/tenders/${tenderId}/bid`, bidBody(38_000_000, 'Cedar late'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('LATE_BID');
    const cedar = await api.store.readStream(bidStream(tenderId, 'cedar'));
    expect(cedar.map((event) => event.type)).toEqual([
      'BidSubmitted',
      'BidWithdrawn',
      'LateBidRefused',
    ]);

    const closed = await api.as('officer-alice').post(`/tenders/${tenderId}/closing`);
    expect(closed.status).toBe(200);
    expect(closed.body.stage).toBe('closed');
  });

  it('two different officers open the bids; BidsOpened commits to every bid stream head', async () => {
    const first = await api.as('officer-alice').post(`/tenders/${tenderId}/opening`);
    expect(first.body).toMatchObject({ stage: 'closed', recorded: ['BidOpeningConfirmed'] });
    const again = await api.as('officer-alice').post(`/tenders/${tenderId}/opening`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SAME_OFFICER_TWICE');
    const second = await api.as('officer-bob').post(`/tenders/${tenderId}/opening`);
    expect(second.body).toMatchObject({ stage: 'evaluation', recorded: ['BidsOpened'] });
    lastPosition = second.body.position;

    const tender = await api.store.readStream(tenderStream(tenderId));
    const opened = tender[tender.length - 1];
    expect(opened.type).toBe('BidsOpened');
    const heads = (opened.data as { bidStreams: { streamName: string; hash: string }[] })
      .bidStreams;
    for (const supplierId of ['acme', 'birch', 'cedar']) {
      const stream = await api.store.readStream(bidStream(tenderId, supplierId));
      expect(heads).toContainEqual(
        expect.objectContaining({
          streamName: bidStream(tenderId, supplierId),
          hash: stream[stream.length - 1].hash,
        }),
      );
    }
  });

  it('after opening officers and seated panel members read contents; the register names the bidders', async () => {
    const register = await api.as('officer-alice').get(`/tenders/${tenderId}/bids`, seen());
    expect(register.body.sealed).toBe(false);
    expect(
      register.body.bids
        .map((bid: { supplierId: string; status: string }) => [bid.supplierId, bid.status])
        .sort(),
    ).toEqual([
      ['acme', 'submitted'],
      ['birch', 'submitted'],
      ['cedar', 'withdrawn'],
    ]);
    // An evaluator reads bids only as a member of the panel that counts (issue 12 finding 4).
    const early = await api.as('evaluator-eve').get(`/tenders/${tenderId}/bids/birch/content`);
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('NOT_ON_PANEL');
    const panel = { evaluatorIds: ['evaluator-eve', 'evaluator-evan'] };
    expect((await api.as('officer-alice').put(`/tenders/${tenderId}/panel`, panel)).status).toBe(
      200,
    );
    expect(
      (await api.as('evaluator-eve').post(`/tenders/${tenderId}/panel/acceptance`)).status,
    ).toBe(200);
    const birch = await api.as('evaluator-eve').get(`/tenders/${tenderId}/bids/birch/content`);
    expect(birch.status).toBe(200);
    expect(birch.body.content).toEqual(bidBody(40_000_000, 'Birch v2'));
    const cedar = await api.as('officer-alice').get(`/tenders/${tenderId}/bids/cedar/content`);
    expect(cedar.status).toBe(404);
    expect(cedar.body.code).toBe('BID_NOT_FOUND');
  });

  it('a cancelled tender takes no bids, and the public sees the termination notice', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    const other = drafted.body.tenderId;
    await officer.post(`/tenders/${other}/publication`);
    const cancelled = await officer.post(`/tenders/${other}/cancellation`, {
      reason: 'Requirement withdrawn',
    });
    expect(cancelled.body).toMatchObject({ stage: 'cancelled', recorded: ['TenderCancelled'] });
    const bid = await api
      .as('supplier-acme')
      .post(`/tenders/${other}/bid`, bidBody(1_000, 'Too late'));
    expect(bid.status).toBe(409);
    expect(bid.body.code).toBe('TENDERING_NOT_OPEN');
    const notice = await api
      .as(null)
      .get(`/notices/${other}`, { 'x-min-position': cancelled.body.position });
    expect(notice.body).toMatchObject({
      stage: 'cancelled',
      cancellationReason: 'Requirement withdrawn',
    });
  });
});
