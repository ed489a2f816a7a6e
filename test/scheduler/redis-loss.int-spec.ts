import { SchedulerTestbed } from './scheduler-harness';

/** Losing Redis's data (a restart without persistence, a flush) loses no deadline. */
describe('Redis loses the scheduler’s data (real Redis and PostgreSQL)', () => {
  const testbed = new SchedulerTestbed();

  beforeAll(() => testbed.setUp('scheduler_redis_loss'));
  afterAll(() => testbed.tearDown());

  const closedAt = (tenderId: string) =>
    testbed.eventually(async () => {
      const closed = (await testbed.tenderEvents(tenderId)).find(
        (e) => e.type === 'TenderingClosed',
      );
      return closed && Date.parse((closed.data as { closedAt: string }).closedAt);
    }, 15_000);

  it('flushed while the scheduler is down: the restarted scheduler rebuilds the jobs from the event store', async () => {
    let scheduler = await testbed.startScheduler();
    const soon = await testbed.publishTender({ clarificationMs: 1000, submissionMs: 1500 });
    const later = await testbed.publishTender({ clarificationMs: 2000, submissionMs: 4000 });
    for (const { tenderId } of [soon, later]) {
      await testbed.eventually(async () => {
        const job = await scheduler.deadlines.getJob(`${tenderId}:submission:v1`);
        return (await job?.getState()) === 'delayed' ? true : undefined;
      });
    }
    // The feed has handled (and checkpointed) both publications: it will not see them again.
    await scheduler.stop();
    expect(await testbed.flushRedis()).toBeGreaterThan(0);
    // `soon` falls due while nothing runs.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await testbed.tenderEvents(soon.tenderId)).map((e) => e.type)).not.toContain(
      'TenderingClosed',
    );

    const restarted = Date.now();
    scheduler = await testbed.startScheduler();
    // Past due: at once.
    expect((await closedAt(soon.tenderId)) - restarted).toBeLessThan(2000);
    // Still ahead: at its deadline, not before.
    const closed = await closedAt(later.tenderId);
    expect(closed).toBeGreaterThanOrEqual(Date.parse(later.terms.submissionDeadline));
    expect(closed - Date.parse(later.terms.submissionDeadline)).toBeLessThan(1500);
    expect(
      (await testbed.tenderEvents(later.tenderId))
        .map((e) => e.type)
        .filter((t) => t.endsWith('Closed')),
    ).toEqual(['ClarificationPeriodClosed', 'TenderingClosed']);
    await scheduler.stop();
  });

  it('flushed while the scheduler runs: it notices within SCHEDULER_REDIS_CHECK_SECONDS and rebuilds', async () => {
    const scheduler = await testbed.startScheduler({ SCHEDULER_REDIS_CHECK_SECONDS: '1' });
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 2500,
      submissionMs: 3500,
    });
    await testbed.eventually(async () => {
      const job = await scheduler.deadlines.getJob(`${tenderId}:submission:v1`);
      return (await job?.getState()) === 'delayed' ? true : undefined;
    });
    await testbed.flushRedis();
    expect(await scheduler.deadlines.getJob(`${tenderId}:submission:v1`)).toBeUndefined();

    const closed = await closedAt(tenderId);
    expect(closed).toBeGreaterThanOrEqual(Date.parse(terms.submissionDeadline));
    expect(closed - Date.parse(terms.submissionDeadline)).toBeLessThan(1500);
    await scheduler.stop();
  });
});
