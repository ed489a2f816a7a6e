import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots kept for the run's output (docs/testing.md#browser-tests). */
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts/pages');

/**
 * Why the browser suite cannot run here, or undefined when it can. In CI a missing browser is a
 * failure, not a skip: `.ci/run` installs it.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI)
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run installs it`);
  return `Browser suite SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH), so it did not run`;
}

/**
 * Headless Chromium as this machine runs it: no sandbox (root in a container), no GPU, and none of the
 * background connections a closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
