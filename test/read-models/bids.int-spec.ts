import { randomUUID } from 'node:crypto';
import { formatPosition } from '@fairtender/event-store';
import { ADAPTERS, type ReadModelSubject } from './subjects';
import { hash, minute, sealedBid as sealed, TenderEvents } from './tender-events';

describe.each(ADAPTERS)('bid read models on %s', (_name, open) => {
  let subject: ReadModelSubject;
  let tenderId: string;
  let tender: TenderEvents;

  beforeEach(async () => {
    subject = await open();
    tenderId = `cams-${randomUUID().slice(0, 8)}`;
    tender = new TenderEvents(subject.store, tenderId);
  });
  afterEach(() => subject.cleanup());

  it('records amendments, and flags submitted bids made against an older notice', async () => {
    await tender.draft();
    await tender.publish();
    await tender.submitBid('acme', sealed('a', minute(20)));
    await tender.submitBid('beta', sealed('b', minute(21)));
    await tender.withdrawBid('beta', minute(22));
    await tender.amend({ submissionDeadline: '2025-04-07T12:00:00.000Z' }, 2, minute(30));
    await tender.submitBid('gamma', sealed('c', minute(31), 2));
    let last = await tender.submitBid('delta', sealed('d', minute(32), 2));
    await subject.projectUpTo(last.position);

    const notice = await subject.queries.getNotice(tenderId);
    expect(notice).toMatchObject({
      noticeVersion: 2,
      lastAmendedAt: minute(30),
      submissionDeadline: '2025-04-07T12:00:00.000Z',
      amendments: [
        {
          noticeVersion: 2,
          changes: { submissionDeadline: '2025-04-07T12:00:00.000Z' },
          reason: 'Clarified scope',
          amendedAt: minute(30),
        },
      ],
    });
    const flags = async () =>
      Object.fromEntries(
        (await subject.queries.getBidRegister(tenderId)).bids.map((b) => [
          b.supplierId,
          b.needsReconfirmation,
        ]),
      );
    expect(await flags()).toEqual({ acme: true, beta: false, gamma: false, delta: false });

    last = await tender.reconfirmBid('acme', 2, minute(33));
    await subject.queries.waitForPosition(last.position);
    expect(await flags()).toEqual({ acme: false, beta: false, gamma: false, delta: false });
  });
  it('keeps every accepted version of a bid as a receipt, and counts withdrawals and late attempts', async () => {
    await tender.draft();
    await tender.publish();
    const submitted = await tender.submitBid('acme', sealed('a', minute(20)));
    const revised = await tender.reviseBid('acme', { ...sealed('b', minute(25)), sizeBytes: 2048 });
    await tender.submitBid('beta', sealed('c', minute(26)));
    await tender.withdrawBid('beta', minute(27));
    await tender.refuseLateBid('acme', '2025-03-31T12:00:00.001Z');
    await tender.refuseLateBid('zeta', '2025-03-31T12:00:05.000Z');
    const other = new TenderEvents(subject.store, `${tenderId}-other`);
    await other.draft();
    await other.publish();
    const last = await other.submitBid('acme', sealed('e', minute(40)));
    await subject.projectUpTo(last.position);

    const bid = await subject.queries.getSupplierBid(tenderId, 'acme');
    expect(bid).toMatchObject({
      status: 'submitted',
      contentHash: hash('b'),
      sizeBytes: 2048,
      firstReceivedAt: minute(20),
      receivedAt: minute(25),
      revisionCount: 1,
      lateAttempts: 1,
      streamName: `tender-${tenderId}.bid-acme`,
      lastRevision: 2,
    });
    expect(bid!.receipts).toEqual([
      {
        eventId: tender.receiptEvents[0],
        tenderId,
        supplierId: 'acme',
        kind: 'submitted',
        contentHash: hash('a'),
        sizeBytes: 1024,
        receivedAt: minute(20),
        streamName: `tender-${tenderId}.bid-acme`,
        revision: 0,
        position: formatPosition(submitted.position),
        ordinal: 1,
      },
      expect.objectContaining({
        kind: 'revised',
        contentHash: hash('b'),
        revision: 1,
        position: formatPosition(revised.position),
        ordinal: 2,
      }),
    ]);
    const mine = await subject.queries.getSupplierBids('acme');
    expect(mine.map((b) => [b.tenderId, b.receipts.length])).toEqual([
      [`${tenderId}-other`, 1],
      [tenderId, 2],
    ]);

    const register = await subject.queries.getBidRegister(tenderId);
    expect(register.bids.map((b) => [b.supplierId, b.status, b.lateAttempts])).toEqual([
      ['acme', 'submitted', 1],
      ['beta', 'withdrawn', 0],
      ['zeta', 'none', 1],
    ]);
    expect(register.bids[1].withdrawnAt).toBe(minute(27));
    expect(register.totals).toEqual({
      submitted: 1,
      withdrawn: 1,
      needingReconfirmation: 0,
      lateAttempts: 2,
    });
  });
});
