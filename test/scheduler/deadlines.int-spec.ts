import { SchedulerTestbed, type SchedulerProcess } from './scheduler-harness';

const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('Deadline jobs (real Redis and PostgreSQL)', () => {
  const testbed = new SchedulerTestbed();
  let scheduler: SchedulerProcess;

  beforeAll(async () => {
    await testbed.setUp('scheduler_deadlines');
    scheduler = await testbed.startScheduler();
  });
  afterAll(() => testbed.tearDown());

  it('closes the clarification period, then tendering, each at its deadline, as the scheduler', async () => {
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 700,
      submissionMs: 1500,
    });

    const closed = await testbed.eventually(async () => {
      const events = await testbed.tenderEvents(tenderId);
      return events.some((e) => e.type === 'TenderingClosed') ? events : undefined;
    });
    expect(types(closed)).toEqual([
      'TenderDrafted',
      'TenderPublished',
      'BidSealingKeyIssued',
      'ClarificationPeriodClosed',
      'TenderingClosed',
    ]);
    const [period, tendering] = closed.slice(3);
    expect(period.data).toMatchObject({
      clarificationDeadline: terms.clarificationDeadline,
      unansweredQuestions: 0,
    });
    expect(tendering.data).toMatchObject({ submissionDeadline: terms.submissionDeadline });
    const closedAt = Date.parse((tendering.data as { closedAt: string }).closedAt);
    expect(closedAt).toBeGreaterThanOrEqual(Date.parse(terms.submissionDeadline));
    expect(closedAt - Date.parse(terms.submissionDeadline)).toBeLessThan(1000);
    expect(tendering.metadata.actor).toEqual({
      userId: 'scheduler',
      organisationId: 'fairtender',
      role: 'system',
    });

    const job = await scheduler.deadlines.getJob(`${tenderId}:submission:v1`);
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toMatchObject({ outcome: 'closed', recorded: ['TenderingClosed'] });
  });
});
