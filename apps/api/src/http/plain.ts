/** A validated DTO as plain JSON data (no class prototypes), the only shape events and hashes accept. */
export function plain<T>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
