import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevelopmentEnvFile } from './dot-env';

describe('.env in development', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ft-env-'));
    file = join(dir, '.env');
    writeFileSync(file, '# local settings\nPORT=4000\nLOG_LEVEL="debug"\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fills what the environment leaves unset; the environment wins', () => {
    const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn' };
    expect(loadDevelopmentEnvFile(env, file)).toEqual(['PORT']);
    expect(env).toEqual({ LOG_LEVEL: 'warn', PORT: '4000' });
  });

  it('is not read in production', () => {
    const env: Record<string, string | undefined> = { NODE_ENV: 'production' };
    expect(loadDevelopmentEnvFile(env, file)).toBeUndefined();
    expect(env.PORT).toBeUndefined();
  });

  it('is optional', () => {
    expect(loadDevelopmentEnvFile({}, join(dir, 'absent.env'))).toBeUndefined();
  });
});
