import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { NestContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC } from '@fairtender/auth';
import { API_ERRORS, ApiErrorDto, statusOfCode, type AnyErrorCode } from './api-errors';
import { RECORD_ID } from './id-params';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<OperationObject['parameters']>[number], { in: string }>;
type SchemaObject = Extract<NonNullable<ParameterObject['schema']>, { type?: unknown }>;

/** Every tag an operation may carry, with what it groups; a spec fails on an undeclared one. */
export const API_TAGS: Record<string, string> = {
  health: 'Whether the process and what it depends on answer',
  sandbox: 'Outside production only: the clock moved forward, each move recorded',
  procurements:
    'The procurement before its notice: plan, strategy approval, market engagement, conflicts, direct award',
  tenders: "The buyer's commands and view of its tenders: draft, publish, amend, close, open",
  notices: 'Published notices, for anyone',
  bids: "Sealed bids: a supplier's own, and the buyer's register once opened",
  'bid documents': 'Resumable uploads of bid documents (tus 1.0)',
  receipts: 'The key that signs bid receipts, and a check of a receipt',
  evaluation: 'Compliance, the panel, declarations, blind scores, moderation, the ranking',
  award: 'The award, the standstill, assessment summaries and the public award notice',
  challenges: 'Challenges to an award during its standstill',
  contract: 'The contract and its changes',
  'competition integrity': 'Integrity reports and red flags',
  'legal replay': 'History, state at a moment, diffs, verification and evidence bundles',
  pages:
    'Pages people open in a browser through short-lived signed links: the timeline and the integrity report',
  webhooks: "A supplier's webhook and its deliveries",
  'publication (OCDS)': 'Open Contracting Data Standard releases and records',
};

/** Path parameters, as their pipes check them (params.ts, id-params.ts). */
const PATH_PARAMETERS: Record<string, SchemaObject> = {
  tenderId: { type: 'string', format: 'uuid' },
  questionId: { type: 'string', format: 'uuid' },
  uploadId: { type: 'string', format: 'uuid' },
  documentId: { type: 'string', format: 'uuid' },
  supplierId: { type: 'string', pattern: RECORD_ID.source },
  challengeId: { type: 'string', pattern: RECORD_ID.source },
  changeId: { type: 'string', pattern: RECORD_ID.source },
  checkpointId: { type: 'string', pattern: RECORD_ID.source },
};

const AUTH_ERRORS: AnyErrorCode[] = [
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'AUTH_UNAVAILABLE',
  'ROLE_NOT_ALLOWED',
];
const BODY_ERRORS: AnyErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'MALFORMED_REQUEST',
  'BODY_TOO_DEEP',
  'BODY_TOO_COMPLEX',
  'ARRAY_TOO_LONG',
  'NUMBER_OUT_OF_RANGE',
  'TEXT_HAS_NUL',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
];

/** The operationId a route gets when it declares none: the completeness spec refuses it. */
export const MISSING_OPERATION_ID = 'MISSING_OPERATION_ID';

/**
 * The OpenAPI document of an app (api or standalone): what `/docs` serves and `npm run openapi`
 * writes to openapi.json. Nest's scan gives paths, bodies and success responses; this adds what the
 * decorators cannot say once for all: `security: []` on @Public() routes, each operation's error
 * responses (its @ApiErrors codes and those of its kind of route) with the one error schema, the
 * declared tags and the path parameters' formats. Works on an app created with `preview: true`.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Fairtender API')
    .setDescription(
      'Competitive public tenders: notices, sealed bids, evaluation, award and challenge. ' +
        'Errors are `{ code, message, details, requestId }` (docs/errors.md lists every code); ' +
        'lists are `{ items, nextCursor }`, paged with `cursor` and `limit` (docs/api.md).',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://spdx.org/licenses/')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth()
    .addSecurityRequirements('bearer');
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ApiErrorDto],
    operationIdFactory: (controllerKey, methodKey) =>
      `${MISSING_OPERATION_ID}_${controllerKey}_${methodKey}`,
  });
  const routes = routeMetadata(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const route = routes.get(operation.operationId ?? '');
      const isPublic = route?.isPublic ?? false;
      operation.security = isPublic ? [] : [{ bearer: [] }];
      describePathParameters(operation);
      addErrorResponses(operation, [
        ...edgeErrors(path, method, operation, isPublic),
        ...(route?.errors ?? []),
      ]);
    }
  }
  return document;
}

interface RouteMetadata {
  isPublic: boolean;
  errors: AnyErrorCode[];
}

/** operationId → what the route's handler declares (its controller's @Public counts too). */
function routeMetadata(app: INestApplication): Map<string, RouteMetadata> {
  const container = (app as unknown as { container: NestContainer }).container;
  const routes = new Map<string, RouteMetadata>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (typeof handler !== 'function' || key === 'constructor') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const operation = Reflect.getMetadata('swagger/apiOperation', handler) as
          { operationId?: string } | undefined;
        if (!operation?.operationId) continue;
        routes.set(operation.operationId, {
          isPublic: Boolean(
            Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller),
          ),
          errors: (Reflect.getMetadata(API_ERRORS, handler) as AnyErrorCode[] | undefined) ?? [],
        });
      }
    }
  }
  return routes;
}

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => 'in' in parameter,
  );
}

function describePathParameters(operation: OperationObject): void {
  for (const parameter of parametersOf(operation)) {
    if (parameter.in === 'path' && PATH_PARAMETERS[parameter.name]) {
      parameter.schema = PATH_PARAMETERS[parameter.name];
    }
  }
}

/** The codes every route of a kind answers: auth, malformed parameters and bodies, limits, failures. */
function edgeErrors(
  path: string,
  method: string,
  operation: OperationObject,
  isPublic: boolean,
): AnyErrorCode[] {
  const parameters = parametersOf(operation);
  const header = (name: string) =>
    parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());
  const codes: AnyErrorCode[] = ['RATE_LIMITED', 'INTERNAL'];
  if (!isPublic) codes.push(...AUTH_ERRORS);
  if (parameters.some((p) => p.in === 'path' || p.in === 'query')) codes.push('INVALID_PARAMETER');
  if (parameters.some((p) => p.in === 'query')) codes.push('VALIDATION_FAILED');
  if (path.includes('{tenderId}')) codes.push('TENDER_NOT_FOUND');
  if (operation.requestBody) codes.push(...BODY_ERRORS);
  if (header('X-Min-Position')) codes.push('INVALID_POSITION', 'READ_MODEL_BEHIND');
  if (header('Idempotency-Key')) codes.push('INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_REUSED');
  if (method !== 'get' && method !== 'head' && path.includes('{tenderId}')) {
    codes.push('CONCURRENCY_CONFLICT');
  }
  return codes;
}

function addErrorResponses(operation: OperationObject, codes: AnyErrorCode[]): void {
  const byStatus = new Map<number, Set<string>>();
  for (const code of codes) {
    const status = statusOfCode(code);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses = operation.responses;
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    const enumerated = [...set].sort();
    responses[String(status)] = {
      description: enumerated.join(', '),
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/ApiErrorDto' },
              {
                type: 'object',
                required: ['code'],
                properties: { code: { type: 'string', enum: enumerated } },
              },
            ],
          },
        },
      },
    };
  }
}
