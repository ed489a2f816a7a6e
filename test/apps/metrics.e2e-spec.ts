import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';

/** Issue 16 point 7: Prometheus metrics at /metrics, labelled by route pattern, never by id. */
describe('Prometheus metrics (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_metrics');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const metrics = async () => {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  const value = (text: string, pattern: RegExp) => {
    const line = text.split('\n').find((l) => pattern.test(l));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };

  it('counts request latency per route, appends per stream kind, and the projector lag', async () => {
    const before = await metrics();
    const appendedBefore =
      value(before, /^fairtender_events_appended_total\{stream="tender"\}/) ?? 0;
    const drafted = await api.as('officer-alice').post('/tenders', noticeTerms(api.clock.now()));
    expect(drafted.status).toBe(201);
    const read = await api
      .as('officer-alice')
      .get(`/tenders/${drafted.body.tenderId}`, { 'x-min-position': drafted.body.position });
    expect(read.status).toBe(200);

    const after = await metrics();
    expect(value(after, /^fairtender_events_appended_total\{stream="tender"\}/)).toBe(
      appendedBefore + 1,
    );
    expect(
      value(
        after,
        /^fairtender_http_request_duration_seconds_count\{method="POST",route="\/tenders",status="201"\}/,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(
      /^fairtender_http_request_duration_seconds_bucket\{.*method="GET",route="\/tenders\/:tenderId",status="200"\} [1-9]/m,
    );
    expect(after).toMatch(/^fairtender_projector_lag_seconds \d/m);
    expect(after).toMatch(/^fairtender_projector_pending_events \d/m);
    expect(after).toMatch(/^# TYPE fairtender_jobs_failed_total counter/m);
    expect(after).toMatch(/^fairtender_deadlines_fired_total \d/m);
    // Route patterns, never the ids in a URL.
    expect(after).not.toContain(drafted.body.tenderId);
  });
});
