import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_TAGS, MISSING_OPERATION_ID } from '../../apps/api/src/http/openapi-document';
import {
  API_APPS,
  appDocument,
  formattedOpenApi,
  OPENAPI_PATH,
  OPENAPI_TYPES_PATH,
} from '../../scripts/openapi-format';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
interface ReferenceObject {
  $ref: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'] as const;

function operations(document: OpenAPIObject): [string, OperationObject][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      item[method]
        ? [[`${method.toUpperCase()} ${path}`, item[method]] as [string, OperationObject]]
        : [],
    ),
  );
}

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

/**
 * The API contract (docs/api.md#the-contract): openapi.json is what the apps serve, and every
 * operation says what it answers, under a stable operationId. A new endpoint without a response
 * schema or an operationId fails here, and a changed one until `npm run openapi` is run.
 */
describe('the OpenAPI contract (openapi.json)', () => {
  let documents: Record<string, OpenAPIObject>;
  let standalone: OpenAPIObject;

  beforeAll(async () => {
    documents = {};
    for (const [name, module] of Object.entries(API_APPS))
      documents[name] = await appDocument(module);
    standalone = documents.standalone;
  });

  it('is what `npm run openapi` writes: run it after changing a route or a DTO', async () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(await formattedOpenApi(standalone));
  });

  it('has the client types openapi-typescript generates from it (`npm run openapi -- --check`)', () => {
    // The script itself, as CI would run it: openapi-typescript is an ES module Jest cannot load.
    const check = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join('scripts', 'openapi.ts'), '--check'],
      {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'error' },
      },
    );
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(OPENAPI_TYPES_PATH, 'utf8')).toContain('export interface paths');
  });

  it('gives every operation a unique verb-noun operationId', () => {
    const missing = operations(standalone)
      .filter(([, operation]) => operation.operationId?.startsWith(MISSING_OPERATION_ID))
      .map(([route]) => route);
    expect(missing).toEqual([]);
    const ids = operations(standalone).map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const notVerbNoun = ids.filter((id) => !/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(id ?? ''));
    expect(notVerbNoun).toEqual([]);
  });

  it('serves every route under the same operationId in every app that serves it', () => {
    const idsOf = (document: OpenAPIObject) =>
      Object.fromEntries(operations(document).map(([route, op]) => [route, op.operationId]));
    const wanted = idsOf(standalone);
    for (const [name, document] of Object.entries(documents)) {
      const ids = idsOf(document);
      const shared = Object.keys(ids).filter((route) => route in wanted);
      expect({ name, ids: shared.map((route) => [route, ids[route]]) }).toEqual({
        name,
        ids: shared.map((route) => [route, wanted[route]]),
      });
      expect(Object.keys(ids).filter((route) => !(route in wanted))).toEqual([]);
    }
  });

  it('declares the success response of every operation with a schema (or says it has no body)', () => {
    const undeclared = operations(standalone).flatMap(([route, operation]) => {
      const success = Object.entries(operation.responses).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      if (success.length === 0) return [`${route}: no 2xx response`];
      return success.flatMap(([status, response]) => {
        if (status === '204' || route.startsWith('HEAD ')) return [];
        if (isReference(response)) return [];
        const content = (response as ResponseObject).content ?? {};
        const schemas = Object.values(content).map((media) => media.schema);
        if (schemas.length === 0 || schemas.some((schema) => !schema)) {
          return [`${route} ${status}: no schema`];
        }
        return schemas.flatMap((schema) =>
          !isReference(schema) && schema && !schema.type && !schema.allOf && !schema.oneOf
            ? [`${route} ${status}: a schema without a type`]
            : [],
        );
      });
    });
    expect(undeclared).toEqual([]);
  });

  it('answers every error with the one error schema, listing its codes', () => {
    const wrong = operations(standalone).flatMap(([route, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .flatMap(([status, response]) => {
          const schema = (response as ResponseObject).content?.['application/json']?.schema as
            { allOf?: [ReferenceObject, { properties: { code: { enum: string[] } } }] } | undefined;
          const ok =
            schema?.allOf?.[0].$ref === '#/components/schemas/ApiErrorDto' &&
            schema.allOf[1].properties.code.enum.length > 0;
          return ok ? [] : [`${route} ${status}`];
        }),
    );
    expect(wrong).toEqual([]);
    expect(standalone.components?.schemas?.ApiErrorDto).toMatchObject({
      required: ['code', 'message', 'details', 'requestId'],
    });
  });

  it('tags every operation with a declared tag', () => {
    const declared = new Set((standalone.tags ?? []).map((tag) => tag.name));
    expect([...declared].sort()).toEqual(Object.keys(API_TAGS).sort());
    const undeclared = operations(standalone).flatMap(([route, operation]) =>
      (operation.tags ?? []).length === 0
        ? [`${route}: untagged`]
        : (operation.tags ?? []).filter((tag) => !declared.has(tag)).map((t) => `${route}: ${t}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('needs no token exactly on the public routes, a bearer token on every other', () => {
    const security = Object.fromEntries(
      operations(standalone).map(([route, operation]) => [route, operation.security]),
    );
    expect(security['GET /notices']).toEqual([]);
    expect(security['GET /tenders/{tenderId}/award']).toEqual([]);
    expect(security['GET /health']).toEqual([]);
    expect(security['POST /tenders']).toEqual([{ bearer: [] }]);
    expect(security['GET /tenders/{tenderId}']).toEqual([{ bearer: [] }]);
    const publicRoutes = Object.entries(security)
      .filter(([, requirements]) => requirements?.length === 0)
      .map(([route]) => route)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        'GET /notices',
        'GET /notices/{tenderId}',
        'GET /ocds/releases',
        'GET /ocds/tenders/{tenderId}/record',
        'GET /ocds/tenders/{tenderId}/releases',
        // No bearer token: the signed link in `link` is the credential (docs/pages.md).
        'GET /pages/tenders/{tenderId}/integrity',
        'GET /pages/tenders/{tenderId}/timeline',
        'GET /procurements/{tenderId}/engagement-notice',
        'GET /procurements/{tenderId}/transparency-notice',
        'GET /receipts/public-key',
        'GET /tenders/{tenderId}/award',
        'POST /receipts/verification',
      ].sort(),
    );
  });

  it('gives every path parameter a format or a pattern', () => {
    const loose = operations(standalone).flatMap(([route, operation]) =>
      (operation.parameters ?? [])
        .filter((p) => !isReference(p) && p.in === 'path')
        .filter((p) => {
          const schema = (p as { schema?: { format?: string; pattern?: string } }).schema;
          return !schema?.format && !schema?.pattern;
        })
        .map((p) => `${route}: ${(p as { name: string }).name}`),
    );
    expect(loose).toEqual([]);
  });
});
