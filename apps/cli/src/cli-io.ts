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

/** A refusal to explain to the operator: main prints the message alone, without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
