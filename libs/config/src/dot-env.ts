import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` (in the working directory) into `env` outside production: a variable already set in
 * the environment wins over the file. Production takes its settings from the environment only.
 * Returns the names taken from the file, or undefined when no file was read.
 */
export function loadDevelopmentEnvFile(
  env: Record<string, string | undefined> = process.env,
  file = '.env',
): string[] | undefined {
  if (env.NODE_ENV === 'production') return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const values = parseEnv(text) as Record<string, string>;
  const taken = Object.keys(values).filter((name) => env[name] === undefined);
  for (const name of taken) env[name] = values[name];
  return taken;
}
