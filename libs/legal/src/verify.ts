import { contentHash } from '@fairtender/crypto';
import type { BidsOpened } from '@fairtender/domain';
import { formatPosition, type EventStore, type RecordedEvent } from '@fairtender/event-store';
import type { DocumentStore } from '@fairtender/documents';
import {
  checkDocuments,
  listedDocuments,
  type DocumentsReport,
  type ListedDocument,
} from './document-check';
import { ChainVerifier, type ChainBreak, type ChainLink, type StreamHead } from './chain-verifier';
import { SealingPolicy } from './sealing';
import { loadExistingTender, readTenderLog, streamKind } from './tender-log';

export interface VerificationReport {
  tenderId: string;
  intact: boolean;
  /** Position of the last event checked: the report covers every event up to it. */
  upTo: string | null;
  eventsChecked: number;
  anchorsChecked: number;
  /** Head of every stream checked; sealed bid streams are counted in `sealedEvents`, not listed. */
  streams: StreamHead[];
  sealedEvents: number;
  firstBreak: ChainBreak | null;
  breaks: ChainBreak[];
  /**
   * The opened bids' uploaded documents, their stored bytes checked against the hashes the bid events
   * recorded; `null` when no document store was given (the command line without a database).
   * `intact` is false when any changed.
   */
  documents: DocumentsReport | null;
}

/** The content hash of a stored event, as the store computed it; null when the content is not JSON any more. */
export function storedContentHash(event: RecordedEvent): Buffer | null {
  try {
    return contentHash({
      eventId: event.eventId,
      streamName: event.streamName,
      type: event.type,
      version: event.version,
      data: event.data,
      metadata: event.metadata,
    });
  } catch {
    return null;
  }
}

export function chainLink(event: RecordedEvent, hash = storedContentHash(event)): ChainLink {
  return {
    streamName: event.streamName,
    revision: event.revision,
    position: event.position,
    previousHash: event.previousHash,
    hash: event.hash,
    contentHash: hash,
    type: event.type,
    ...(event.type === 'BidsOpened' && streamKind(event.streamName) === 'tender'
      ? { anchors: bidStreamsOf(event) }
      : {}),
  };
}

function bidStreamsOf(event: RecordedEvent): BidsOpened['data']['bidStreams'] {
  const heads = (event.data as Partial<BidsOpened['data']> | null)?.bidStreams;
  return Array.isArray(heads) ? heads : [];
}

/**
 * Recomputes every hash chain of the tender's streams and every anchored head, from the store as it
 * is now. While the bids are sealed, a break in a bid stream is reported without naming the stream.
 */
export async function verifyTender(
  store: EventStore,
  tenderId: string,
  documentStore?: DocumentStore,
): Promise<VerificationReport> {
  const policy = new SealingPolicy(tenderId, await loadExistingTender(store, tenderId));
  const verifier = new ChainVerifier(tenderId, (name) => policy.streamLabel(name));
  let last: RecordedEvent | undefined;
  let sealedEvents = 0;
  const listed: ListedDocument[] = [];
  for await (const page of readTenderLog(store, tenderId)) {
    for (const event of page) {
      verifier.add(chainLink(event));
      if (policy.isSealed(event)) sealedEvents += 1;
      // Sealed bids' documents are neither named nor checked before opening (like their streams).
      else listed.push(...listedDocuments(event));
      last = event;
    }
  }
  const report = verifier.finish();
  const documents = documentStore ? await checkDocuments(documentStore, listed) : null;
  return {
    tenderId,
    intact: report.intact && (documents?.changed.length ?? 0) === 0,
    upTo: last ? formatPosition(last.position) : null,
    eventsChecked: report.eventsChecked,
    anchorsChecked: report.anchorsChecked,
    streams: report.streams.filter((stream) => !policy.isSealed({ ...stream, type: '' })),
    sealedEvents,
    firstBreak: report.firstBreak,
    breaks: report.breaks,
    documents,
  };
}
