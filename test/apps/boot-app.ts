import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createFastifyAdapter } from '@fairtender/observability';

const QUIET = { LOG_LEVEL: 'warn', NODE_ENV: 'test', RATE_LIMIT_STORE: 'memory' };

/**
 * Boots an app in this process against the given environment, as its main.ts would (minus listen).
 * The environment only has to hold while the app is created: that is when configuration is read.
 */
export async function bootApp(
  rootModule: Type | DynamicModule,
  env: Record<string, string>,
  configure?: (app: NestFastifyApplication) => void | Promise<void>,
): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, QUIET, env);
  try {
    const moduleRef = await Test.createTestingModule({ imports: [rootModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
      logger: ['error'],
    });
    await configure?.(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  } finally {
    process.env = saved;
  }
}
