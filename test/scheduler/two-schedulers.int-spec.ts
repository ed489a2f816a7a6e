import { SchedulerTestbed } from './scheduler-harness';

const TENDERS = 20;

describe('Two scheduler processes on one Redis and one database', () => {
  const testbed = new SchedulerTestbed();

  beforeAll(() => testbed.setUp('scheduler_two'));
  afterAll(() => testbed.tearDown());

  it('fire each deadline exactly once', async () => {
    const [first, second] = await Promise.all([testbed.startScheduler(), testbed.startScheduler()]);
    const tenders = await Promise.all(
      Array.from({ length: TENDERS }, () =>
        testbed.publishTender({ clarificationMs: 1000, submissionMs: 1500 }),
      ),
    );
    // An amendment on some of them, so both processes also race to move jobs.
    const moved = new Date(Date.now() + 2500).toISOString();
    await Promise.all(
      tenders
        .slice(0, 5)
        .map(({ tenderId }) => testbed.amendDeadlines(tenderId, { submissionDeadline: moved }, 2)),
    );

    const histories = await testbed.eventually(async () => {
      const all = await Promise.all(tenders.map(({ tenderId }) => testbed.tenderEvents(tenderId)));
      return all.every((events) => events.some((e) => e.type === 'TenderingClosed'))
        ? all
        : undefined;
    }, 15_000);
    // Time for a duplicate to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const { tenderId } of tenders) {
      const types = (await testbed.tenderEvents(tenderId)).map((e) => e.type);
      expect(types.filter((type) => type === 'TenderingClosed')).toHaveLength(1);
      expect(types.filter((type) => type === 'ClarificationPeriodClosed')).toHaveLength(1);
    }
    expect(histories).toHaveLength(TENDERS);

    // Both processes did work: the jobs are shared, not duplicated.
    const ran = async (jobs: typeof first.deadlines) => (await jobs.getJobs(['completed'])).length;
    expect(await ran(first.deadlines)).toBe(await ran(second.deadlines));
    const completed = await first.deadlines.getJobs(['completed']);
    const byWorker = new Set(completed.map((job) => job.processedBy));
    expect(byWorker.size).toBe(2);
    // 20 clarification jobs and 20 submission jobs at their current versions, and nothing more.
    expect(completed.map((job) => job.id).sort()).toEqual(
      tenders
        .flatMap(({ tenderId }, i) => [
          `${tenderId}:clarification:v1`,
          `${tenderId}:submission:v${i < 5 ? 2 : 1}`,
        ])
        .sort(),
    );
  });
});
