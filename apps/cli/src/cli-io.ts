/** Where a command reads its settings and writes its output; tests pass their own. */
export interface CliIo {
  env: Record<string, string | undefined>;
  print(text: string): void;
  warn(text: string): void;
  /** Where progress bars are drawn (a terminal); none in tests and pipes without one. */
  progress?: NodeJS.WritableStream;
}

export const processIo: CliIo = {
  env: process.env,
  print: (text) => console.log(text),
  warn: (text) => console.error(text),
  progress: process.stderr,
};

export { CliError } from './exit-codes';

/**
 * A line of progress on stderr (where `progress` points), so stdout stays the command's output:
 * `export: 1000 events written`. Quiet in tests, which pass no `progress`.
 */
export function reportProgress(io: CliIo, command: string, text: string): void {
  io.progress?.write(`${command}: ${text}\n`);
}
