import type { KeyObject } from 'node:crypto';
import {
  DEVELOPMENT_AUTH_JWT_SECRET,
  DEVELOPMENT_RECEIPT_SIGNING_KEY,
  DEVELOPMENT_SEALING_MASTER_KEY,
} from './development-defaults';
import { decodeMasterKey, parseReceiptSigningKey } from './keys';
import type {
  ChangeThresholds,
  ContractRules,
  IntegrityThresholds,
  PlanningRules,
  StandstillRules,
} from '@fairtender/domain';
import { changeThresholdsFrom, dateList, standstillRulesFrom } from './award-settings';
import {
  validateEnvironment,
  type EnvironmentVariables,
  type LogFormat,
  type LogLevel,
  type NodeEnv,
} from './environment';

/** Where events live; read models always live in PostgreSQL (the embedded one for `embedded`). */
export type EventStoreSettings =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; databaseUrl: string }
  | { kind: 'eventstoredb'; connectionString: string; databaseUrl: string };

/** How bearer tokens are verified: a shared HS256 secret, or the identity provider's JWKS. */
export type AuthSettings = SecretAuthSettings | JwksAuthSettings;

export interface SecretAuthSettings {
  mode: 'secret';
  secret: string;
  issuer: string;
  audience: string;
  /** The published development secret is in use: anyone can mint tokens. */
  isDevelopmentSecret: boolean;
}

export interface JwksAuthSettings {
  mode: 'jwks';
  jwksUrl: string;
  issuer: string;
  audience: string;
}

export interface SealingSettings {
  /** AES-256 key-encryption key (32 bytes). */
  masterKey: Buffer;
  isDevelopmentKey: boolean;
}

export interface ReceiptSettings {
  /** Ed25519 private key, PKCS#8 PEM. */
  privateKeyPem: string;
  keyObject: KeyObject;
  isDevelopmentKey: boolean;
}

export interface BiddingSettings {
  /** Largest total decoded size of one bid's documents, in bytes. */
  documentsMaxBytes: number;
  /** Both opening officers must act within this many milliseconds of each other. */
  openingWindowMs: number;
}

/** Uploaded bid documents: where they are kept and what is accepted. */
export interface DocumentSettings {
  store:
    | { kind: 'database' }
    | {
        kind: 's3';
        endpoint?: string;
        region: string;
        bucket: string;
        prefix: string;
        credentials?: { accessKeyId: string; secretAccessKey: string };
      };
  /** Largest uploaded document, plaintext bytes. */
  documentMaxBytes: number;
  /** Largest total of one bid's uploaded documents. */
  bidMaxBytes: number;
  /** Unfinished uploads idle this long are removed by the scheduler. */
  uploadExpiryMs: number;
  /** Media types accepted, as detected from the content. */
  mediaTypes: string[];
}

export interface SchedulerSettings {
  /** BullMQ key prefix in Redis. */
  queuePrefix: string;
  /** Jobs run at once per queue in one process. */
  concurrency: number;
  /** First retry delay of a deadline job (exponential). */
  deadlineRetryBaseMs: number;
  /** How often the scheduler checks that Redis still holds its jobs. */
  redisCheckIntervalMs: number;
}

export interface WebhookSettings {
  /** Only `https://` targets (always in production). */
  requireHttps: boolean;
  /** Loopback, private and link-local targets allowed (tests, closed networks). */
  allowPrivateTargets: boolean;
  /** First retry delay of a failed delivery (exponential). */
  retryBaseMs: number;
  /** Deliveries of one notification to one supplier, the first included. */
  maxAttempts: number;
  timeoutMs: number;
}

/** Requests allowed per window, by bucket (README "Security"). */
export interface RateLimitSettings {
  /** Where the counters live: Redis (shared by replicas) or this process's memory. */
  store: 'redis' | 'memory';
  windowMs: number;
  anonymousPerAddress: number;
  perAddress: number;
  perActor: number;
  bidsPerActor: number;
}

/** OCDS publication: the ocid prefix and the publisher named in every package. */
export interface PublicationSettings {
  ocidPrefix: string;
  publisher: { name: string; uri?: string };
  /** The API's public base URL (no trailing slash); undefined: taken from each request. */
  baseUrl?: string;
}

