import { ConfigurationError, validateEnvironment } from '../environment';

/** The message `validateEnvironment` refuses `env` with; the test fails if `env` is accepted. */
export function problemsOf(env: Record<string, string>): string {
  try {
    validateEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the environment to be refused');
}

/** `env` is refused with an "Invalid configuration" message that names `expected`. */
export function expectRefused(env: Record<string, string>, expected: string): void {
  const message = problemsOf(env);
  expect(message).toMatch(/^Invalid configuration: /);
  expect(message).toContain(expected);
}
