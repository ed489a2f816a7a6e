import { issueToken, demoUser } from '@fairtender/auth';
import { AppConfig, loadConfig } from '@fairtender/config';
import { SchedulerTestbed, type SchedulerProcess } from './scheduler-harness';

/** What operators see: the queue dashboard (the platform's operator only) and the depth of each queue on /health. */
describe('Scheduler for operators: Bull Board behind operator auth, queue figures on /health', () => {
  const testbed = new SchedulerTestbed();
  let scheduler: SchedulerProcess;
  let config: AppConfig;

  beforeAll(async () => {
    await testbed.setUp('scheduler_operators');
    scheduler = await testbed.startScheduler();
    config = scheduler.app.get(AppConfig);
  });
  afterAll(() => testbed.tearDown());

  const get = (url: string, token?: string) =>
    scheduler.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('serves the dashboard and its API to the platform operator', async () => {
    const token = await issueToken(config.auth, demoUser('operator-opal'));
    const page = await get('/queues', token);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fairtender queues');
    const queues = await get('/queues/api/queues?activeQueue=deadlines&status=latest', token);
    expect(queues.statusCode).toBe(200);
    expect(
      queues
        .json()
        .queues.map((q: { name: string }) => q.name)
        .sort(),
    ).toEqual(['deadlines', 'notifications']);
  });

  it('reports each queue depth by state on /metrics', async () => {
    const metrics = await get('/metrics');
    expect(metrics.statusCode).toBe(200);
    for (const queue of ['deadlines', 'notifications'])
      expect(metrics.body).toMatch(
        new RegExp(`^fairtender_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+$`, 'm'),
      );
  });

  it('refuses anyone else: no token 401, another role 403, a forged or system token 401', async () => {
    const none = await get('/queues');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await get('/queues/api/queues')).statusCode).toBe(401);

    const supplier = await get('/queues', await issueToken(config.auth, demoUser('supplier-acme')));
    expect(supplier.statusCode).toBe(403);
    expect(supplier.json()).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      details: { role: 'supplier', allowed: ['operator'] },
    });
    // Issue 16 point 7: an officer of one authority must not pause every authority's deadlines.
    for (const path of ['/queues', '/queues/api/queues']) {
      const officer = await get(path, await issueToken(config.auth, demoUser('officer-alice')));
      expect(officer.statusCode).toBe(403);
      expect(officer.json()).toMatchObject({
        code: 'ROLE_NOT_ALLOWED',
        details: { role: 'officer', allowed: ['operator'] },
      });
    }
    const pause = await scheduler.app.inject({
      method: 'PUT',
      url: '/queues/api/queues/deadlines/pause',
      headers: {
        authorization: `Bearer ${await issueToken(config.auth, demoUser('officer-alice'))}`,
      },
    });
    expect(pause.statusCode).toBe(403);
    const auditor = await get(
      '/queues/api/queues',
      await issueToken(config.auth, demoUser('auditor-ada')),
    );
    expect(auditor.statusCode).toBe(403);

    const otherSecret = loadConfig({
      AUTH_JWT_SECRET: 'another-secret-of-at-least-32-characters!!',
    });
    const forged = await get(
      '/queues',
      await issueToken(otherSecret.auth, demoUser('operator-opal')),
    );
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'TOKEN_INVALID' });

    // The scheduler's own role cannot be carried by a token.
    const system = await get(
      '/queues',
      await issueToken(config.auth, {
        userId: 'scheduler',
        organisationId: 'fairtender',
        role: 'system',
      } as never),
    );
    expect(system.statusCode).toBe(401);
    expect(system.json()).toMatchObject({ code: 'TOKEN_INVALID', details: { claim: 'role' } });
  });

  it('/health gives each queue its depth and failures, and the feed its checkpoint', async () => {
    await scheduler.deadlines.add(
      'submission',
      { tenderId: 'none' },
      { jobId: 'health-probe:x:v1', delay: 60_000 },
    );
    const failing = await scheduler.deadlines.add(
      'submission',
      {
        tenderId: 'no-such-tender',
        kind: 'submission',
        noticeVersion: 1,
        dueAt: new Date().toISOString(),
      },
      { jobId: 'no-such-tender:submission:v1', attempts: 1, removeOnFail: false },
    );
    await testbed.eventually(async () =>
      (await failing.getState()) === 'failed' ? true : undefined,
    );
    expect((await scheduler.deadlines.getJob(failing.id!))?.failedReason).toContain(
      'TENDER_NOT_FOUND',
    );

    const health = await get('/health');
    expect(health.statusCode).toBe(200);
    expect(health.json().info).toMatchObject({
      eventStore: { status: 'up' },
      redis: { status: 'up' },
      queues: {
        status: 'up',
        deadlines: { delayed: 1, failed: 1, waiting: 0, active: 0 },
        notifications: { delayed: 0, failed: 0 },
      },
      feed: { status: 'up', state: 'running', failures: 0 },
    });
  });
});