/** Typed, validated view of the environment. Build it with `loadConfig`. */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  /** Whether each app applies its pending migrations at start-up (`MIGRATE_ON_START`). */
  readonly migrateOnStart: boolean;
  readonly eventStore: EventStoreSettings;
  readonly redisUrl: string;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly auth: AuthSettings;
  readonly sealing: SealingSettings;
  readonly receipts: ReceiptSettings;
  readonly bidding: BiddingSettings;
  readonly documents: DocumentSettings;
  readonly scheduler: SchedulerSettings;
  readonly webhooks: WebhookSettings;
  readonly publication: PublicationSettings;
  readonly rateLimits: RateLimitSettings;
  /** Repeated refusals of one attempt within this window are counted, not recorded one by one. */
  readonly refusalWindowMs: number;
  /** The calendars standstill periods are counted on (validated at start-up). */
  readonly standstill: StandstillRules;
  /** When contract changes are red-flagged. */
  readonly contractChanges: ChangeThresholds;
  /** KPIs required above a value (s.52), the grace of an assessment (s.71). */
  readonly contracts: ContractRules;
  /** When the competition-integrity red flags are raised. */
  readonly integrity: IntegrityThresholds;
  /** The strategy-approval threshold and who holds the approver permission (docs/planning.md). */
  readonly planning: PlanningRules;
  private readonly port: number | undefined;

  /** `redisConfigured`: REDIS_URL was set (not defaulted), which RATE_LIMIT_STORE=auto follows. */
  constructor(env: EnvironmentVariables, redisConfigured = false) {
    this.nodeEnv = env.NODE_ENV;
    this.migrateOnStart = env.MIGRATE_ON_START === 'true';
    this.eventStore = eventStoreSettings(env);
    this.redisUrl = env.REDIS_URL;
    this.host = env.HOST;
    this.logLevel = env.LOG_LEVEL;
    this.logFormat = env.LOG_FORMAT;
    this.port = env.PORT;
    this.auth = authSettings(env);
    this.sealing = sealingSettings(env);
    this.receipts = receiptSettings(env);
    this.bidding = {
      documentsMaxBytes: env.BID_DOCUMENTS_MAX_BYTES,
      openingWindowMs: env.OPENING_WINDOW_SECONDS * 1000,
    };
    this.documents = {
      store:
        env.DOCUMENT_STORE === 's3'
          ? {
              kind: 's3',
              ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
              region: env.S3_REGION,
              bucket: env.S3_BUCKET!,
              prefix: env.S3_PREFIX,
              ...(env.S3_ACCESS_KEY_ID
                ? {
                    credentials: {
                      accessKeyId: env.S3_ACCESS_KEY_ID,
                      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
                    },
                  }
                : {}),
            }
          : { kind: 'database' },
      documentMaxBytes: env.DOCUMENT_MAX_BYTES,
      bidMaxBytes: env.BID_UPLOADS_MAX_BYTES,
      uploadExpiryMs: env.UPLOAD_EXPIRY_HOURS * 3_600_000,
      mediaTypes: env.DOCUMENT_MEDIA_TYPES.split(','),
    };
    this.scheduler = {
      queuePrefix: env.SCHEDULER_QUEUE_PREFIX,
      concurrency: env.SCHEDULER_CONCURRENCY,
      deadlineRetryBaseMs: env.DEADLINE_RETRY_BASE_MS,
      redisCheckIntervalMs: env.SCHEDULER_REDIS_CHECK_SECONDS * 1000,
    };
    this.webhooks = {
      requireHttps: env.NODE_ENV === 'production',
      allowPrivateTargets: env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true',
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    };
    this.publication = {
      ocidPrefix: env.OCDS_OCID_PREFIX,
      publisher: {
        name: env.OCDS_PUBLISHER_NAME,
        ...(env.OCDS_PUBLISHER_URI ? { uri: env.OCDS_PUBLISHER_URI } : {}),
      },
      ...(env.OCDS_BASE_URL ? { baseUrl: env.OCDS_BASE_URL.replace(/\/+$/, '') } : {}),
    };
    this.rateLimits = {
      store:
        env.RATE_LIMIT_STORE === 'auto'
          ? redisConfigured
            ? 'redis'
            : 'memory'
          : env.RATE_LIMIT_STORE,
      windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000,
      anonymousPerAddress: env.RATE_LIMIT_ANONYMOUS_PER_ADDRESS,
      perAddress: env.RATE_LIMIT_PER_ADDRESS,
      perActor: env.RATE_LIMIT_PER_ACTOR,
      bidsPerActor: env.RATE_LIMIT_BIDS_PER_ACTOR,
    };
    this.refusalWindowMs = env.REFUSAL_WINDOW_SECONDS * 1000;
    this.standstill = standstillRulesFrom(env);
    this.contractChanges = changeThresholdsFrom(env);
    this.planning = planningRulesFrom(
      env,
      this.auth.mode === 'secret' && this.auth.isDevelopmentSecret,
    );
    this.contracts = {
      kpiValueThreshold: env.CONTRACT_KPI_VALUE_THRESHOLD,
      assessmentGraceDays: env.CONTRACT_ASSESSMENT_GRACE_DAYS,
    };
    this.integrity = {
      minimumSubmissionDays: env.INTEGRITY_MIN_SUBMISSION_DAYS,
      closePricePercent: env.INTEGRITY_CLOSE_PRICE_PERCENT,
      excessiveExclusionPercent: env.INTEGRITY_EXCESSIVE_EXCLUSION_PERCENT,
      justificationAsymmetryRatio: env.INTEGRITY_JUSTIFICATION_RATIO,
    };
  }

  /** Variables running on a published development value, for a start-up warning. */
  developmentDefaults(): string[] {
    return [
      this.auth.mode === 'secret' && this.auth.isDevelopmentSecret ? 'AUTH_JWT_SECRET' : [],
      this.sealing.isDevelopmentKey ? 'SEALING_MASTER_KEY' : [],
      this.receipts.isDevelopmentKey ? 'RECEIPT_SIGNING_KEY' : [],
    ].flat();
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

function authSettings(env: EnvironmentVariables): AuthSettings {
  const claims = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  if (env.AUTH_JWKS_URL !== undefined)
    return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, ...claims };
  return {
    mode: 'secret',
    secret: env.AUTH_JWT_SECRET ?? DEVELOPMENT_AUTH_JWT_SECRET,
    ...claims,
    isDevelopmentSecret: env.AUTH_JWT_SECRET === undefined,
  };
}

