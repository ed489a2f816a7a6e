import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BundleManifest, BundlePart } from './bundle';
import { BundleVerifier, type BundleVerification } from './bundle-verify';
import { ReplayError } from './errors';
import type { HistoryEntry } from './history';
import { renderTimeline } from './timeline';

/** The three files of a bundle directory, as `fairtender export --out <dir>` writes them. */
export const BUNDLE_FILES = {
  events: 'events.ndjson',
  manifest: 'manifest.json',
  timeline: 'timeline.html',
} as const;

/** Writes a bundle as a directory: the event lines, the manifest, the HTML timeline. */
export async function writeBundleDirectory(
  directory: string,
  parts: AsyncIterable<BundlePart>,
): Promise<BundleManifest> {
  await mkdir(directory, { recursive: true });
  const events = await open(join(directory, BUNDLE_FILES.events), 'w');
  const entries: HistoryEntry[] = [];
  let manifest: BundleManifest | undefined;
  try {
    let buffered: string[] = [];
    for await (const part of parts) {
      if (part.kind === 'manifest') {
        manifest = part.manifest;
        continue;
      }
      buffered.push(`${part.line}\n`);
      entries.push(part.entry);
      if (buffered.length >= 500) {
        await events.write(buffered.join(''));
        buffered = [];
      }
    }
    await events.write(buffered.join(''));
  } finally {
    await events.close();
  }
  if (!manifest) throw new Error('The export ended without a manifest');
  await writeFile(join(directory, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(directory, BUNDLE_FILES.timeline), renderTimeline(manifest, entries));
  return manifest;
}

async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
}

/**
 * Verifies a bundle with no server: a directory (events.ndjson + manifest.json) or a single NDJSON
 * file whose last line is `{"manifest": …}` (what `GET /tenders/:id/evidence` streams).
 */
export async function verifyBundleAt(path: string): Promise<BundleVerification> {
  const verifier = new BundleVerifier();
  const info = await stat(path).catch(() => {
    throw new ReplayError('INVALID_BUNDLE', `No bundle at ${path}`, { path });
  });
  if (info.isDirectory()) {
    const manifestText = await readFile(join(path, BUNDLE_FILES.manifest), 'utf8').catch(() => {
      throw new ReplayError('INVALID_BUNDLE', `${path} has no ${BUNDLE_FILES.manifest}`, { path });
    });
    const eventsPath = join(path, BUNDLE_FILES.events);
    await stat(eventsPath).catch(() => {
      throw new ReplayError('INVALID_BUNDLE', `${path} has no ${BUNDLE_FILES.events}`, { path });
    });
    for await (const line of lines(eventsPath)) verifier.line(line);
    return verifier.finish(parseJson(manifestText, BUNDLE_FILES.manifest));
  }
  let pending: string | undefined;
  for await (const line of lines(path)) {
    if (pending !== undefined) verifier.line(pending);
    pending = line;
  }
  const last = pending === undefined ? undefined : parseJson(pending, 'the last line');
  return verifier.finish((last as { manifest?: unknown } | undefined)?.manifest);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ReplayError('INVALID_BUNDLE', `Not an evidence bundle: ${what} is not JSON`);
  }
}
