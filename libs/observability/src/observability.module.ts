import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Injectable,
  Logger,
  Module,
  RequestMethod,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { LoggerModule as PinoLoggerModule, type Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { prettyLogStream } from './pretty-log';

/** middie hands middleware a path-stripped `url`; the full one is kept in `originalUrl`. */
function requestPath(request: IncomingMessage & { originalUrl?: string }): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0];
}

@Injectable()
class ShutdownLog implements BeforeApplicationShutdown {
  beforeApplicationShutdown(signal?: string): void {
    new Logger('Shutdown').log(
      `closing${signal ? ` on ${signal}` : ''}: finishing requests, then releasing connections`,
    );
  }
}

/** Readable lines when a person watches: LOG_FORMAT=pretty, or auto on a terminal outside production. */
export function usesPrettyLogs(config: AppConfig, stdoutIsTty = process.stdout.isTTY === true) {
  return (
    config.logFormat === 'pretty' ||
    (config.logFormat === 'auto' && config.nodeEnv !== 'production' && stdoutIsTty)
  );
}

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * Outside production a request is one line, `GET /notices 200 4 ms`, with its id, method, URL and
 * status but not every header; production keeps pino-http's full request and response objects.
 */
function developmentRequestLogs(config: AppConfig) {
  if (config.nodeEnv === 'production') return {};
  return {
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customSuccessMessage: (request: LoggedRequest, response: ServerResponse, ms: number) =>
      `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (request: LoggedRequest, response: ServerResponse, error: Error) =>
      `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode} failed: ${error.message}`,
  };
}

/** Logs through pino (JSON, or readable lines), one request id per HTTP exchange, credentials never written out. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig): Params => {
        const options: Options = {
          level: config.logLevel,
          ...developmentRequestLogs(config),
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie'],
            censor: '[redacted]',
          },
          // Health probes arrive every few seconds; logging each would drown the useful lines.
          autoLogging: {
            ignore: (request: IncomingMessage) => requestPath(request) === '/health',
          },
        };
        return {
          pinoHttp: usesPrettyLogs(config) ? [options, prettyLogStream()] : options,
          // nestjs-pino's default route, `{/*splat}`, matches nothing under @fastify/middie 9.3 (which
          // prefixes it with "/"); this form matches every request, unknown routes included.
          forRoutes: [{ path: '/{*path}', method: RequestMethod.ALL }],
        };
      },
    }),
  ],
  providers: [ShutdownLog],
})
export class LoggerModule {}
