export { LoggerModule, withoutCredentials } from './observability.module';
export { requestIdFrom, REQUEST_ID_HEADER } from './request-id';
export { BODY_LIMIT_BYTES, createFastifyAdapter } from './fastify-adapter';
export { startHttpApp, type HttpAppOptions } from './start-http-app';
export { Logger } from 'nestjs-pino';
export {
  deadlinesFired,
  eventsAppended,
  jobsFailed,
  METRICS,
  METRICS_PATH,
  observeProjector,
  observeQueues,
  streamKindLabel,
} from './metrics';
