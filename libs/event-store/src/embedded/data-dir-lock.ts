import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';

/**
 * PGlite is one connection inside one process: a second process opening the same folder would
 * corrupt it or, worse, have its writes (an audit record of the CLI) lost. The folder is claimed with
 * a lock file beside it (`<folder>.lock`, holding the owner's pid), created exclusively; a lock whose
 * process is gone is stale and taken over.
 */
export class EmbeddedDatabaseLockedError extends Error {
  override readonly name = 'EmbeddedDatabaseLockedError';

  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'PGlite serves one process only: stop that process first, or use its HTTP API instead ' +
        '(run the CLI against PostgreSQL with EVENT_STORE=postgres and DATABASE_URL to share a database).',
    );
  }
}

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
}

/** Folders this process holds, so a lock file left by this very pid (a crash in a test) is told apart. */
const held = new Set<string>();

export function lockFileOf(dataDir: string): string {
  const folder = resolve(dataDir);
  return join(dirname(folder), `${basename(folder)}.lock`);
}

/** Claims the folder for this process, or throws EmbeddedDatabaseLockedError. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  if (held.has(file)) throw new EmbeddedDatabaseLockedError(dataDir, readHolder(file) ?? self());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(self()));
      } finally {
        closeSync(fd);
      }
      held.add(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new EmbeddedDatabaseLockedError(dataDir, holder);
      }
      // Stale: its process is gone (or it is unreadable, half written by a crash). Take it over.
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first; the next attempt sees its lock
      }
    }
  }
  throw new EmbeddedDatabaseLockedError(dataDir, readHolder(file) ?? self());
}

function self(): LockHolder {
  return {
    pid: process.pid,
    command: process.argv.slice(1).join(' ').slice(0, 200) || 'node',
    since: new Date().toISOString(),
  };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isSafeInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
