import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
  type ValidationArguments,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import {
  DEVELOPMENT_AUTH_JWT_SECRET,
  DEVELOPMENT_RECEIPT_SIGNING_KEY,
  DEVELOPMENT_SEALING_MASTER_KEY,
} from './development-defaults';
import { decodeMasterKey, parseReceiptSigningKey, samePrivateKey } from './keys';
import {
  DEFAULT_CHANGE_THRESHOLDS,
  DEFAULT_PLANNING_RULES,
  DEFAULT_CONTRACT_RULES,
  DEFAULT_INTEGRITY_THRESHOLDS,
  DEFAULT_STANDSTILL_RULES,
} from '@fairtender/domain';
import { ValidStandstillRule } from './award-settings';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const EVENT_STORE_KINDS = ['embedded', 'postgres', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

export type NodeEnv = (typeof NODE_ENVS)[number];
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

export const DEFAULT_EMBEDDED_DATA_DIR = './data/pglite';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_AUTH_ISSUER = 'fairtender';
export const DEFAULT_AUTH_AUDIENCE = 'fairtender-api';
// A bid is stored as one event of at most 8 MiB; base64 documents inside base64 ciphertext grow by
// about 1.8 times, so 4 MiB of documents is the most one bid can carry.
export const DEFAULT_BID_DOCUMENTS_MAX_BYTES = 3 * 1024 * 1024;
export const MAX_BID_DOCUMENTS_MAX_BYTES = 4 * 1024 * 1024;
// Uploaded documents live outside the events (README "Bid documents"): limits that fit real bids.
export const DOCUMENT_STORE_KINDS = ['database', 's3'] as const;
export type DocumentStoreKind = (typeof DOCUMENT_STORE_KINDS)[number];
export const DEFAULT_DOCUMENT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_BID_UPLOADS_MAX_BYTES = 1024 * 1024 * 1024;
export const MAX_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024 * 1024;
export const DEFAULT_UPLOAD_EXPIRY_HOURS = 24;
export const DEFAULT_DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'text/plain',
  'text/csv',
].join(',');
export const DEFAULT_OPENING_WINDOW_SECONDS = 900;
export const MAX_OPENING_WINDOW_SECONDS = 24 * 60 * 60;
export const DEFAULT_SCHEDULER_QUEUE_PREFIX = 'fairtender';
export const DEFAULT_SCHEDULER_CONCURRENCY = 16;
export const DEFAULT_DEADLINE_RETRY_BASE_MS = 1000;
export const DEFAULT_SCHEDULER_REDIS_CHECK_SECONDS = 30;
export const DEFAULT_WEBHOOK_RETRY_BASE_MS = 10_000;
export const DEFAULT_WEBHOOK_MAX_ATTEMPTS = 8;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
export const DEFAULT_OCDS_OCID_PREFIX = 'ocds-fairtdr';
export const RATE_LIMIT_STORES = ['auto', 'redis', 'memory'] as const;
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60;
export const DEFAULT_RATE_LIMIT_ANONYMOUS = 120;
export const DEFAULT_RATE_LIMIT_ADDRESS = 3000;
export const DEFAULT_RATE_LIMIT_ACTOR = 600;
export const DEFAULT_RATE_LIMIT_BIDS = 60;
export const DEFAULT_REFUSAL_WINDOW_SECONDS = 300;
export const DEFAULT_OCDS_PUBLISHER_NAME = 'Fairtender';
const BOOLEANS = ['true', 'false'] as const;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

const oneOf = (values: readonly string[]) => (args: ValidationArguments) =>
  `${args.property} must be one of ${values.join(', ')} (got "${String(args.value)}")`;

/** Why a conditional variable is needed, so the message tells the operator what to change. */
const neededBecause = (args: ValidationArguments) => {
  const kind = (args.object as EnvironmentVariables).EVENT_STORE;
  return kind === 'embedded' ? '' : ` (EVENT_STORE=${kind} needs it)`;
};

