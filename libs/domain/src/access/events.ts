import type { DomainEvent } from '../shared/domain-event';

/**
 * Refusals recorded in `tender-<id>.refusals` so that an infringement is detectable afterwards
 * (Directive 2014/24/EU Annex IV (g)). The actor is in the event metadata.
 */
export type SealedContentReadRefused = DomainEvent<
  'SealedContentReadRefused',
  { tenderId: string; attemptedAt: string; target: string; stage: string }
>;
export type AccessRefused = DomainEvent<
  'AccessRefused',
  { tenderId: string; attemptedAt: string; action: string; code: string; reason: string }
>;

export type AccessEvent = SealedContentReadRefused | AccessRefused;

/**
 * Legal replay, recorded in `tender-<id>.audit`: who looked at what of a tender, and when (issue 6).
 * `via` says whether it went through the API or the command line; the actor is in the metadata.
 */
export type TenderHistoryViewed = DomainEvent<
  'TenderHistoryViewed',
  {
    tenderId: string;
    viewedAt: string;
    via: 'api' | 'cli';
    /** The filters and cursor asked for, as given. */
    query: Record<string, string>;
    entries: number;
    /** Position of the last entry returned, or null when none was. */
    lastPosition: string | null;
  }
>;
/** The state at one moment (`view: 'state'`) or the difference between two (`view: 'diff'`). */
export type TenderStateViewed = DomainEvent<
  'TenderStateViewed',
  {
    tenderId: string;
    viewedAt: string;
    via: 'api' | 'cli';
    view: 'state' | 'diff';
    /** The moments asked for: ISO times or positions. */
    moments: string[];
    /** Position of the last event folded for each moment (null before the first event). */
    asOf: (string | null)[];
  }
>;
export type TenderIntegrityVerified = DomainEvent<
  'TenderIntegrityVerified',
  {
    tenderId: string;
    verifiedAt: string;
    via: 'api' | 'cli';
    intact: boolean;
    eventsChecked: number;
    upTo: string | null;
    /** The first break found, as reported (null when intact). */
    firstBreak: {
      streamName: string;
      revision: number | null;
      reason: string;
      expectedHash: string | null;
      actualHash: string | null;
    } | null;
  }
>;
export type EvidenceBundleExported = DomainEvent<
  'EvidenceBundleExported',
  {
    tenderId: string;
    exportedAt: string;
    via: 'api' | 'cli';
    format: string;
    /** False when the transfer stopped before the manifest was written. */
    completed: boolean;
    eventCount: number;
    upTo: string | null;
    /** SHA-256 of the bundle's event lines (the manifest's `eventsSha256`), when completed. */
    eventsSha256: string | null;
  }
>;

export type AuditEvent =
  TenderHistoryViewed | TenderStateViewed | TenderIntegrityVerified | EvidenceBundleExported;
