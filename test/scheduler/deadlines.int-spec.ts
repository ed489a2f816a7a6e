import { runningScheduler } from './scheduler-harness';

const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('Deadline jobs (real Redis and PostgreSQL)', () => {
  const suite = runningScheduler('scheduler_deadlines');
  const { testbed } = suite;

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
    expect(closedAt - Date.parse(terms.submissionDeadline)).toBeLessThan(1500);
    expect(tendering.metadata.actor).toEqual({
      userId: 'scheduler',
      organisationId: 'fairtender',
      role: 'system',
    });

    const job = await suite.scheduler.deadlines.getJob(`${tenderId}:submission:v1`);
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toMatchObject({ outcome: 'closed', recorded: ['TenderingClosed'] });
  });

  const closing = (tenderId: string) =>
    testbed.eventually(async () => {
      const events = await testbed.tenderEvents(tenderId);
      return events.find((e) => e.type === 'TenderingClosed');
    });

  it('an amendment moves the job: the old id is gone, the new one fires at the new time', async () => {
    // The first deadline is far enough off that a loaded machine amends before it fires.
    const { tenderId } = await testbed.publishTender({
      clarificationMs: 60_000,
      submissionMs: 6000,
    });
    await suite.scheduler.untilDelayed(`${tenderId}:submission:v1`);

    const moved = new Date(Date.now() + 7500).toISOString();
    await testbed.amendDeadlines(tenderId, { submissionDeadline: moved }, 2);
    await suite.scheduler.untilDelayed(`${tenderId}:submission:v2`);
    expect(await suite.scheduler.deadlines.getJob(`${tenderId}:submission:v1`)).toBeUndefined();
    // The clarification deadline did not move: its job keeps its version.
    expect(await suite.scheduler.jobState(`${tenderId}:clarification:v1`)).toBe('delayed');

    const closed = await closing(tenderId);
    expect(closed.data).toMatchObject({ submissionDeadline: moved });
    const closedAt = Date.parse((closed.data as { closedAt: string }).closedAt);
    expect(closedAt).toBeGreaterThanOrEqual(Date.parse(moved));
    expect(closedAt - Date.parse(moved)).toBeLessThan(1500);
    const all = await testbed.tenderEvents(tenderId);
    expect(all.filter((e) => e.type === 'TenderingClosed')).toHaveLength(1);
  });

  it('a job of a superseded version that fires anyway steps aside and leaves the current one', async () => {
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 60_000,
      submissionMs: 60_000,
    });
    const moved = new Date(Date.now() + 120_000).toISOString();
    await testbed.amendDeadlines(tenderId, { submissionDeadline: moved }, 2);
    await suite.scheduler.untilDelayed(`${tenderId}:submission:v2`);
    // As if the amendment's removal had lost a race with the old job: it is due now.
    await suite.scheduler.deadlines.add(
      'submission',
      { tenderId, kind: 'submission', noticeVersion: 1, dueAt: terms.submissionDeadline },
      { jobId: `${tenderId}:submission:stale` },
    );
    const stale = await testbed.eventually(async () => {
      const job = await suite.scheduler.deadlines.getJob(`${tenderId}:submission:stale`);
      return (await job?.getState()) === 'completed' ? job : undefined;
    });
    expect(stale.returnvalue).toEqual({
      outcome: 'superseded',
      current: `${tenderId}:submission:v2`,
    });
    expect(await suite.scheduler.jobState(`${tenderId}:submission:v2`)).toBe('delayed');
    expect((await testbed.tenderEvents(tenderId)).map((e) => e.type)).not.toContain(
      'TenderingClosed',
    );
  });

  it('the current job, run before its deadline, goes back to wait for it', async () => {
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 60_000,
      submissionMs: 2500,
    });
    const jobId = `${tenderId}:submission:v1`;
    await suite.scheduler.untilDelayed(jobId);
    await suite.scheduler.runEarly(jobId);
    expect((await testbed.tenderEvents(tenderId)).map((e) => e.type)).not.toContain(
      'TenderingClosed',
    );

    const closed = await closing(tenderId);
    expect(Date.parse((closed.data as { closedAt: string }).closedAt)).toBeGreaterThanOrEqual(
      Date.parse(terms.submissionDeadline),
    );
  });

  it('cancelling a tender removes its pending jobs', async () => {
    const { tenderId } = await testbed.publishTender({ clarificationMs: 1500, submissionMs: 2000 });
    await suite.scheduler.untilDelayed(`${tenderId}:submission:v1`);
    await testbed.cancel(tenderId);
    await testbed.eventually(async () =>
      (await suite.scheduler.deadlines.getJob(`${tenderId}:submission:v1`)) === undefined
        ? true
        : undefined,
    );
    expect(await suite.scheduler.deadlines.getJob(`${tenderId}:clarification:v1`)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await testbed.tenderEvents(tenderId)).map((e) => e.type)).toEqual([
      'TenderDrafted',
      'TenderPublished',
      'BidSealingKeyIssued',
      'TenderCancelled',
    ]);
  });
});
