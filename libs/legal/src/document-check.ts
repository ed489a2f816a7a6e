import { sealedDigestOf, type DocumentStore } from '@fairtender/documents';
import type { RecordedEvent } from '@fairtender/event-store';

/** An uploaded document as a bid event states it: where it is and what its stored bytes hash to. */
export interface ListedDocument {
  documentId: string;
  streamName: string;
  revision: number;
  sizeBytes: number;
  sha256: string;
  sealedSha256: string;
}

export interface ChangedDocument extends ListedDocument {
  /** Hex SHA-256 of the sealed chunks stored now; null when none are stored. */
  actualSealedSha256: string | null;
}

export interface DocumentsReport {
  checked: number;
  changed: ChangedDocument[];
}

/** The uploaded documents of an accepted bid event (v2: `data.documents`); none for other events. */
export function listedDocuments(event: RecordedEvent): ListedDocument[] {
  if (event.type !== 'BidSubmitted' && event.type !== 'BidRevised') return [];
  const documents = (event.data as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents)) return [];
  return documents.map((document: Omit<ListedDocument, 'streamName' | 'revision'>) => ({
    documentId: document.documentId,
    streamName: event.streamName,
    revision: event.revision,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    sealedSha256: document.sealedSha256,
  }));
}

/**
 * Recomputes the SHA-256 of each listed document's stored sealed chunks and names every one that no
 * longer matches what its bid event recorded (or is gone). Needs no key: the plaintext hash is
 * checked again whenever an opened document is read.
 */
export async function checkDocuments(
  store: DocumentStore,
  listed: readonly ListedDocument[],
): Promise<DocumentsReport> {
  const changed: ChangedDocument[] = [];
  const seen = new Map<string, string | null>();
  for (const document of listed) {
    if (!seen.has(document.documentId)) {
      seen.set(document.documentId, (await sealedDigestOf(store, document.documentId)) ?? null);
    }
    const actual = seen.get(document.documentId)!;
    if (actual !== document.sealedSha256) changed.push({ ...document, actualSealedSha256: actual });
  }
  return { checked: listed.length, changed };
}
