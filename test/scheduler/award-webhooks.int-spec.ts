import { WebhookRegistrations } from '@fairtender/notifications';
import { BatchHandler } from '../../apps/scheduler/src/feed/batch-handler';
import { awardedTender, challengeUpheldForReEvaluation, REASONS } from './award-history';
import { SchedulerTestbed, type SchedulerProcess } from './scheduler-harness';
import { verifiedBy, WebhookReceiver, type ReceivedDelivery } from './webhook-receiver';

const SUPPLIERS = ['acme', 'birch', 'cedar'];
const parsed = (delivery: ReceivedDelivery) =>
  JSON.parse(delivery.body) as { id: string; type: string; tenderId: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The award stage's webhooks: each bidder's assessment summary to that bidder alone; the standstill's
 * start and end (recorded by the scheduler itself), the suspension and the challenge's outcome to every
 * bidder and to nobody who did not bid; each signed with the recipient's own secret, delivered once.
 */
describe('Webhooks of the award stage (real Redis and PostgreSQL)', () => {
  const testbed = new SchedulerTestbed();
  const receiver = new WebhookReceiver();
  const secrets: Record<string, string> = {};
  let scheduler: SchedulerProcess;
  let tenderId: string;

  /** The award stage's deliveries (the tender's closing, in its history, is told to everyone). */
  const of = (supplierId: string, tender: string, type?: string) =>
    receiver
      .at(`/${supplierId}`)
      .filter((d) => parsed(d).type !== 'tendering.closed')
      .filter(
        (d) => parsed(d).tenderId === tender && (type === undefined || parsed(d).type === type),
      );

  beforeAll(async () => {
    await testbed.setUp('scheduler_award_webhooks');
    await receiver.start();
    scheduler = await testbed.startScheduler();
    const registrations = scheduler.app.get(WebhookRegistrations);
    for (const supplierId of SUPPLIERS) {
      secrets[supplierId] = (
        await registrations.register(supplierId, receiver.url(`/${supplierId}`))
      ).secret;
    }
    // The scheduler rereads the list of webhooks at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });
  afterAll(async () => {
    await testbed.tearDown();
    await receiver.stop();
  });

  it('each bidder gets its own assessment summary; the standstill notices reach every bidder', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 1500 });
    tenderId = awarded.tenderId;
    await testbed.append(tenderId, awarded.events);

    await testbed.eventually(async () =>
      of('acme', tenderId).length >= 3 && of('birch', tenderId).length >= 3 ? true : undefined,
    );
    for (const supplierId of ['acme', 'birch']) {
      // Deliveries run side by side: their order is not the events'.
      expect(
        of(supplierId, tenderId)
          .map((d) => parsed(d).type)
          .sort(),
      ).toEqual(['assessment-summary.issued', 'standstill.ended', 'standstill.started']);
      for (const delivery of of(supplierId, tenderId)) {
        expect(verifiedBy(secrets[supplierId], delivery)).toBe(true);
      }
    }
    // Another supplier's secret does not verify a delivery.
    expect(verifiedBy(secrets.birch, of('acme', tenderId)[0])).toBe(false);

    const [toAcme] = of('acme', tenderId, 'assessment-summary.issued');
    expect(parsed(toAcme)).toEqual({
      id: expect.any(String),
      type: 'assessment-summary.issued',
      tenderId,
      occurredAt: expect.any(String),
      data: {
        title: 'Body-worn cameras',
        round: 1,
        issuedAt: expect.any(String),
        summary: {
          supplierId: 'acme',
          outcome: 'successful',
          own: { rank: 1, total: 82, scores: { quality: 8, price: 10 }, reasons: REASONS },
          winner: {
            supplierId: 'acme',
            total: 82,
            scores: { quality: 8, price: 10 },
            reasons: REASONS,
          },
        },
      },
    });
    const [toBirch] = of('birch', tenderId, 'assessment-summary.issued');
    expect(parsed(toBirch).data.summary).toMatchObject({
      supplierId: 'birch',
      outcome: 'unsuccessful',
      own: { rank: 2, total: 64 },
    });
    // A summary is one supplier's: two events, each to its own supplier only.
    expect(parsed(toBirch).id).not.toBe(parsed(toAcme).id);
    expect(toAcme.body).not.toContain('"birch"');

    // The standstill notices are the same public facts, the same bytes, for every bidder.
    const started = of('acme', tenderId, 'standstill.started')[0];
    expect(parsed(started).data).toEqual({
      title: 'Body-worn cameras',
      round: 1,
      jurisdiction: 'uk-pa-2023',
      startsAt: expect.any(String),
      endsAt: awarded.endsAt,
      countedDays: [],
      basis: 'Procurement Act 2023 s.51: 8 working days',
    });
    expect(of('birch', tenderId, 'standstill.started')[0].body).toBe(started.body);
    const ended = of('birch', tenderId, 'standstill.ended')[0];
    expect(parsed(ended).data).toMatchObject({
      round: 1,
      endsAt: awarded.endsAt,
      openChallenges: 0,
    });

    // Cedar did not bid: nothing of this tender reaches it.
    expect(of('cedar', tenderId)).toEqual([]);
    for (const delivery of [...of('acme', tenderId), ...of('birch', tenderId)]) {
      expect(delivery.body).not.toMatch(/u-alice|u-bob|scheduler/);
    }
  });

  it('delivered once: the same events handled again deliver nothing more', async () => {
    const before = receiver.received.length;
    const again = await scheduler.app
      .get(BatchHandler)
      .handle(await testbed.tenderEvents(tenderId));
    expect(again.notifications).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.length).toBe(before);
  });

  it('a suspension and the challenge’s outcome reach every bidder, without the challenge’s text or legal’s id', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 60_000 });
    await testbed.append(awarded.tenderId, awarded.events);
    await testbed.append(awarded.tenderId, challengeUpheldForReEvaluation('birch'));

    await testbed.eventually(async () =>
      ['acme', 'birch'].every(
        (supplierId) => of(supplierId, awarded.tenderId, 'challenge.resolved').length === 1,
      )
        ? true
        : undefined,
    );
    const [suspended] = of('acme', awarded.tenderId, 'award.suspended');
    expect(parsed(suspended).data).toEqual({
      title: 'Body-worn cameras',
      round: 1,
      challengeId: expect.any(String),
      suspendedAt: expect.any(String),
    });
    const [resolved] = of('birch', awarded.tenderId, 'challenge.resolved');
    expect(verifiedBy(secrets.birch, resolved)).toBe(true);
    expect(parsed(resolved).data).toEqual({
      title: 'Body-worn cameras',
      challengeId: parsed(suspended).data.challengeId,
      outcome: 'upheld',
      remedy: 're-evaluate',
      reason: 'The quality scores applied a sub-criterion the notice never published',
      resolvedAt: expect.any(String),
    });
    for (const delivery of [...of('acme', awarded.tenderId), ...of('birch', awarded.tenderId)]) {
      expect(delivery.body).not.toMatch(/unpublished sub-criterion|u-lee/);
    }
    expect(of('cedar', awarded.tenderId)).toEqual([]);
  });
});