function hasScheme(value: unknown, schemes: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A URL with one of the given schemes; the message never echoes the value, which may hold a password. */
function IsUrlWithScheme(
  schemes: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  const listed = schemes.map((scheme) => `${scheme}//`).join(' or ');
  return ValidateBy(
    {
      name: 'isUrlWithScheme',
      constraints: [...schemes],
      validator: {
        validate: (value: unknown) => hasScheme(value, schemes),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be a URL starting with ${listed}`,
      },
    },
    options,
  );
}

/** A custom check whose message names the variable and never echoes its value (it may be a secret). */
function Satisfies(
  name: string,
  validate: (value: unknown, env: EnvironmentVariables) => boolean,
  message: (property: string) => string,
): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        validate(value, args?.object as EnvironmentVariables),
      defaultMessage: (args?: ValidationArguments) => message(args?.property ?? name),
    },
  });
}

const inProduction = (env: EnvironmentVariables) => env.NODE_ENV === 'production';

/** Production must not run on a value published in this repository. */
function NotTheDevelopmentValueInProduction(same: (value: string) => boolean): PropertyDecorator {
  return Satisfies(
    'notTheDevelopmentValue',
    (value, env) => !inProduction(env) || typeof value !== 'string' || !same(value),
    (property) =>
      `${property} must not be the published development value when NODE_ENV=production`,
  );
}

/** Set explicitly, or needed because NODE_ENV=production (where no development value is used). */
const setOrProduction =
  (name: 'SEALING_MASTER_KEY' | 'RECEIPT_SIGNING_KEY') => (env: EnvironmentVariables) =>
    env[name] !== undefined || inProduction(env);

const requiredFor =
  (reason: (env: EnvironmentVariables) => string) => (args: ValidationArguments) =>
    `${args.property} is required when ${reason(args.object as EnvironmentVariables)}`;

/** The process environment the apps accept. Property names are the variable names, so messages name them. */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS, { message: oneOf(NODE_ENVS) })
  NODE_ENV: NodeEnv = 'development';

  @IsIn(EVENT_STORE_KINDS, { message: oneOf(EVENT_STORE_KINDS) })
  EVENT_STORE: EventStoreKind = 'embedded';

  @IsString()
  @IsNotEmpty()
  EMBEDDED_DATA_DIR: string = DEFAULT_EMBEDDED_DATA_DIR;

  // Read models live in PostgreSQL whichever server-based store holds the events.
  @ValidateIf(
    (env: EnvironmentVariables) => env.EVENT_STORE !== 'embedded' || env.DATABASE_URL !== undefined,
  )
  @IsDefined({
    message: requiredFor(
      (env) => `EVENT_STORE=${env.EVENT_STORE} (read models live in PostgreSQL)`,
    ),
  })
  @IsUrlWithScheme(['postgres:', 'postgresql:'], {
    message: (args) =>
      `${args.property} must be a URL starting with postgres://${neededBecause(args)}`,
  })
  DATABASE_URL?: string;

  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.EVENT_STORE === 'eventstoredb' || env.EVENTSTORE_CONNECTION_STRING !== undefined,
  )
  @IsDefined({ message: requiredFor(() => 'EVENT_STORE=eventstoredb') })
  @IsUrlWithScheme(['esdb:', 'esdb+discover:'])
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsUrlWithScheme(['redis:', 'rediss:'])
  REDIS_URL: string = DEFAULT_REDIS_URL;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: portMessage })
  @Min(1, { message: portMessage })
  @Max(65535, { message: portMessage })
  PORT?: number;

  @IsString()
  @IsNotEmpty()
  HOST: string = DEFAULT_HOST;

  @IsIn(LOG_LEVELS, { message: oneOf(LOG_LEVELS) })
  LOG_LEVEL: LogLevel = 'info';

  // auto: one readable line per entry when stdout is a terminal outside production, JSON otherwise.
  @IsIn(LOG_FORMATS, { message: oneOf(LOG_FORMATS) })
  LOG_FORMAT: LogFormat = 'auto';

  // HS256 shared secret for bearer tokens. Ignored when AUTH_JWKS_URL is set. Outside production,
  // with neither set, a published development secret is used (and the API warns at start-up).
  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.AUTH_JWT_SECRET !== undefined || (inProduction(env) && env.AUTH_JWKS_URL === undefined),
  )
  @IsDefined({ message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production' })
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  @NotTheDevelopmentValueInProduction((value) => value === DEVELOPMENT_AUTH_JWT_SECRET)
  AUTH_JWT_SECRET?: string;

  // JWKS of the identity provider (production). When set, tokens are verified against its keys.
  @IsOptional()
  @IsUrlWithScheme(['https:'])
  AUTH_JWKS_URL?: string;

  // Expected `iss` and `aud` claims of every token.
  @IsString()
  @IsNotEmpty()
  AUTH_ISSUER: string = DEFAULT_AUTH_ISSUER;

  @IsString()
  @IsNotEmpty()
  AUTH_AUDIENCE: string = DEFAULT_AUTH_AUDIENCE;

  // Base64 of 32 bytes: the AES-256 key-encryption key wrapping each tender's data key (docs/rules.md#sealed-bids).
  // Losing it loses every sealed bid; changing it needs the data keys re-wrapped.
  @ValidateIf(setOrProduction('SEALING_MASTER_KEY'))
  @IsDefined({ message: requiredFor(() => 'NODE_ENV=production') })
  @Satisfies(
    'isMasterKey',
    (value) => typeof value === 'string' && decodeMasterKey(value) !== undefined,
    (property) => `${property} must be the base64 of exactly 32 bytes (openssl rand -base64 32)`,
  )
  @NotTheDevelopmentValueInProduction((value) =>
    Boolean(decodeMasterKey(value)?.equals(decodeMasterKey(DEVELOPMENT_SEALING_MASTER_KEY)!)),
  )
  SEALING_MASTER_KEY?: string;

  // Ed25519 private key signing bid receipts: PKCS#8 PEM, or base64 of PKCS#8 DER.
  @ValidateIf(setOrProduction('RECEIPT_SIGNING_KEY'))
  @IsDefined({ message: requiredFor(() => 'NODE_ENV=production') })
  @Satisfies(
    'isEd25519PrivateKey',
    (value) => typeof value === 'string' && parseReceiptSigningKey(value) !== undefined,
    (property) =>
      `${property} must be an Ed25519 private key as PKCS#8 PEM or base64 DER ` +
      '(openssl genpkey -algorithm ed25519)',
  )
  @NotTheDevelopmentValueInProduction((value) => {
    const key = parseReceiptSigningKey(value);
    return key !== undefined && samePrivateKey(key, developmentReceiptKey());
  })
  RECEIPT_SIGNING_KEY?: string;

  // Largest total decoded size of one bid's documents.
  @Type(() => Number)
  @IsInt({ message: bidDocumentsMessage })
  @Min(1, { message: bidDocumentsMessage })
  @Max(MAX_BID_DOCUMENTS_MAX_BYTES, { message: bidDocumentsMessage })
  BID_DOCUMENTS_MAX_BYTES: number = DEFAULT_BID_DOCUMENTS_MAX_BYTES;

  // Where uploaded bid documents are kept: the SQL database (PostgreSQL or embedded) or S3.
  @IsIn(DOCUMENT_STORE_KINDS, { message: oneOf(DOCUMENT_STORE_KINDS) })
  DOCUMENT_STORE: DocumentStoreKind = 'database';

  // Largest uploaded document, and largest total of one bid's uploaded documents (plaintext bytes).
  @Type(() => Number)
  @IsInt({ message: uploadLimitMessage })
  @Min(1, { message: uploadLimitMessage })
  @Max(MAX_UPLOAD_LIMIT_BYTES, { message: uploadLimitMessage })
  DOCUMENT_MAX_BYTES: number = DEFAULT_DOCUMENT_MAX_BYTES;

  @Type(() => Number)
  @IsInt({ message: uploadLimitMessage })
  @Min(1, { message: uploadLimitMessage })
  @Max(MAX_UPLOAD_LIMIT_BYTES, { message: uploadLimitMessage })
  BID_UPLOADS_MAX_BYTES: number = DEFAULT_BID_UPLOADS_MAX_BYTES;

  // An unfinished upload untouched this long is abandoned: the scheduler removes it.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 720, 'hours') })
  @Min(1, { message: wholeNumber(1, 720, 'hours') })
  @Max(720, { message: wholeNumber(1, 720, 'hours') })
  UPLOAD_EXPIRY_HOURS: number = DEFAULT_UPLOAD_EXPIRY_HOURS;

  // Media types a document may have, as detected from its content (comma-separated).
  @Matches(/^[\w.+-]+\/[\w.+-]+(,[\w.+-]+\/[\w.+-]+)*$/, {
    message: (args) =>
      `${args.property} must be comma-separated media types such as application/pdf`,
  })
  DOCUMENT_MEDIA_TYPES: string = DEFAULT_DOCUMENT_MEDIA_TYPES;

  @ValidateIf(
    (env: EnvironmentVariables) => env.DOCUMENT_STORE === 's3' || env.S3_ENDPOINT !== undefined,
  )
  @IsOptional()
  @IsUrlWithScheme(['https:', 'http:'])
  S3_ENDPOINT?: string;

  @ValidateIf((env: EnvironmentVariables) => env.DOCUMENT_STORE === 's3')
  @IsDefined({ message: (args) => `${args.property} is required (DOCUMENT_STORE=s3 needs it)` })
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: (args) => `${args.property} must be an S3 bucket name`,
  })
  S3_BUCKET?: string;

  @Matches(/^[a-z0-9-]{1,32}$/, {
    message: (args) => `${args.property} must be a region such as eu-west-2`,
  })
  S3_REGION: string = 'us-east-1';

  @Matches(/^([A-Za-z0-9!_.*'()-]+\/)*$/, {
    message: (args) => `${args.property} must be empty or end with / (e.g. bid-documents/)`,
  })
  S3_PREFIX: string = 'bid-documents/';

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  // The two officers opening the bids must both confirm within this many seconds.
  @Type(() => Number)
  @IsInt({ message: openingWindowMessage })
  @Min(1, { message: openingWindowMessage })
  @Max(MAX_OPENING_WINDOW_SECONDS, { message: openingWindowMessage })
  OPENING_WINDOW_SECONDS: number = DEFAULT_OPENING_WINDOW_SECONDS;

  // Namespace of the scheduler's BullMQ keys in Redis: apps sharing a Redis must agree on it.
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: (args) => `${args.property} must be 1 to 64 of A-Z a-z 0-9 _ -`,
  })
  SCHEDULER_QUEUE_PREFIX: string = DEFAULT_SCHEDULER_QUEUE_PREFIX;

  // Jobs each scheduler process runs at once, per queue.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 256) })
  @Min(1, { message: wholeNumber(1, 256) })
  @Max(256, { message: wholeNumber(1, 256) })
  SCHEDULER_CONCURRENCY: number = DEFAULT_SCHEDULER_CONCURRENCY;

  // First retry delay of a deadline job that failed for want of a database; doubles each attempt.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(10, 3_600_000, 'milliseconds') })
  @Min(10, { message: wholeNumber(10, 3_600_000, 'milliseconds') })
  @Max(3_600_000, { message: wholeNumber(10, 3_600_000, 'milliseconds') })
  DEADLINE_RETRY_BASE_MS: number = DEFAULT_DEADLINE_RETRY_BASE_MS;

  // How often the scheduler checks that Redis still holds its jobs (rebuilding them if not).
  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 3600, 'seconds') })
  @Min(1, { message: wholeNumber(1, 3600, 'seconds') })
  @Max(3600, { message: wholeNumber(1, 3600, 'seconds') })
  SCHEDULER_REDIS_CHECK_SECONDS: number = DEFAULT_SCHEDULER_REDIS_CHECK_SECONDS;

  // First retry delay of a failed webhook delivery; doubles each attempt.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(10, 86_400_000, 'milliseconds') })
  @Min(10, { message: wholeNumber(10, 86_400_000, 'milliseconds') })
  @Max(86_400_000, { message: wholeNumber(10, 86_400_000, 'milliseconds') })
  WEBHOOK_RETRY_BASE_MS: number = DEFAULT_WEBHOOK_RETRY_BASE_MS;

  // Deliveries of one notification to one supplier, the first included.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 50) })
  @Min(1, { message: wholeNumber(1, 50) })
  @Max(50, { message: wholeNumber(1, 50) })
  WEBHOOK_MAX_ATTEMPTS: number = DEFAULT_WEBHOOK_MAX_ATTEMPTS;

  // A delivery not answered within this time counts as failed (and is retried).
  @Type(() => Number)
  @IsInt({ message: wholeNumber(100, 60_000, 'milliseconds') })
  @Min(100, { message: wholeNumber(100, 60_000, 'milliseconds') })
  @Max(60_000, { message: wholeNumber(100, 60_000, 'milliseconds') })
  WEBHOOK_TIMEOUT_MS: number = DEFAULT_WEBHOOK_TIMEOUT_MS;

  // Start-up migrations: `false` in production, where `npm run migrate` applies them once per
  // release; an app then refuses to start on a schema that lacks one (issue 16 point 7).
  @IsIn(BOOLEANS, { message: oneOf(BOOLEANS) })
  MIGRATE_ON_START: (typeof BOOLEANS)[number] = 'true';

  // Lets webhooks target loopback, private and link-local addresses (tests, closed networks).
  @IsIn(BOOLEANS, { message: oneOf(BOOLEANS) })
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: (typeof BOOLEANS)[number] = 'false';

  // Rate limits (issue 17), each a number of requests per RATE_LIMIT_WINDOW_SECONDS: anonymous
  // requests per address; every request per address (bid submission excepted); an authenticated
  // actor's requests (bid submission excepted); and the actor's own bid-submission bucket. The
  // counters live in Redis when RATE_LIMIT_STORE=redis (or auto with REDIS_URL set), shared by every
  // replica; in each process's memory otherwise.
  @IsIn(RATE_LIMIT_STORES, { message: oneOf(RATE_LIMIT_STORES) })
  RATE_LIMIT_STORE: (typeof RATE_LIMIT_STORES)[number] = 'auto';

  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 3600, 'seconds') })
  @Min(1, { message: wholeNumber(1, 3600, 'seconds') })
  @Max(3600, { message: wholeNumber(1, 3600, 'seconds') })
  RATE_LIMIT_WINDOW_SECONDS: number = DEFAULT_RATE_LIMIT_WINDOW_SECONDS;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 1_000_000) })
  @Min(1, { message: wholeNumber(1, 1_000_000) })
  @Max(1_000_000, { message: wholeNumber(1, 1_000_000) })
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: number = DEFAULT_RATE_LIMIT_ANONYMOUS;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 1_000_000) })
  @Min(1, { message: wholeNumber(1, 1_000_000) })
  @Max(1_000_000, { message: wholeNumber(1, 1_000_000) })
  RATE_LIMIT_PER_ADDRESS: number = DEFAULT_RATE_LIMIT_ADDRESS;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 1_000_000) })
  @Min(1, { message: wholeNumber(1, 1_000_000) })
  @Max(1_000_000, { message: wholeNumber(1, 1_000_000) })
  RATE_LIMIT_PER_ACTOR: number = DEFAULT_RATE_LIMIT_ACTOR;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 1_000_000) })
  @Min(1, { message: wholeNumber(1, 1_000_000) })
  @Max(1_000_000, { message: wholeNumber(1, 1_000_000) })
  RATE_LIMIT_BIDS_PER_ACTOR: number = DEFAULT_RATE_LIMIT_BIDS;

  // Repeated refusals of one attempt (actor, tender, action, code) within this many seconds are
  // recorded as the first in full and one AccessRefusalsRepeated with their count (issue 17).
  @Type(() => Number)
  @IsInt({ message: wholeNumber(1, 86_400, 'seconds') })
  @Min(1, { message: wholeNumber(1, 86_400, 'seconds') })
  @Max(86_400, { message: wholeNumber(1, 86_400, 'seconds') })
  REFUSAL_WINDOW_SECONDS: number = DEFAULT_REFUSAL_WINDOW_SECONDS;

  // OCDS publication: every ocid is `<prefix>-<tenderId>`; the prefix is the one the Open Contracting
  // Partnership registered for the publisher ("ocds-" and letters or digits).
  @Matches(/^ocds-[a-z0-9]{1,32}$/, {
    message: (args) => `${args.property} must be "ocds-" followed by 1 to 32 of a-z 0-9`,
  })
  OCDS_OCID_PREFIX: string = DEFAULT_OCDS_OCID_PREFIX;

  // The publisher named in every OCDS package.
  @IsString()
  @IsNotEmpty()
  OCDS_PUBLISHER_NAME: string = DEFAULT_OCDS_PUBLISHER_NAME;

  @IsOptional()
  @IsUrlWithScheme(['https:', 'http:'])
  OCDS_PUBLISHER_URI?: string;

  // The API's public address, for package URIs and feed links; taken from each request when unset.
  @IsOptional()
  @IsUrlWithScheme(['https:', 'http:'])
  OCDS_BASE_URL?: string;

  // Standstill calendars (docs/rules.md#standstill-and-challenge), comma-separated YYYY-MM-DD: UK dates added to or removed
  // from the built-in bank-holiday calendar (newly proclaimed one-offs), the EU member state's zone
  // and public holidays. Checked with the domain's validateStandstillRules.
  @IsOptional()
  @ValidStandstillRule()
  STANDSTILL_UK_EXTRA_BANK_HOLIDAYS?: string;

  @IsOptional()
  @ValidStandstillRule()
  STANDSTILL_UK_REMOVED_BANK_HOLIDAYS?: string;

  @ValidStandstillRule()
  STANDSTILL_EU_TIME_ZONE: string = DEFAULT_STANDSTILL_RULES.euTimeZone;

  @IsOptional()
  @ValidStandstillRule()
  STANDSTILL_EU_PUBLIC_HOLIDAYS?: string;

  // Contract changes past these are red-flagged (rule 8): the number of changes, the value they add
  // (percent of the original) and the months they add.
  @Type(() => Number)
  @IsInt({ message: wholeNumber(0, 1000) })
  @Min(0, { message: wholeNumber(0, 1000) })
  @Max(1000, { message: wholeNumber(0, 1000) })
  CONTRACT_CHANGE_MAX_CHANGES: number = DEFAULT_CHANGE_THRESHOLDS.maxChanges;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: percentMessage })
  @Min(0, { message: percentMessage })
  @Max(1000, { message: percentMessage })
  CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT: number = DEFAULT_CHANGE_THRESHOLDS.maxAddedValuePercent;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(0, 1200, 'months') })
  @Min(0, { message: wholeNumber(0, 1200, 'months') })
  @Max(1200, { message: wholeNumber(0, 1200, 'months') })
  CONTRACT_CHANGE_MAX_ADDED_MONTHS: number = DEFAULT_CHANGE_THRESHOLDS.maxAddedMonths;

  // The procurement strategy needs approval above this estimated value (docs/planning.md), in the
  // procurement's currency; STRATEGY_APPROVERS (user ids, comma-separated) hold the approver permission.
  // Unset approvers on the development token secret: officer-carol of the demo users.
  @Type(() => Number)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: rangeMessage(0, 1e12, 'in the currency') },
  )
  @Min(0, { message: rangeMessage(0, 1e12, 'in the currency') })
  @Max(1e12, { message: rangeMessage(0, 1e12, 'in the currency') })
  STRATEGY_APPROVAL_THRESHOLD: number = DEFAULT_PLANNING_RULES.strategyApprovalThreshold;

  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9_.@-]+(\s*,\s*[A-Za-z0-9_.@-]+)*\s*$/, {
    message: 'STRATEGY_APPROVERS must be user ids separated by commas',
  })
  STRATEGY_APPROVERS?: string;
  // Contract life (issue 15): above this value (the contract's currency) a contract needs three KPIs
  // (PA 2023 s.52: £5m); a KPI assessment not recorded this many days after its period is overdue.
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a positive amount' })
  @Min(0, { message: 'must be a positive amount' })
  CONTRACT_KPI_VALUE_THRESHOLD: number = DEFAULT_CONTRACT_RULES.kpiValueThreshold;

  @Type(() => Number)
  @IsInt({ message: wholeNumber(0, 365, 'days') })
  @Min(0, { message: wholeNumber(0, 365, 'days') })
  @Max(365, { message: wholeNumber(0, 365, 'days') })
  CONTRACT_ASSESSMENT_GRACE_DAYS: number = DEFAULT_CONTRACT_RULES.assessmentGraceDays;

  // Competition-integrity red flags (docs/integrity.md): R003 under this many days from publication to the
  // submission deadline; R024 another valid price within this percent of the winner's; R038 more
  // than this percent of bids excluded; FT-EVALUATION-ASYMMETRY the winner's justifications this
  // many times longer than the others'. The projector and `fairtender rebuild` must agree on them.
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: rangeMessage(0, 365, 'days') })
  @Min(0, { message: rangeMessage(0, 365, 'days') })
  @Max(365, { message: rangeMessage(0, 365, 'days') })
  INTEGRITY_MIN_SUBMISSION_DAYS: number = DEFAULT_INTEGRITY_THRESHOLDS.minimumSubmissionDays;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: rangeMessage(0, 100, 'percent') })
  @Min(0, { message: rangeMessage(0, 100, 'percent') })
  @Max(100, { message: rangeMessage(0, 100, 'percent') })
  INTEGRITY_CLOSE_PRICE_PERCENT: number = DEFAULT_INTEGRITY_THRESHOLDS.closePricePercent;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: rangeMessage(0, 100, 'percent') })
  @Min(0, { message: rangeMessage(0, 100, 'percent') })
  @Max(100, { message: rangeMessage(0, 100, 'percent') })
  INTEGRITY_EXCESSIVE_EXCLUSION_PERCENT: number =
    DEFAULT_INTEGRITY_THRESHOLDS.excessiveExclusionPercent;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: rangeMessage(1, 100, 'times') })
  @Min(1, { message: rangeMessage(1, 100, 'times') })
  @Max(100, { message: rangeMessage(1, 100, 'times') })
  INTEGRITY_JUSTIFICATION_RATIO: number = DEFAULT_INTEGRITY_THRESHOLDS.justificationAsymmetryRatio;
}

