import { awardedTender, challengeUpheldForReEvaluation } from './award-history';
import { runningScheduler } from './scheduler-harness';

const types = (events: { type: string }[]) => events.map((event) => event.type);
const jobIdOf = (tenderId: string, round: number) => `${tenderId}:standstill-end:r${round}`;

/** The end of a standstill, recorded by the scheduler at the instant the award notice gave. */
describe('Standstill deadline (real Redis and PostgreSQL)', () => {
  const suite = runningScheduler('scheduler_standstill');
  const { testbed } = suite;

  const ends = (tenderId: string) =>
    testbed.eventually(async () =>
      (await testbed.tenderEvents(tenderId)).find((e) => e.type === 'StandstillEnded'),
    );

  it('records StandstillEnded once, as the scheduler, at the end; an early run goes back to wait', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 2500 });
    const { tenderId, endsAt } = awarded;
    await testbed.append(tenderId, awarded.events);
    const jobId = jobIdOf(tenderId, 1);
    await suite.scheduler.untilDelayed(jobId);
    // Nothing else is scheduled for a tender past tendering.
    expect(
      (await suite.scheduler.deadlines.getJobs(['delayed', 'waiting'])).map((j) => j.id),
    ).toEqual(
      expect.not.arrayContaining([`${tenderId}:submission:v1`, `${tenderId}:clarification:v1`]),
    );

    // Run before its time: the decider refuses (DEADLINE_NOT_REACHED) and the job waits again.
    await suite.scheduler.runEarly(jobId);
    expect(types(await testbed.tenderEvents(tenderId))).not.toContain('StandstillEnded');

    const ended = await ends(tenderId);
    expect(ended.data).toEqual({
      endedAt: expect.any(String),
      endsAt,
      openChallenges: 0,
      round: 1,
    });
    const endedAt = Date.parse((ended.data as { endedAt: string }).endedAt);
    expect(endedAt).toBeGreaterThanOrEqual(Date.parse(endsAt));
    expect(endedAt - Date.parse(endsAt)).toBeLessThan(1500);
    expect(ended.metadata.actor).toEqual({
      userId: 'scheduler',
      organisationId: 'fairtender',
      role: 'system',
    });
    const job = await suite.scheduler.deadlines.getJob(jobId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toMatchObject({ outcome: 'closed', recorded: ['StandstillEnded'] });

    // The job again: the same id is a no-op; another id runs and finds the end recorded.
    await suite.scheduler.deadlines.add('standstill-end', job!.data, { jobId });
    const again = await suite.scheduler.deadlines.add('standstill-end', job!.data, {
      jobId: `${tenderId}:standstill-end:again`,
    });
    await testbed.eventually(async () =>
      (await again.getState()) === 'completed' ? true : undefined,
    );
    expect((await suite.scheduler.deadlines.getJob(again.id!))?.returnvalue).toEqual({
      outcome: 'already-closed',
    });
    const all = await testbed.tenderEvents(tenderId);
    expect(all.filter((e) => e.type === 'StandstillEnded')).toHaveLength(1);
  });

  it('two runs at the same instant record the end once', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 1500 });
    const { tenderId, endsAt } = awarded;
    await testbed.append(tenderId, awarded.events);
    await suite.scheduler.untilDelayed(jobIdOf(tenderId, 1));
    // As a second scheduler with its own copy of the job would.
    const twin = await suite.scheduler.deadlines.add(
      'standstill-end',
      { tenderId, kind: 'standstill-end', round: 1, dueAt: endsAt },
      { jobId: `${tenderId}:standstill-end:twin`, delay: Date.parse(endsAt) - Date.now() },
    );
    await ends(tenderId);
    await testbed.eventually(async () =>
      (await twin.getState()) === 'completed' &&
      (await suite.scheduler.jobState(jobIdOf(tenderId, 1))) === 'completed'
        ? true
        : undefined,
    );
    const outcomes = [
      (await suite.scheduler.deadlines.getJob(twin.id!))?.returnvalue.outcome,
      (await suite.scheduler.deadlines.getJob(jobIdOf(tenderId, 1)))?.returnvalue.outcome,
    ].sort();
    expect(outcomes).toEqual(['already-closed', 'closed']);
    const all = await testbed.tenderEvents(tenderId);
    expect(all.filter((e) => e.type === 'StandstillEnded')).toHaveLength(1);
  });

  it('a challenge upheld for re-evaluation removes the pending job; a stale run records nothing', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 60_000 });
    const { tenderId, endsAt } = awarded;
    await testbed.append(tenderId, awarded.events);
    await suite.scheduler.untilDelayed(jobIdOf(tenderId, 1));

    await testbed.append(tenderId, challengeUpheldForReEvaluation('birch'));
    await testbed.eventually(async () =>
      (await suite.scheduler.deadlines.getJob(jobIdOf(tenderId, 1))) === undefined
        ? true
        : undefined,
    );

    // As if the removal had lost a race with the job: it runs, past due, and finds no standstill.
    const stale = await suite.scheduler.deadlines.add(
      'standstill-end',
      { tenderId, kind: 'standstill-end', round: 1, dueAt: endsAt },
      { jobId: `${tenderId}:standstill-end:stale` },
    );
    await testbed.eventually(async () =>
      (await stale.getState()) === 'completed' ? true : undefined,
    );
    expect((await suite.scheduler.deadlines.getJob(stale.id!))?.returnvalue).toEqual({
      outcome: 'not-in-standstill',
      stage: 'evaluation',
    });
    expect(types(await testbed.tenderEvents(tenderId))).not.toContain('StandstillEnded');
  });

  it('the award proposed again after re-evaluation gets a job of its own round', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 60_000 });
    const { tenderId } = awarded;
    await testbed.append(tenderId, awarded.events);
    await suite.scheduler.untilDelayed(jobIdOf(tenderId, 1));
    await testbed.append(tenderId, challengeUpheldForReEvaluation('birch'));
    const secondEndsAt = new Date(Date.now() + 1500).toISOString();
    await testbed.append(tenderId, [
      {
        type: 'AwardProposed',
        data: {
          supplierId: 'birch',
          round: 2,
          ranking: [],
          topRanked: ['birch'],
          departures: [],
          proposedBy: 'u-alice',
          proposedAt: new Date().toISOString(),
        },
      },
      {
        type: 'StandstillStarted',
        data: {
          jurisdiction: 'uk-pa-2023',
          startsAt: new Date().toISOString(),
          endsAt: secondEndsAt,
          countedDays: [],
          basis: 'Procurement Act 2023 s.51: 8 working days',
          round: 2,
        },
      },
    ]);
    const ended = await ends(tenderId);
    expect(ended.data).toMatchObject({ round: 2, endsAt: secondEndsAt });
    expect(await suite.scheduler.jobState(jobIdOf(tenderId, 2))).toBe('completed');
    expect(await suite.scheduler.deadlines.getJob(jobIdOf(tenderId, 1))).toBeUndefined();
  });

  it('a cancelled tender’s standstill job is removed', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 60_000 });
    const { tenderId } = awarded;
    await testbed.append(tenderId, awarded.events);
    await suite.scheduler.untilDelayed(jobIdOf(tenderId, 1));
    await testbed.append(tenderId, [
      {
        type: 'TenderCancelled',
        data: {
          reason: 'Budget withdrawn',
          cancelledAt: new Date().toISOString(),
          stage: 'standstill',
        },
      },
    ]);
    await testbed.eventually(async () =>
      (await suite.scheduler.deadlines.getJob(jobIdOf(tenderId, 1))) === undefined
        ? true
        : undefined,
    );
  });

  it('Redis lost while down: the restarted scheduler rebuilds the standstill job and ends it at once', async () => {
    const awarded = awardedTender({ bidders: ['acme', 'birch'], standstillMs: 1500 });
    const { tenderId, endsAt } = awarded;
    await testbed.append(tenderId, awarded.events);
    await suite.scheduler.untilDelayed(jobIdOf(tenderId, 1));
    await suite.scheduler.stop();
    expect(await testbed.flushRedis()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(endsAt) - Date.now() + 300));
    expect(types(await testbed.tenderEvents(tenderId))).not.toContain('StandstillEnded');

    const restarted = Date.now();
    suite.scheduler = await testbed.startScheduler();
    const ended = await ends(tenderId);
    expect(Date.parse((ended.data as { endedAt: string }).endedAt) - restarted).toBeLessThan(2000);
    expect(ended.data).toMatchObject({ endsAt, round: 1 });
  });
});
