import { FastifyAdapter } from '@nestjs/platform-fastify';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/**
 * Fastify names each request (pino-http logs that id, which middie copies onto the raw request), so
 * the caller's X-Request-Id is taken here, and echoed back so a client can quote it.
 */
/** Room for a bid with its documents (base64); the event store caps one event at 8 MiB anyway. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({ genReqId: requestIdFrom, bodyLimit: BODY_LIMIT_BYTES });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  return adapter;
}
