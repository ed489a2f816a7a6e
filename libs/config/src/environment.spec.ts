import { isRedisConfigured, loadConfig } from './app-config';
import { ConfigurationError, validateEnvironment } from './environment';

function problemsOf(env: Record<string, string>): string {
  try {
    validateEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the environment to be refused');
}

describe('environment configuration', () => {
  it('starts on the embedded store with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.eventStore).toEqual({ kind: 'embedded', dataDir: './data/pglite' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('info');
    expect(config.listenPort(3001)).toBe(3001);
  });

  it('accepts a complete production environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      EVENT_STORE: 'eventstoredb',
      DATABASE_URL: 'postgres://fairtender:secret@db:5432/fairtender',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      REDIS_URL: 'rediss://cache:6380',
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'warn',
    });
    expect(config.eventStore).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://eventstore:2113?tls=false',
      databaseUrl: 'postgres://fairtender:secret@db:5432/fairtender',
    });
    expect(config.listenPort(3000)).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
  });

  it('reads postgres settings and keeps the in-memory embedded directory', () => {
    expect(
      loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://postgres@127.0.0.1/test' })
        .eventStore,
    ).toEqual({ kind: 'postgres', databaseUrl: 'postgresql://postgres@127.0.0.1/test' });
    expect(loadConfig({ EMBEDDED_DATA_DIR: 'memory://' }).eventStore).toEqual({
      kind: 'embedded',
      dataDir: 'memory://',
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).listenPort(3002)).toBe(3002);
  });

  it.each([
    [
      { NODE_ENV: 'staging' },
      'NODE_ENV must be one of development, test, production (got "staging")',
    ],
    [{ EVENT_STORE: 'mongo' }, 'EVENT_STORE must be one of embedded, postgres, eventstoredb'],
    [{ EVENT_STORE: 'postgres' }, 'DATABASE_URL is required when EVENT_STORE=postgres'],
    [
      { EVENT_STORE: 'postgres', DATABASE_URL: 'not a url' },
      'DATABASE_URL must be a URL starting with postgres:// (EVENT_STORE=postgres needs it)',
    ],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a URL starting with postgres://'],
    [
      { EVENT_STORE: 'eventstoredb', DATABASE_URL: 'postgres://db/x' },
      'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb',
    ],
    [{ EVENT_STORE: 'eventstoredb' }, 'DATABASE_URL is required when EVENT_STORE=eventstoredb'],
    [
      { EVENTSTORE_CONNECTION_STRING: 'http://es:2113' },
      'EVENTSTORE_CONNECTION_STRING must be a URL starting with esdb:// or esdb+discover://',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL must be a URL starting with redis:// or rediss://',
    ],
    [{ PORT: '0' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: '65536' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: 'http' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 1 to 65535'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace'],
  ])('refuses %o, naming the variable', (env, expected) => {
    const message = problemsOf(env);
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain(expected);
  });

  it('reports every bad variable at once', () => {
    const message = problemsOf({ PORT: '-1', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
  });

  it('never echoes a database URL, which may carry a password', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).not.toContain('hunter2');
  });

  it('knows whether Redis was configured explicitly', () => {
    expect(isRedisConfigured({})).toBe(false);
    expect(isRedisConfigured({ REDIS_URL: 'redis://cache:6379' })).toBe(true);
  });
});
