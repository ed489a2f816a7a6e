/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import { AppConfig } from '@fairtender/config';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { createFastifyAdapter } from '@fairtender/observability';
import { ApiModule, configureApi } from '../../apps/api/src';
import { Clock } from '../../apps/api/src/runtime/clock';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';
import { ShiftedClock } from './shifted-clock';

export interface HttpResponse<Body = any> {
  status: number;
  body: Body;
  headers: Headers;
}

export interface RunningApi {
  baseUrl: string;
  clock: ShiftedClock;
  store: EventStore;
  config: AppConfig;
  /** The Nest application, for what a suite inspects inside it (the scheduler's queues). */
  app: NestFastifyApplication;
  /** A client acting as a demo user (or anonymously, with `null`). */
  as(user: DemoUserId | null): ApiClient;
  close(): Promise<void>;
}

export interface ApiClient {
  request<Body = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<Body>>;
  get<Body = any>(path: string, headers?: Record<string, string>): Promise<HttpResponse<Body>>;
  post<Body = any>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<Body>>;
  put<Body = any>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse<Body>>;
}

/**
 * The api and the projector (and, `withScheduler`, the scheduler: it needs Redis) in this process,
 * listening on a real port, with the clock under the test's control. `env` selects the event store
 * (e.g. PostgreSQL on a scratch database).
 */
export async function startHttpApi(
  env: Record<string, string>,
  {
    withProjector = true,
    withScheduler = false,
  }: { withProjector?: boolean; withScheduler?: boolean } = {},
): Promise<RunningApi> {
  const saved = { ...process.env };
  // Counters in memory unless a suite asks for Redis: suites share one Redis and the demo users.
  Object.assign(
    process.env,
    { LOG_LEVEL: 'warn', NODE_ENV: 'test', RATE_LIMIT_STORE: 'memory' },
    env,
  );
  let app: NestFastifyApplication;
  const clock = new ShiftedClock();
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [withProjector ? StandaloneModule.register({ withScheduler }) : ApiModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
      logger: ['error'],
    });
    await configureApi(app);
    await app.listen(0, '127.0.0.1');
  } finally {
    process.env = saved;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const config = app.get(AppConfig);
  const tokens = new Map<string, string>();
  const tokenFor = async (user: DemoUserId) => {
    if (!tokens.has(user)) tokens.set(user, await issueToken(config.auth, demoUser(user)));
    return tokens.get(user)!;
  };
  const as = (user: DemoUserId | null): ApiClient => {
    const request = async <Body = any>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<HttpResponse<Body>> => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(user ? { authorization: `Bearer ${await tokenFor(user)}` } : {}),
          ...headers,
        },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: (text ? safeJson(text) : undefined) as Body,
        headers: response.headers,
      };
    };
    return {
      request,
      get: (path, headers) => request('GET', path, undefined, headers),
      post: (path, body, headers) => request('POST', path, body ?? {}, headers),
      put: (path, body, headers) => request('PUT', path, body, headers),
    };
  };
  return {
    baseUrl,
    clock,
    store: app.get<EventStore>(EVENT_STORE),
    config,
    app,
    as,
    close: () => app.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
