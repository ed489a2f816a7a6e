import type { IncomingMessage } from 'node:http';
import {
  Injectable,
  Logger,
  Module,
  RequestMethod,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';

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

/** JSON logs through pino, one request id per HTTP exchange, credentials never written out. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie'],
            censor: '[redacted]',
          },
          // Health probes arrive every few seconds; logging each would drown the useful lines.
          autoLogging: { ignore: (request) => requestPath(request) === '/health' },
        },
        // nestjs-pino's default route, `{/*splat}`, matches nothing under @fastify/middie 9.3 (which
        // prefixes it with "/"); this form matches every request, unknown routes included.
        forRoutes: [{ path: '/{*path}', method: RequestMethod.ALL }],
      }),
    }),
  ],
  providers: [ShutdownLog],
})
export class LoggerModule {}
