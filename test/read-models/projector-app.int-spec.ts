import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  EVENT_STORE,
  formatPosition,
  SQL_CLIENT,
  type EventStore,
  type SqlClient,
} from '@fairtender/event-store';
import { ProjectionRunnerService, ReadModelQueries } from '@fairtender/read-models';
import { ProjectorAppModule } from '../../apps/projector/src';
import { bootApp } from '../apps/boot-app';
import { TenderEvents } from './tender-events';

const IN_MEMORY = { EVENT_STORE: 'embedded', EMBEDDED_DATA_DIR: 'memory://' };

async function health(app: NestFastifyApplication) {
  const response = await app.inject({ method: 'GET', url: '/health' });
  return { status: response.statusCode, body: response.json() };
}

describe('projector app', () => {
  let app: NestFastifyApplication;
  let store: EventStore;
  let queries: ReadModelQueries;
  let tender: TenderEvents;

  beforeEach(async () => {
    app = await bootApp(ProjectorAppModule, IN_MEMORY);
    store = app.get<EventStore>(EVENT_STORE);
    queries = app.get(ReadModelQueries);
    tender = new TenderEvents(store, `app-${randomUUID().slice(0, 8)}`);
  });
  afterEach(() => app.close());

  it('projects from bootstrap on; /health shows the runner with its checkpoint', async () => {
    await tender.draft();
    const { position } = await tender.publish();

    expect(await queries.waitForPosition(position, 10_000)).toBe(true);
    expect(await queries.getNotice(tender.tenderId)).toMatchObject({ stage: 'tendering' });
    expect(await health(app)).toMatchObject({
      status: 200,
      body: {
        info: {
          eventStore: { status: 'up' },
          readModels: { status: 'up' },
          projector: { status: 'up', state: 'running', checkpoint: formatPosition(position) },
        },
      },
    });
  });

  it('stops on an event it cannot read, says where, and /health turns 503', async () => {
    const { position: before } = await tender.draft();
    const { position: unreadable } = await store.append(
      `tender-${tender.tenderId}`,
      [{ eventId: randomUUID(), type: 'TenderPublished', version: 9, data: {} }],
      'any',
    );
    expect(await queries.waitForPosition(before, 10_000)).toBe(true);
    const runner = app.get(ProjectionRunnerService).runner;
    await runner.whenStopped();

    const { status, body } = await health(app);
    expect(status).toBe(503);
    expect(body.error.projector).toMatchObject({
      status: 'down',
      state: 'failed',
      checkpoint: formatPosition(before),
    });
    expect(body.error.projector.error).toContain(`at position ${formatPosition(unreadable)}`);
    expect(body.error.projector.error).toContain('newer than this code understands');
    expect(body.info).toMatchObject({ eventStore: { status: 'up' }, readModels: { status: 'up' } });
    expect(await queries.waitForPosition(unreadable, 100)).toBe(false);
  });

  it('runs one runner per database in a process, and stops it before the event store closes', async () => {
    const service = app.get(ProjectionRunnerService);
    const second = new ProjectionRunnerService(store, app.get<SqlClient>(SQL_CLIENT), undefined);
    await second.onApplicationBootstrap();
    expect(second.runner.status().state).toBe('stopped');
    expect(service.runner.status().state).toBe('running');

    await app.close();
    expect(service.runner.status().state).toBe('stopped');
    app = await bootApp(ProjectorAppModule, IN_MEMORY);
  });
});
