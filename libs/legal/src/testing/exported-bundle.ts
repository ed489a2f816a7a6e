import type { Actor } from '@fairtender/domain';
import type { BundleManifest, BundlePart } from '../bundle';
import { LegalReplay } from '../legal-replay';
import { MemoryStore } from './memory-store';
import { tenderHistory } from './recorded-events';

export const EXPORTED_TENDER = 't-3';
export const LEGAL_READER: Actor = {
  userId: 'legal-lee',
  organisationId: 'authority-1',
  role: 'legal',
};

/** The sample tender's evidence, exported by legal: its store, manifest, lines and entries (specs only). */
export async function exportedBundle(opened = true) {
  const store = new MemoryStore(tenderHistory(EXPORTED_TENDER, { opened }));
  const parts: BundlePart[] = [];
  for await (const part of new LegalReplay(store, { via: 'cli' }).evidence(EXPORTED_TENDER, {
    actor: LEGAL_READER,
  }))
    parts.push(part);
  const manifest = (parts.at(-1) as { manifest: BundleManifest }).manifest;
  const lines = parts.flatMap((p) => (p.kind === 'event' ? [p.line] : []));
  const entries = parts.flatMap((p) => (p.kind === 'event' ? [p.entry] : []));
  return { store, manifest, lines, entries };
}
