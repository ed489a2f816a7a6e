import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  ConfigurationError,
  loadConfig,
  loadDevelopmentEnvFile,
} from '@fairtender/config';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { createFastifyAdapter } from './fastify-adapter';

export interface HttpAppOptions {
  /** Names the process in its logs: api, projector, scheduler, standalone. */
  name: string;
  /** Used when PORT is not set. */
  defaultPort: number;
  /** App-specific wiring (pipes, OpenAPI) applied before listening. */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  /** Lines logged once listening: where the docs are, how to get a token, what does not run. */
  banner?: (url: string, config: AppConfig) => string[];
  /** Logged as warnings after the banner: what this process does not do. */
  warnings?: string[];
}

/**
 * Creates the app on Fastify with its logs, listens on HOST:PORT, and closes cleanly on SIGTERM/SIGINT.
 * `.env` has been read by then outside production (the process's own environment wins).
 */
export async function startHttpApp(
  rootModule: Type | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  let app: NestFastifyApplication;
  try {
    loadDevelopmentEnvFile(process.env);
    // The app validates again when created; checking first keeps a bad variable to one clear line.
    loadConfig(process.env);
    app = await NestFactory.create<NestFastifyApplication>(rootModule, createFastifyAdapter(), {
      bufferLogs: true,
      // Without this Nest aborts the process (a core dump) instead of letting us say what went wrong.
      abortOnError: false,
    });
  } catch (error) {
    return exitOnStartupFailure(options.name, error);
  }
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  try {
    await options.configure?.(app);
    const config = app.get(AppConfig);
    await app.listen(config.listenPort(options.defaultPort), config.host);
  } catch (error) {
    // e.g. the port is taken: release the databases before leaving.
    await app.close().catch(() => undefined);
    return exitOnStartupFailure(options.name, error);
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.log(`${options.name} listening on ${url}`, options.name);
  for (const line of options.banner?.(url, app.get(AppConfig)) ?? [])
    logger.log(line, options.name);
  for (const line of options.warnings ?? []) logger.warn(line, options.name);
  return app;
}

function exitOnStartupFailure(name: string, error: unknown): never {
  const log = pino({ name }, pino.destination({ fd: 2, sync: true }));
  if (error instanceof ConfigurationError) log.fatal({ problems: error.problems }, error.message);
  else
    log.fatal(
      { err: error },
      `${name} failed to start: ${(error as Error)?.message ?? String(error)}`,
    );
  process.exit(1);
}
