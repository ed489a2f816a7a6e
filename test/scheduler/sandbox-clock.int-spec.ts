import { runningScheduler } from './scheduler-harness';

const DAY = 24 * 3600 * 1000;
const types = (events: { type: string }[]) => events.map((event) => event.type);

/**
 * Outside production the scheduler keeps the sandbox clock (docs/operations.md#sandbox): a move of
 * it (SandboxClockMoved on `sandbox-clock`, as POST /sandbox/clock records it) makes the deadlines it
 * passes fire at once, retimes the others, and the jobs added afterwards wait by the moved clock.
 */
describe('The scheduler on the sandbox clock (real Redis and PostgreSQL)', () => {
  const suite = runningScheduler('scheduler_sandbox_clock');
  const { testbed } = suite;
  let offsetMs = 0;
  const moveClock = async (to: number) => {
    await testbed.moveSandboxClock(to, offsetMs);
    offsetMs = to;
  };
  const closing = (tenderId: string) =>
    testbed.eventually(async () => {
      const events = await testbed.tenderEvents(tenderId);
      return events.some((e) => e.type === 'TenderingClosed') ? events : undefined;
    });
  const closedAtOf = (events: { type: string; data: unknown }[]) =>
    Date.parse(
      (events.find((e) => e.type === 'TenderingClosed')!.data as { closedAt: string }).closedAt,
    );

  it('a bid deadline 10 days away: the clock moved past it, the tender closes for bids at once', async () => {
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 5 * DAY,
      submissionMs: 10 * DAY,
    });
    const jobId = `${tenderId}:submission:v1`;
    await suite.scheduler.untilDelayed(jobId);

    const movedAt = Date.now();
    await moveClock(11 * DAY);
    const closed = await closing(tenderId);
    expect(Date.now() - movedAt).toBeLessThan(10_000);
    // Both deadlines are past on the clock, so both jobs run at once, in either order.
    expect(types(closed).slice(0, 3)).toEqual([
      'TenderDrafted',
      'TenderPublished',
      'BidSealingKeyIssued',
    ]);
    // Decided on the sandbox clock: at or after the deadline, about 11 days after real time.
    const closedAt = closedAtOf(closed);
    expect(closedAt).toBeGreaterThanOrEqual(Date.parse(terms.submissionDeadline));
    expect(closedAt - Date.now()).toBeGreaterThan(11 * DAY - 60_000);
    expect(closed.at(-1)!.metadata.actor).toMatchObject({ userId: 'scheduler', role: 'system' });
    const job = await testbed.eventually(async () => {
      const found = await suite.scheduler.deadlines.getJob(jobId);
      return (await found?.getState()) === 'completed' ? found : undefined;
    });
    expect(job.returnvalue).toMatchObject({ outcome: 'closed', recorded: ['TenderingClosed'] });
  });

  it('a deadline the move does not reach is retimed to the moved clock, and never fires early', async () => {
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: 30 * DAY,
      submissionMs: 31 * DAY,
    });
    await suite.scheduler.untilDelayed(`${tenderId}:submission:v1`);
    await suite.scheduler.untilDelayed(`${tenderId}:clarification:v1`);

    // The submission deadline 1.5 s of clock time ahead, the clarification deadline a day before it.
    await moveClock(31 * DAY - 1500);
    const closed = await closing(tenderId);
    expect(types(closed).slice(3)).toEqual(['ClarificationPeriodClosed', 'TenderingClosed']);
    expect(closedAtOf(closed)).toBeGreaterThanOrEqual(Date.parse(terms.submissionDeadline));
  });

  it('a job added after the move waits by the moved clock, not by real time', async () => {
    // Deadlines 1 and 2 s ahead of the clock: more than 31 days ahead of real time.
    const { tenderId, terms } = await testbed.publishTender({
      clarificationMs: offsetMs + 1000,
      submissionMs: offsetMs + 2000,
    });
    const closed = await closing(tenderId);
    expect(closedAtOf(closed)).toBeGreaterThanOrEqual(Date.parse(terms.submissionDeadline));
    expect(types(closed).slice(3)).toEqual(['ClarificationPeriodClosed', 'TenderingClosed']);
  });

  it('a scheduler started after the moves reads the clock from sandbox-clock before rebuilding its jobs', async () => {
    await suite.scheduler.stop();
    // Published while no scheduler runs: 20 days ahead of real time, already past on the clock.
    const { tenderId } = await testbed.publishTender({
      clarificationMs: 19 * DAY,
      submissionMs: 20 * DAY,
    });
    suite.scheduler = await testbed.startScheduler();
    const movedAt = Date.now();
    const closed = await closing(tenderId);
    expect(Date.now() - movedAt).toBeLessThan(10_000);
    expect(closedAtOf(closed) - Date.now()).toBeGreaterThan(31 * DAY - 60_000);
  });
});
