import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
  type ValidationArguments,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const EVENT_STORE_KINDS = ['embedded', 'postgres', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

export type NodeEnv = (typeof NODE_ENVS)[number];
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_EMBEDDED_DATA_DIR = './data/pglite';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_HOST = '127.0.0.1';

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
