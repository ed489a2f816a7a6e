import type { DocumentStore } from '@fairtender/documents';

/** Uploads removed per run; the next run takes the rest. */
const BATCH = 500;

/**
 * Removes every unfinished upload untouched for `expiryMs`: a supplier who gave up, or a client that
 * never came back. Finished documents are never removed here: a bid may name them.
 */
export async function removeAbandonedUploads(
  store: DocumentStore,
  now: Date,
  expiryMs: number,
): Promise<number> {
  const before = new Date(now.getTime() - expiryMs).toISOString();
  let removed = 0;
  for (const uploadId of await store.listAbandoned(before, BATCH)) {
    if (await store.deleteUpload(uploadId)) removed += 1;
  }
  return removed;
}