function rangeMessage(min: number, max: number, unit: string) {
  return (args: ValidationArguments) =>
    `${args.property} must be a number of ${unit} from ${min} to ${max}`;
}

function percentMessage(args: ValidationArguments): string {
  return `${args.property} must be a number of percent from 0 to 1000`;
}

function developmentReceiptKey() {
  return parseReceiptSigningKey(DEVELOPMENT_RECEIPT_SIGNING_KEY)!;
}

function bidDocumentsMessage(args: ValidationArguments): string {
  return `${args.property} must be a whole number of bytes from 1 to ${MAX_BID_DOCUMENTS_MAX_BYTES}`;
}

function uploadLimitMessage(args: ValidationArguments): string {
  return `${args.property} must be a whole number of bytes from 1 to ${MAX_UPLOAD_LIMIT_BYTES}`;
}

function openingWindowMessage(args: ValidationArguments): string {
  return `${args.property} must be a whole number of seconds from 1 to ${MAX_OPENING_WINDOW_SECONDS}`;
}

function wholeNumber(min: number, max: number, unit?: string) {
  const of = unit ? ` of ${unit}` : '';
  return (args: ValidationArguments) =>
    `${args.property} must be a whole number${of} from ${min} to ${max}`;
}

function portMessage(args: ValidationArguments): string {
  return `${args.property} must be a whole number from 1 to 65535`;
}

