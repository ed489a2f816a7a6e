import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);

/** PostgreSQL writes this file last when initdb has made a data folder. */
export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Makes a new data folder (PostgreSQL's initdb) in a short-lived child process, so the memory it
 * takes is returned when the child exits. In this process PGlite runs initdb in a second WebAssembly
 * instance whose pages the process keeps: a first start rested at 348 MB RSS against 166 MB when
 * the folder was made by a child (docs/benchmarks.md, Memory). It costs one extra Node start, once.
 */
export async function initialiseDataDir(
  dataDir: string,
  settings: readonly string[],
): Promise<void> {
  const pglite = pathToFileURL(require.resolve('@electric-sql/pglite')).href;
  const script = `import(${JSON.stringify(pglite)}).then(async ({ PGlite }) => {
    const [dataDir, settings] = process.argv.slice(1);
    const db = await PGlite.create({ dataDir, postgresqlconf: JSON.parse(settings) });
    await db.close();
  })`;
  try {
    await run(process.execPath, ['-e', script, dataDir, JSON.stringify(settings)], {
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 1024 * 1024,
    });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(
      `Could not create the embedded database in ${dataDir}: ${stderr?.trim() || String(error)}`,
    );
  }
  if (!isInitialised(dataDir))
    throw new Error(`Creating the embedded database in ${dataDir} left no PG_VERSION file`);
}
