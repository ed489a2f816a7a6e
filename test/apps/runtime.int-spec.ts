import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/built-apps';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** One supported runtime, declared the same way in package.json, the image and CI. */
describe('the supported runtime', () => {
  const engines: string = JSON.parse(read('package.json')).engines.node;
  const major = Number(/>=\s*(\d+)/.exec(engines)?.[1]);

  it('engines, the Dockerfile and .ci/run name the same Node LTS (an even major, 24 or later)', () => {
    expect(major).toBeGreaterThanOrEqual(24);
    expect(major % 2).toBe(0);
    expect(read('docker/Dockerfile')).toContain(`ARG NODE_IMAGE=node:${major}-`);
    expect(read('.ci/run')).toContain(`NODE_LTS_MAJOR=${major}\n`);
  });

  it('the runtime image installs no dev packages, copies only dist, and runs as a non-root user', () => {
    const runtime = read('docker/Dockerfile').split(/^FROM .* AS runtime$/m)[1];
    expect(runtime).toContain('npm ci --omit=dev');
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(runtime).not.toMatch(/^COPY \. /m);
    expect(runtime).toMatch(/^USER node$/m);
  });

  it('compose takes every secret, the database password and AUTH_JWKS_URL from the environment', () => {
    const compose = read('docker/compose.yml');
    for (const name of [
      'AUTH_JWKS_URL',
      'AUTH_JWT_SECRET',
      'SEALING_MASTER_KEY',
      'RECEIPT_SIGNING_KEY',
      'POSTGRES_PASSWORD',
    ]) {
      const lines = compose.split('\n').filter((line) => new RegExp(`^\\s+${name}:`).test(line));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(new RegExp(`:\\s+\\$\\{${name}[:?}-]`));
    }
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/fairtender:\$\{POSTGRES_PASSWORD/);
  });
});
