import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseLockedError, lockDataDir, lockFileOf } from './data-dir-lock';

describe('the embedded data folder lock', () => {
  let root: string;
  let dataDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ft-lock-'));
    dataDir = join(root, 'pglite');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes <folder>.lock with this pid and removes it on release', () => {
    const release = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it('refuses a second claim while the first is held, naming the holder', () => {
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(EmbeddedDatabaseLockedError);
    release();
    lockDataDir(dataDir)();
  });

  it('refuses a folder held by another live process', () => {
    const other = { pid: process.ppid, command: 'node main.js', since: '2026-12-02T10:00:00.000Z' };
    writeFileSync(lockFileOf(dataDir), JSON.stringify(other));
    expect(() => lockDataDir(dataDir)).toThrow(
      `The embedded database in ${dataDir} is in use by process ${process.ppid} (node main.js`,
    );
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: 'gone', since: 'then' }),
    );
    const release = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).pid).toBe(process.pid);
    release();
  });
});
