#!/usr/bin/env node
/**
 * Restores lockfile entries for other platforms' optional native binaries (e.g. @swc/core-darwin-arm64).
 *
 * Our development machines reach an npm registry that serves only this platform's binaries, so
 * `npm install` drops the others from package-lock.json, and `npm ci` (npm ≥ 11.6) then rejects the
 * lockfile as out of sync — on every machine. An entry with the right os/cpu/libc is all `npm ci` needs:
 * on a non-matching platform it never fetches the package. Run after `npm install`:
 *   node scripts/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'android',
  'openbsd',
  'sunos',
  'aix',
  'openharmony',
  'netbsd',
];
const CPU = [
  'x64',
  'arm64',
  'arm',
  'ia32',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'wasm32',
  'mips64el',
];

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const added = [];

for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location ? `${location}/node_modules` : 'node_modules';
    if (lock.packages[`${parentDir}/${name}`] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu =
      CPU.find((c) => parts.includes(c) || parts.includes(`${c}eabi`)) ??
      (parts.includes('eabi') ? 'arm' : undefined);
    if (!os && !cpu) {
      console.warn(`skipped ${name}: cannot tell its platform from its name`);
      continue;
    }
    const libc = parts.some((p) => p === 'musl')
      ? ['musl']
      : parts.some((p) => p.startsWith('gnu'))
        ? ['glibc']
        : undefined;
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(cpu && { cpu: [cpu] }),
      ...(os && { os: [os] }),
      ...(libc && { libc }),
      optional: true,
    };
    added.push(`${name}@${version}`);
  }
}

lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `added ${added.length} platform entries:\n  ${added.join('\n  ')}`
    : 'lockfile already complete',
);
