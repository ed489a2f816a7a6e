import { CommanderError } from 'commander';
import { ConfigurationError } from '@fairtender/config';
import { EmbeddedDatabaseLockedError } from '@fairtender/event-store';
import { ReplayError } from '@fairtender/legal';

/**
 * What `fairtender` exits with, so a script can tell the failures apart (docs/operations.md#exit-codes).
 * The offline verifier `tools/verify-bundle.mjs` uses the same numbers.
 */
export const EXIT = {
  ok: 0,
  /** Anything unforeseen: a database away, a bug. The message (and stack) is on stderr. */
  failure: 1,
  /** A bad command line or configuration: unknown command or option, a missing or malformed value. */
  usage: 2,
  /** The tender (or its published release, or the bundle path) does not exist. */
  notFound: 3,
  /** Verification found a break: the chain, an anchor, a digest, or a malformed bundle. */
  integrity: 4,
  /** The embedded database is held by another process (`npm start` beside the CLI). */
  busy: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A refusal to explain to the operator: main prints the message alone, without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}

const REPLAY_EXITS: Record<string, ExitCode> = {
  TENDER_NOT_FOUND: EXIT.notFound,
  INVALID_BUNDLE: EXIT.integrity,
  INVALID_CURSOR: EXIT.usage,
  INVALID_MOMENT: EXIT.usage,
};

/** The exit code for what a command threw, and the message to print (none: already printed). */
export function exitFor(error: unknown): { code: ExitCode; message?: string } {
  if (error instanceof CommanderError) {
    // Commander has written its own message; help and --version are not failures.
    const shown = ['commander.helpDisplayed', 'commander.help', 'commander.version'];
    return { code: shown.includes(error.code) ? EXIT.ok : EXIT.usage };
  }
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof ConfigurationError) return { code: EXIT.usage, message: error.message };
  if (error instanceof EmbeddedDatabaseLockedError)
    return { code: EXIT.busy, message: error.message };
  if (error instanceof ReplayError)
    return {
      code: REPLAY_EXITS[error.code] ?? EXIT.failure,
      message: `${error.code}: ${error.message}`,
    };
  return {
    code: EXIT.failure,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
