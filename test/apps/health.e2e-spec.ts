import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SQL_CLIENT, type SqlClient } from '@fairtender/event-store';
import { ApiAppModule, configureApi } from '../../apps/api/src';
import { ProjectorAppModule } from '../../apps/projector/src';
import { SchedulerAppModule } from '../../apps/scheduler/src';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';
import { bootApp } from './boot-app';

const IN_MEMORY = { EVENT_STORE: 'embedded', EMBEDDED_DATA_DIR: 'memory://' };
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLOSED_REDIS_PORT = 'redis://127.0.0.1:6390';

async function health(app: NestFastifyApplication) {
  const response = await app.inject({ method: 'GET', url: '/health' });
  return { status: response.statusCode, body: response.json() };
}

describe('health of each app', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('api: event store up, OpenAPI UI served at /docs', async () => {
    app = await bootApp(ApiAppModule, IN_MEMORY, configureApi);

    expect(await health(app)).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { eventStore: { status: 'up' } } },
    });
    const docs = await app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('<title>Fairtender API</title>');
    const openApi = (await app.inject({ method: 'GET', url: '/docs-json' })).json();
    expect(openApi.info.title).toBe('Fairtender API');
    expect(openApi.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('each app: /health/live answers without its dependencies, /health/ready with them', async () => {
    app = await bootApp(SchedulerAppModule, { ...IN_MEMORY, REDIS_URL: CLOSED_REDIS_PORT });
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.redis.status).toBe('down');
    await app.close();
    for (const [module, env] of [
      [ApiAppModule, IN_MEMORY],
      [ProjectorAppModule, IN_MEMORY],
      [StandaloneModule.register({ withScheduler: false }), IN_MEMORY],
    ] as const) {
      app = await bootApp(module, env, module === ApiAppModule ? configureApi : undefined);
      for (const url of ['/health/live', '/health/ready']) {
        const response = await app.inject({ method: 'GET', url });
        expect([url, response.statusCode, response.json().status]).toEqual([url, 200, 'ok']);
      }
      await app.close();
    }
    app = undefined;
  });

  it('api: echoes the caller’s request id', async () => {
    app = await bootApp(ApiAppModule, IN_MEMORY, configureApi);

    const response = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'tender-42-rush' },
    });
    expect(response.headers['x-request-id']).toBe('tender-42-rush');
  });

  it('scheduler: 200 with Redis reachable', async () => {
    app = await bootApp(SchedulerAppModule, { ...IN_MEMORY, REDIS_URL });

    expect(await health(app)).toMatchObject({
      status: 200,
      body: { info: { eventStore: { status: 'up' }, redis: { status: 'up' } } },
    });
  });

  it('scheduler: 503 naming redis when nothing listens on its port', async () => {
    app = await bootApp(SchedulerAppModule, { ...IN_MEMORY, REDIS_URL: CLOSED_REDIS_PORT });

    const started = Date.now();
    const { status, body } = await health(app);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'error',
      error: { redis: { status: 'down' } },
      info: { eventStore: { status: 'up' } },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('projector: 200 on PostgreSQL, event store and read-model database both checked', async () => {
    app = await bootApp(ProjectorAppModule, {
      EVENT_STORE: 'postgres',
      DATABASE_URL: POSTGRES_URL,
    });

    expect(await health(app)).toMatchObject({
      status: 200,
      body: { info: { eventStore: { status: 'up' }, readModels: { status: 'up' } } },
    });
  });

  it('projector: 503 once its database has gone', async () => {
    app = await bootApp(ProjectorAppModule, IN_MEMORY);
    await app.get<SqlClient>(SQL_CLIENT).close();

    const { status, body } = await health(app);
    expect(status).toBe(503);
    expect(body.error).toMatchObject({
      eventStore: { status: 'down' },
      readModels: { status: 'down' },
    });
  });

  it('standalone: one /health for api and projector; Redis checked only when the scheduler runs', async () => {
    app = await bootApp(
      StandaloneModule.register({ withScheduler: false }),
      IN_MEMORY,
      configureApi,
    );
    const { status, body } = await health(app);
    expect(status).toBe(200);
    expect(Object.keys(body.info).sort()).toEqual(['eventStore', 'projector', 'readModels']);
    await app.close();
    app = undefined;

    app = await bootApp(
      StandaloneModule.register({ withScheduler: true }),
      { ...IN_MEMORY, REDIS_URL },
      configureApi,
    );
    expect(Object.keys((await health(app)).body.info).sort()).toEqual([
      'eventStore',
      'feed',
      'projector',
      'queues',
      'readModels',
      'redis',
    ]);
  });

  it('refuses to start with a bad variable, naming it', async () => {
    // CI exports DATABASE_URL; an empty value counts as unset.
    await expect(
      bootApp(ApiAppModule, { EVENT_STORE: 'postgres', DATABASE_URL: '' }),
    ).rejects.toThrow('Invalid configuration: DATABASE_URL is required when EVENT_STORE=postgres');
  });
});
