import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isRedisConfigured, loadConfig } from './app-config';
import {
  DEVELOPMENT_AUTH_JWT_SECRET,
  DEVELOPMENT_RECEIPT_SIGNING_KEY,
  DEVELOPMENT_SEALING_MASTER_KEY,
} from './development-defaults';
import { expectRefused, problemsOf } from './testing/refused-environment';

const SECRET = 'a-production-secret-of-at-least-32-characters';
const MASTER_KEY = randomBytes(32).toString('base64');
const RECEIPT_KEY = generateKeyPairSync('ed25519').privateKey;
const RECEIPT_KEY_PEM = RECEIPT_KEY.export({ format: 'pem', type: 'pkcs8' }).toString();
const RECEIPT_KEY_DER = RECEIPT_KEY.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const PRODUCTION_SECRETS = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: SECRET,
  SEALING_MASTER_KEY: MASTER_KEY,
  RECEIPT_SIGNING_KEY: RECEIPT_KEY_PEM,
};

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
      ...PRODUCTION_SECRETS,
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
    expect(config.auth).toEqual({
      mode: 'secret',
      secret: SECRET,
      issuer: 'fairtender',
      audience: 'fairtender-api',
      isDevelopmentSecret: false,
    });
    expect(config.sealing).toEqual({
      masterKey: Buffer.from(MASTER_KEY, 'base64'),
      isDevelopmentKey: false,
    });
    expect(config.receipts.privateKeyPem).toBe(RECEIPT_KEY_PEM);
    expect(config.receipts.keyObject.equals(RECEIPT_KEY)).toBe(true);
    expect(config.developmentDefaults()).toEqual([]);
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

  it('runs on flagged development keys outside production', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.auth).toEqual({
      mode: 'secret',
      secret: DEVELOPMENT_AUTH_JWT_SECRET,
      issuer: 'fairtender',
      audience: 'fairtender-api',
      isDevelopmentSecret: true,
    });
    expect(config.sealing.masterKey).toEqual(Buffer.from(DEVELOPMENT_SEALING_MASTER_KEY, 'base64'));
    expect(config.sealing.masterKey).toHaveLength(32);
    expect(config.sealing.isDevelopmentKey).toBe(true);
    expect(config.receipts.keyObject.asymmetricKeyType).toBe('ed25519');
    expect(config.receipts.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(config.receipts.isDevelopmentKey).toBe(true);
    expect(config.developmentDefaults()).toEqual([
      'AUTH_JWT_SECRET',
      'SEALING_MASTER_KEY',
      'RECEIPT_SIGNING_KEY',
    ]);
  });

  it('reads the bidding limits, with their defaults', () => {
    expect(loadConfig({}).bidding).toEqual({
      documentsMaxBytes: 3 * 1024 * 1024,
      openingWindowMs: 900_000,
    });
    expect(
      loadConfig({ BID_DOCUMENTS_MAX_BYTES: '1048576', OPENING_WINDOW_SECONDS: '60' }).bidding,
    ).toEqual({ documentsMaxBytes: 1_048_576, openingWindowMs: 60_000 });
  });

  it('reads the scheduler and webhook settings, with their defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.scheduler).toEqual({
      queuePrefix: 'fairtender',
      concurrency: 16,
      deadlineRetryBaseMs: 1000,
      redisCheckIntervalMs: 30_000,
    });
    expect(defaults.webhooks).toEqual({
      requireHttps: false,
      allowPrivateTargets: false,
      retryBaseMs: 10_000,
      maxAttempts: 8,
      timeoutMs: 10_000,
    });
    const set = loadConfig({
      SCHEDULER_QUEUE_PREFIX: 'test-run_42',
      SCHEDULER_CONCURRENCY: '4',
      DEADLINE_RETRY_BASE_MS: '50',
      SCHEDULER_REDIS_CHECK_SECONDS: '2',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
    expect(set.scheduler).toEqual({
      queuePrefix: 'test-run_42',
      concurrency: 4,
      deadlineRetryBaseMs: 50,
      redisCheckIntervalMs: 2000,
    });
    expect(set.webhooks).toEqual({
      requireHttps: false,
      allowPrivateTargets: true,
      retryBaseMs: 100,
      maxAttempts: 3,
      timeoutMs: 2000,
    });
  });

  it('requires https webhooks in production', () => {
    expect(loadConfig(PRODUCTION_SECRETS).webhooks.requireHttps).toBe(true);
  });

  it('verifies tokens against the JWKS when AUTH_JWKS_URL is set', () => {
    const { auth } = loadConfig({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json',
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: 'https://id.example.org/',
      AUTH_AUDIENCE: 'tenders',
      SEALING_MASTER_KEY: MASTER_KEY,
      RECEIPT_SIGNING_KEY: RECEIPT_KEY_DER,
    });
    expect(auth).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://id.example.org/.well-known/jwks.json',
      issuer: 'https://id.example.org/',
      audience: 'tenders',
    });
  });

  it('accepts the receipt key as base64 DER or as a PEM written on one line', () => {
    const oneLine = RECEIPT_KEY_PEM.trim().replace(/\n/g, '\\n');
    for (const RECEIPT_SIGNING_KEY of [RECEIPT_KEY_DER, oneLine]) {
      expect(loadConfig({ RECEIPT_SIGNING_KEY }).receipts.keyObject.equals(RECEIPT_KEY)).toBe(true);
    }
  });

  it('requires every secret in production, naming each', () => {
    const message = problemsOf({ NODE_ENV: 'production' });
    expect(message).toContain(
      'AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production',
    );
    expect(message).toContain('SEALING_MASTER_KEY is required when NODE_ENV=production');
    expect(message).toContain('RECEIPT_SIGNING_KEY is required when NODE_ENV=production');
  });

  it.each(['AUTH_JWT_SECRET', 'SEALING_MASTER_KEY', 'RECEIPT_SIGNING_KEY'])(
    'refuses the published development %s in production',
    (name) => {
      const published = {
        AUTH_JWT_SECRET: DEVELOPMENT_AUTH_JWT_SECRET,
        SEALING_MASTER_KEY: DEVELOPMENT_SEALING_MASTER_KEY,
        RECEIPT_SIGNING_KEY: DEVELOPMENT_RECEIPT_SIGNING_KEY,
      }[name];
      expect(problemsOf({ ...PRODUCTION_SECRETS, [name]: published })).toContain(
        `${name} must not be the published development value when NODE_ENV=production`,
      );
    },
  );

  it('never echoes a secret it refuses', () => {
    const message = problemsOf({
      AUTH_JWT_SECRET: 'short-secret-hunter2',
      SEALING_MASTER_KEY: 'hunter2hunter2',
      RECEIPT_SIGNING_KEY: 'hunter2',
    });
    expect(message).not.toContain('hunter2');
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
    [{ AUTH_JWT_SECRET: 'too-short' }, 'AUTH_JWT_SECRET must be at least 32 characters'],
    [
      { AUTH_JWKS_URL: 'http://id.example.org/jwks.json' },
      'AUTH_JWKS_URL must be a URL starting with https://',
    ],
    [{ AUTH_JWKS_URL: 'jwks.json' }, 'AUTH_JWKS_URL must be a URL starting with https://'],
    [
      { SEALING_MASTER_KEY: randomBytes(16).toString('base64') },
      'SEALING_MASTER_KEY must be the base64 of exactly 32 bytes',
    ],
    [
      { SEALING_MASTER_KEY: randomBytes(32).toString('hex') },
      'SEALING_MASTER_KEY must be the base64 of exactly 32 bytes',
    ],
    [
      { RECEIPT_SIGNING_KEY: 'not a key' },
      'RECEIPT_SIGNING_KEY must be an Ed25519 private key as PKCS#8 PEM or base64 DER',
    ],
    [
      {
        RECEIPT_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      },
      'RECEIPT_SIGNING_KEY must be an Ed25519 private key',
    ],
    [{ BID_DOCUMENTS_MAX_BYTES: '0' }, 'BID_DOCUMENTS_MAX_BYTES must be a whole number of bytes'],
    [{ BID_DOCUMENTS_MAX_BYTES: '5MB' }, 'BID_DOCUMENTS_MAX_BYTES must be a whole number of bytes'],
    [
      { OPENING_WINDOW_SECONDS: '86401' },
      'OPENING_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400',
    ],
    [
      { OPENING_WINDOW_SECONDS: '1.5' },
      'OPENING_WINDOW_SECONDS must be a whole number of seconds from 1 to 86400',
    ],
    [
      { SCHEDULER_QUEUE_PREFIX: 'bull:queues' },
      'SCHEDULER_QUEUE_PREFIX must be 1 to 64 of A-Z a-z 0-9 _ -',
    ],
    [{ SCHEDULER_CONCURRENCY: '0' }, 'SCHEDULER_CONCURRENCY must be a whole number from 1 to 256'],
    [
      { SCHEDULER_CONCURRENCY: 'many' },
      'SCHEDULER_CONCURRENCY must be a whole number from 1 to 256',
    ],
    [
      { DEADLINE_RETRY_BASE_MS: '5' },
      'DEADLINE_RETRY_BASE_MS must be a whole number of milliseconds from 10 to 3600000',
    ],
    [
      { SCHEDULER_REDIS_CHECK_SECONDS: '0.5' },
      'SCHEDULER_REDIS_CHECK_SECONDS must be a whole number of seconds from 1 to 3600',
    ],
    [
      { WEBHOOK_RETRY_BASE_MS: '86400001' },
      'WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds from 10 to 86400000',
    ],
    [{ WEBHOOK_MAX_ATTEMPTS: '51' }, 'WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 50'],
    [
      { WEBHOOK_TIMEOUT_MS: '99' },
      'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000',
    ],
    [
      { WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'yes' },
      'WEBHOOKS_ALLOW_PRIVATE_TARGETS must be one of true, false (got "yes")',
    ],
  ])('refuses %o, naming the variable', (env, expected) => expectRefused(env, expected));

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
