import {
  validateEnvironment,
  type EnvironmentVariables,
  type LogLevel,
  type NodeEnv,
} from './environment';

/** Where events live; read models always live in PostgreSQL (the embedded one for `embedded`). */
export type EventStoreSettings =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; databaseUrl: string }
  | { kind: 'eventstoredb'; connectionString: string; databaseUrl: string };

/** Typed, validated view of the environment. Build it with `loadConfig`. */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly eventStore: EventStoreSettings;
  readonly redisUrl: string;
  readonly host: string;
  readonly logLevel: LogLevel;
  private readonly port: number | undefined;

  constructor(env: EnvironmentVariables) {
    this.nodeEnv = env.NODE_ENV;
    this.eventStore = eventStoreSettings(env);
    this.redisUrl = env.REDIS_URL;
    this.host = env.HOST;
    this.logLevel = env.LOG_LEVEL;
    this.port = env.PORT;
  }

  /** PORT when set, else the app's own default (api 3000, projector 3001, scheduler 3002). */
  listenPort(appDefault: number): number {
    return this.port ?? appDefault;
  }
}

function eventStoreSettings(env: EnvironmentVariables): EventStoreSettings {
  switch (env.EVENT_STORE) {
    case 'embedded':
      return { kind: 'embedded', dataDir: env.EMBEDDED_DATA_DIR };
    case 'postgres':
      return { kind: 'postgres', databaseUrl: env.DATABASE_URL! };
    case 'eventstoredb':
      return {
        kind: 'eventstoredb',
        connectionString: env.EVENTSTORE_CONNECTION_STRING!,
        databaseUrl: env.DATABASE_URL!,
      };
    default: {
      const unknown: never = env.EVENT_STORE;
      throw new Error(`Unknown EVENT_STORE ${String(unknown)}`);
    }
  }
}

/** Validates the environment (throws ConfigurationError naming each bad variable) and types it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig(validateEnvironment(env));
}

/** Redis is optional for the all-in-one process: the scheduler joins it only when REDIS_URL is set. */
export function isRedisConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return (env.REDIS_URL ?? '') !== '';
}
