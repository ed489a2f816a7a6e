import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { serveMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** Room for a bid with its documents (base64); the event store caps one event at 8 MiB anyway. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;
/** Fastify's default: longer than any id of ours (a UUID is 36, a supplier id at most 63). */
export const MAX_PARAM_LENGTH = 100;

/**
 * Fastify names each request (pino-http logs that id, which middie copies onto the raw request), so
 * the caller's X-Request-Id is taken here, and echoed back so a client can quote it.
 */
export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    genReqId: requestIdFrom,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerRouterRefusal,
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  serveMetrics(adapter.getInstance());
  return adapter;
}

/**
 * The router refuses some URLs before any hook or exception filter runs; without this Fastify
 * answers them in its own words (`FST_ERR_MAX_PARAM_LENGTH`). They get codes of our error table.
 */
function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const [status, code, message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [
          414,
          'PARAMETER_TOO_LONG',
          `A path parameter may be at most ${MAX_PARAM_LENGTH} characters`,
        ]
      : error.code === 'FST_ERR_BAD_URL'
        ? [400, 'INVALID_PARAMETER', 'The path is not a valid URL (bad percent-encoding)']
        : [400, 'MALFORMED_REQUEST', 'The request could not be routed'];
  void reply
    .status(status)
    .header(REQUEST_ID_HEADER, request.id)
    .send({ code, message, details: {}, requestId: request.id });
}
