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
import pino from 'pino';
import type { Options } from 'pino-http';
import { prettyLogStream } from './pretty-log';

/** What a log line says of its request (pino-std-serializers' shape, without the headers). */
function requestLine(request: {
  id: unknown;
  method: string;
  url: string;
  remoteAddress?: string;
}) {
  return {
    id: request.id,
    method: request.method,
    url: withoutCredentials(request.url),
    remoteAddress: request.remoteAddress,
  };
}

/** A page link in a query string reads the page as its issuer (docs/pages.md): never written out. */
export function withoutCredentials(url: string): string {
  return url.replace(/([?&]link=)[^&#]*/g, '$1[redacted]');
}

/** pino-http's options: the level, what a line says of its request, what is never written out. */
export function requestLogging(level: string) {
  return {
    level,
    // pino serialises a request's bindings when its logger is made, on every request whatever
    // the level (issue 19: logging off the hot path): the id, method, URL and address say
    // which request a line is about; the headers, most of that work, are left out.
    serializers: { req: requestLine },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    // Health probes arrive every few seconds; logging each would drown the useful lines.
    autoLogging: { ignore: (request) => requestPath(request) === '/health' },
  } satisfies Options;
}

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

type LoggedRequest = IncomingMessage & { originalUrl?: string };

/**
 * Outside production a request is one line, `GET /notices 200 4 ms`: its status, not the response
 * headers; production keeps pino-http's response object and messages.
 */
function developmentRequestLogs(config: AppConfig, base: Options): Partial<Options> {
  if (config.nodeEnv === 'production') return {};
  return {
    serializers: {
      ...base.serializers,
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
        const base: Options = requestLogging(config.logLevel);
        const options: Options = { ...base, ...developmentRequestLogs(config, base) };
        return {
          pinoHttp: [
            options,
            usesPrettyLogs(config)
              ? prettyLogStream()
              : // Written in the background (sonic-boom, flushed on exit): a request never waits for stdout.
                pino.destination({ dest: 1, sync: false }),
          ],
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