// Validation has already refused a malformed key, and a missing one in production.
function sealingSettings(env: EnvironmentVariables): SealingSettings {
  const text = env.SEALING_MASTER_KEY ?? DEVELOPMENT_SEALING_MASTER_KEY;
  return {
    masterKey: decodeMasterKey(text)!,
    isDevelopmentKey: env.SEALING_MASTER_KEY === undefined,
  };
}

function receiptSettings(env: EnvironmentVariables): ReceiptSettings {
  const keyObject = parseReceiptSigningKey(
    env.RECEIPT_SIGNING_KEY ?? DEVELOPMENT_RECEIPT_SIGNING_KEY,
  )!;
  return {
    privateKeyPem: keyObject.export({ format: 'pem', type: 'pkcs8' }).toString(),
    keyObject,
    isDevelopmentKey: env.RECEIPT_SIGNING_KEY === undefined,
  };
}

/** Validates the environment (throws ConfigurationError naming each bad variable) and types it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig(validateEnvironment(env), isRedisConfigured(env));
}

/** Redis is optional for the all-in-one process: the scheduler joins it only when REDIS_URL is set. */
export function isRedisConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return (env.REDIS_URL ?? '') !== '';
}

/** The demo approver, on the development token secret only: demo tokens exist only there. */
export const DEVELOPMENT_STRATEGY_APPROVERS = ['officer-carol'];

function planningRulesFrom(env: EnvironmentVariables, developmentSecret: boolean): PlanningRules {
  const listed = dateList(env.STRATEGY_APPROVERS);
  return {
    strategyApprovalThreshold: env.STRATEGY_APPROVAL_THRESHOLD,
    strategyApprovers:
      env.STRATEGY_APPROVERS === undefined && developmentSecret
        ? DEVELOPMENT_STRATEGY_APPROVERS
        : listed,
  };
}