export const ENVIRONMENT_VARIABLES = [
  'NODE_ENV',
  'EVENT_STORE',
  'EMBEDDED_DATA_DIR',
  'DATABASE_URL',
  'EVENTSTORE_CONNECTION_STRING',
  'REDIS_URL',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'SEALING_MASTER_KEY',
  'RECEIPT_SIGNING_KEY',
  'BID_DOCUMENTS_MAX_BYTES',
  'DOCUMENT_STORE',
  'DOCUMENT_MAX_BYTES',
  'BID_UPLOADS_MAX_BYTES',
  'UPLOAD_EXPIRY_HOURS',
  'DOCUMENT_MEDIA_TYPES',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_PREFIX',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'OPENING_WINDOW_SECONDS',
  'SCHEDULER_QUEUE_PREFIX',
  'SCHEDULER_CONCURRENCY',
  'DEADLINE_RETRY_BASE_MS',
  'SCHEDULER_REDIS_CHECK_SECONDS',
  'WEBHOOK_RETRY_BASE_MS',
  'WEBHOOK_MAX_ATTEMPTS',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOKS_ALLOW_PRIVATE_TARGETS',
  'MIGRATE_ON_START',
  'RATE_LIMIT_STORE',
  'RATE_LIMIT_WINDOW_SECONDS',
  'RATE_LIMIT_ANONYMOUS_PER_ADDRESS',
  'RATE_LIMIT_PER_ADDRESS',
  'RATE_LIMIT_PER_ACTOR',
  'RATE_LIMIT_BIDS_PER_ACTOR',
  'REFUSAL_WINDOW_SECONDS',
  'OCDS_OCID_PREFIX',
  'OCDS_PUBLISHER_NAME',
  'OCDS_PUBLISHER_URI',
  'OCDS_BASE_URL',
  'STANDSTILL_UK_EXTRA_BANK_HOLIDAYS',
  'STANDSTILL_UK_REMOVED_BANK_HOLIDAYS',
  'STANDSTILL_EU_TIME_ZONE',
  'STANDSTILL_EU_PUBLIC_HOLIDAYS',
  'CONTRACT_CHANGE_MAX_CHANGES',
  'CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT',
  'CONTRACT_CHANGE_MAX_ADDED_MONTHS',
  'STRATEGY_APPROVAL_THRESHOLD',
  'STRATEGY_APPROVERS',
  'CONTRACT_KPI_VALUE_THRESHOLD',
  'CONTRACT_ASSESSMENT_GRACE_DAYS',
  'INTEGRITY_MIN_SUBMISSION_DAYS',
  'INTEGRITY_CLOSE_PRICE_PERCENT',
  'INTEGRITY_EXCESSIVE_EXCLUSION_PERCENT',
  'INTEGRITY_JUSTIFICATION_RATIO',
] as const satisfies readonly (keyof EnvironmentVariables)[];

/** Our variables only; an empty value counts as unset (as `FOO=` in a compose file means). */
function pickVariables(env: Record<string, string | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of ENVIRONMENT_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

function describe(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  if (constraints.isDefined) return constraints.isDefined;
  return [...new Set(Object.values(constraints))].join(', ');
}

/** The `validate` function of the Nest configuration docs: plainToInstance, then validateSync. */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const validated = plainToInstance(EnvironmentVariables, pickVariables(env));
  const errors = validateSync(validated, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigurationError(errors.map(describe));
  return validated;
}
