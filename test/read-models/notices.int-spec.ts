import { randomUUID } from 'node:crypto';
import { formatPosition } from '@fairtender/event-store';
import { ADAPTERS, type ReadModelSubject } from './subjects';
import { minute, TenderEvents } from './tender-events';

describe.each(ADAPTERS)('notice read models on %s', (_name, open) => {
  let subject: ReadModelSubject;
  let tenderId: string;
  let tender: TenderEvents;

  beforeEach(async () => {
    subject = await open();
    tenderId = `cams-${randomUUID().slice(0, 8)}`;
    tender = new TenderEvents(subject.store, tenderId);
  });
  afterEach(() => subject.cleanup());

  it('shows a draft only by id, then lists notices newest first, page by page', async () => {
    await tender.draft();
    const others = ['a', 'b', 'c'].map((s) => new TenderEvents(subject.store, `${tenderId}-${s}`));
    for (const [i, other] of others.entries()) {
      await other.draft();
      await other.publish(minute(10 + i));
    }
    const last = await others[2].cancel('Budget withdrawn', minute(30));
    const { queries } = subject;
    await subject.projectUpTo(last.position);

    expect(await queries.getNotice(tenderId)).toMatchObject({
      stage: 'draft',
      noticeVersion: 0,
      publishedAt: null,
      title: 'Body-worn cameras',
      draftedAt: minute(0),
      lastRevision: 0,
    });
    const first = await queries.listPublishedNotices({ limit: 2 });
    expect(first.items.map((n) => n.tenderId)).toEqual([others[2].tenderId, others[1].tenderId]);
    const second = await queries.listPublishedNotices({ limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({
      items: [expect.objectContaining({ tenderId: others[0].tenderId })],
      nextCursor: null,
    });
    expect(second.items[0]).toMatchObject({
      stage: 'tendering',
      publishedAt: minute(10),
      noticeVersion: 1,
      cpvCodes: ['35125300-2'],
      estimatedValue: { amount: 250_000, currency: 'GBP' },
      submissionDeadline: '2025-03-31T12:00:00.000Z',
      lastRevision: 2,
    });
    const cancelled = await queries.listPublishedNotices({ stage: 'cancelled' });
    expect(cancelled.items).toEqual([
      expect.objectContaining({
        tenderId: others[2].tenderId,
        cancelledAt: minute(30),
        cancellationReason: 'Budget withdrawn',
      }),
    ]);
    await expect(queries.listPublishedNotices({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });
  it('answers clarifications for everyone without saying who asked', async () => {
    await tender.draft();
    await tender.publish();
    await tender.ask('q1', 'acme', minute(5));
    await tender.ask('q2', 'beta', minute(6));
    const last = await tender.answer('q1', minute(7));
    await subject.projectUpTo(last.position);

    const publicView = await subject.queries.getClarifications(tenderId);
    expect(publicView).toEqual([
      {
        tenderId,
        questionId: 'q1',
        question: 'Does q1 include spare batteries?',
        askedAt: minute(5),
        answer: 'Yes, two per camera.',
        answeredAt: minute(7),
      },
      expect.objectContaining({ questionId: 'q2', answer: null, answeredAt: null }),
    ]);
    expect(JSON.stringify(publicView)).not.toContain('acme');
    const buyerView = await subject.queries.getClarificationsWithAskers(tenderId);
    expect(buyerView.map((c) => c.supplierId)).toEqual(['acme', 'beta']);
  });
  it('skips streams of no tender but still moves past them, and closes then cancels', async () => {
    await tender.draft();
    await tender.publish();
    await tender.close('2025-03-31T12:00:00.000Z');
    await tender.cancel('No compliant bids', minute(600), 'closed');
    const unrelated = await subject.store.append(
      `inventory-${randomUUID()}`,
      [{ eventId: randomUUID(), type: 'StockCounted', version: 7, data: { n: 1 } }],
      'no_stream',
    );
    const runner = await subject.projectUpTo(unrelated.position);

    expect(runner.status()).toMatchObject({
      state: 'running',
      checkpoint: formatPosition(unrelated.position),
      eventsProjected: 6,
    });
    expect(await subject.queries.getNotice(tenderId)).toMatchObject({
      stage: 'cancelled',
      closedAt: '2025-03-31T12:00:00.000Z',
      cancelledAt: minute(600),
      cancellationReason: 'No compliant bids',
    });
  });
  it('waitForPosition gives up after its timeout when nothing projects', async () => {
    const { position } = await tender.draft();
    const started = Date.now();
    expect(await subject.queries.waitForPosition(position, 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(await subject.queries.getNotice(tenderId)).toBeUndefined();
  });
});
