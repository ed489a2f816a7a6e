import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import * as prettier from 'prettier';
import { ApiAppModule } from '../apps/api/src/api-app.module';
import { openApiDocument } from '../apps/api/src/http/openapi-document';
import { StandaloneModule } from '../apps/standalone/src/standalone.module';

import { OPENAPI_PATH } from './openapi-paths';

export { OPENAPI_PATH, OPENAPI_TYPES_PATH } from './openapi-paths';

/** The document of an app module, scanned without starting it (no database, no Redis). */
export async function appDocument(module: Type | DynamicModule): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The apps that serve the HTTP API: the api on its own, and `npm start`'s one process. */
export const API_APPS: Record<string, Type | DynamicModule> = {
  api: ApiAppModule,
  standalone: StandaloneModule.register({ withScheduler: false }),
  'standalone with scheduler': StandaloneModule.register({ withScheduler: true }),
};

/** openapi.json as `npm run openapi` writes it (the standalone app's), formatted as prettier wants. */
export async function formattedOpenApi(document?: OpenAPIObject): Promise<string> {
  const wanted = document ?? (await appDocument(API_APPS.standalone));
  const options = (await prettier.resolveConfig(OPENAPI_PATH)) ?? {};
  return prettier.format(JSON.stringify(wanted), { ...options, filepath: OPENAPI_PATH });
}
