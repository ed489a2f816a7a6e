/** The `default` of an exhaustive switch: a compile error if a case is missing, a loud failure if reached. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
