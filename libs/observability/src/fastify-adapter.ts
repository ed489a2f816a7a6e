import { FastifyAdapter } from '@nestjs/platform-fastify';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/**
 * Fastify names each request (pino-http logs that id, which middie copies onto the raw request), so
 * the caller's X-Request-Id is taken here, and echoed back so a client can quote it.
 */
export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({ genReqId: requestIdFrom });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  return adapter;
}
