import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { BODY_LIMIT_BYTES } from '@fairtender/observability';
import { ApiError } from './api-error';
import { scanJsonShape, type JsonShapeLimits } from './json-shape';

/** Bodies of every route but those that say otherwise: a notice with all its text fits many times. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** A bid with its base64 documents (BID_DOCUMENTS_MAX_BYTES); the store caps one event at 8 MiB. */
export const BID_BODY_LIMIT_BYTES = BODY_LIMIT_BYTES;
/** An anonymous receipt check: the receipt is a few hundred bytes. */
export const RECEIPT_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Any JSON body: no DTO nests deeper than 4 or holds more than 50 items in an array, so these bounds
 * only refuse what no client of ours sends; each DTO's own `@ArrayMaxSize` is checked after parsing.
 */
export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxDepth: 16,
  maxArrayItems: 1000,
  maxValues: 10_000,
};

/**
 * The largest body a route accepts, in bytes (default DEFAULT_BODY_LIMIT_BYTES): past it Fastify stops
 * reading and answers 413 PAYLOAD_TOO_LARGE. Merges into the route's Fastify config, so it combines
 * with other route config (rate limits).
 */
export function BodyLimit(bytes: number): MethodDecorator {
  return (_target, _key, descriptor) => {
    mergeRouteConfig(descriptor.value as object, { bodyLimit: bytes });
    return descriptor;
  };
}

export function mergeRouteConfig(handler: object, part: Record<string, unknown>): void {
  const existing = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...existing, ...part }, handler);
}

/**
 * Limits before work (issue 17): every route gets its body limit before Nest registers it, and JSON
 * bodies are scanned for their shape before `JSON.parse`, so a pathological body costs milliseconds
 * and never reaches class-transformer.
 */
export function limitBodies(app: NestFastifyApplication, shape = JSON_SHAPE_LIMITS): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const declared = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    route.bodyLimit ??= declared ?? DEFAULT_BODY_LIMIT_BYTES;
  });
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', {}, (request, body, done) => {
    const refusal = scanJsonShape(body, shape);
    if (refusal) {
      done(new ApiError(400, refusal.code, refusal.message, refusal.details), undefined);
      return;
    }
    // Fastify's own parser (secure-json-parse: __proto__ and constructor refused) reads a Buffer too.
    parse(request as Parameters<typeof parse>[0], body as unknown as string, done);
  });
}
