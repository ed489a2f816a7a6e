import { getQueueToken } from '@nestjs/bullmq';
import { tenderStream } from '@fairtender/domain';
import { formatPosition } from '@fairtender/event-store';
import type { Queue } from 'bullmq';
import { DEADLINES_QUEUE, SchedulerLifecycle } from '../../apps/scheduler/src';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { SchedulerTestbed } from './scheduler-harness';

const DAY_SECONDS = 24 * 3600;

/**
 * `npm start` with Redis, as a newcomer drives it: the api, the projector and the scheduler in one
 * process. Moving the sandbox clock past the bid deadline with `POST /sandbox/clock` closes tendering
 * by itself (the scheduler, as the system actor), without waiting a month and without `/closing`.
 */
describe('POST /sandbox/clock makes the scheduler close tendering (standalone with Redis)', () => {
  const testbed = new SchedulerTestbed();
  let api: RunningApi;
  const events = async (tenderId: string) => api.store.readStream(tenderStream(tenderId));

  beforeAll(async () => {
    await testbed.setUp('e2e_sandbox_scheduler');
    api = await startHttpApi(testbed.env(), { withScheduler: true });
    await api.app.get(SchedulerLifecycle).ready;
  });
  afterAll(async () => {
    await api?.close();
    await testbed.tearDown();
  });

  it('a bid deadline a month away passes on the sandbox clock: the tender closes for bids at once', async () => {
    const alice = api.as('officer-alice');
    const terms = noticeTerms(api.clock.now());
    const { tenderId } = (await alice.post('/tenders', terms)).body;
    expect((await alice.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
    const bid = await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, bidBody(41_000_000));
    expect(bid.status).toBe(201);
    const deadlines = api.app.get<Queue>(getQueueToken(DEADLINES_QUEUE));
    const jobId = `${tenderId}:submission:v1`;
    await testbed.eventually(async () =>
      (await (await deadlines.getJob(jobId))?.getState()) === 'delayed' ? true : undefined,
    );

    const moved = await alice.post('/sandbox/clock', { advanceBySeconds: 31 * DAY_SECONDS });
    expect(moved.status).toBe(200);
    const closed = await testbed.eventually(async () =>
      (await events(tenderId)).find((event) => event.type === 'TenderingClosed'),
    );
    expect(closed.metadata.actor).toMatchObject({ userId: 'scheduler', role: 'system' });
    expect(Date.parse((closed.data as { closedAt: string }).closedAt)).toBeGreaterThanOrEqual(
      Date.parse(terms.submissionDeadline),
    );
    // The clarification deadline fell due first; when its job runs after tendering has closed it
    // records nothing (closeClarificationPeriod is a no-op once tendering is over).
    const types = (await events(tenderId)).map((event) => event.type);
    expect(types.filter((type) => type === 'TenderingClosed')).toHaveLength(1);
    const view = await alice.get(`/tenders/${tenderId}`, {
      'x-min-position': formatPosition(closed.position),
    });
    expect(view.body.stage).toBe('closed');
    // What the README's `/closing` (and `npm run demo`) then meets: nothing left to record.
    const closing = await alice.post(`/tenders/${tenderId}/closing`);
    expect([closing.status, closing.body.recorded]).toEqual([200, []]);

    const late = await api
      .as('supplier-birch')
      .post(`/tenders/${tenderId}/bid`, bidBody(40_000_000));
    expect([late.status, late.body.code]).toEqual([409, 'LATE_BID']);
  });
});
