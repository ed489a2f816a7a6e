import type { DomainEvent } from '../../shared/domain-event';

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

/**
 * Later refusals of the same attempt (one actor, one tender, one event type, one action or target,
 * one code) within a window, counted instead of recorded one by one (issue 17: 200 refused reads had
 * added 200 events to a competitor's tender). The first refusal of each window is recorded in full
 * (AccessRefused / SealedContentReadRefused); this one says how many followed it in that window and
 * when. The actor is in the metadata, as for the refusal it repeats.
 */
export type AccessRefusalsRepeated = DomainEvent<
  'AccessRefusalsRepeated',
  {
    tenderId: string;
    /** The type of the refusal repeated, recorded in full at `windowStartedAt`. */
    refusedType: 'AccessRefused' | 'SealedContentReadRefused';
    /** `action` of an AccessRefused, `target` of a SealedContentReadRefused. */
    attempted: string;
    code: string;
    /** Refusals after the first in the window (at least 1). */
    count: number;
    windowStartedAt: string;
    windowSeconds: number;
    firstRepeatAt: string;
    lastRepeatAt: string;
  }
>;

export type AccessEvent = SealedContentReadRefused | AccessRefused | AccessRefusalsRepeated;

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

/** The pages a signed link opens in a browser (docs/pages.md). */
export type EvidencePage = 'timeline' | 'integrity';

/**
 * A short-lived signed link to one of the tender's pages was issued to the caller (who then passes
 * it to whoever is to read the page: the link acts as the caller until it expires).
 */
export type EvidenceLinkIssued = DomainEvent<
  'EvidenceLinkIssued',
  {
    tenderId: string;
    linkId: string;
    page: EvidencePage;
    issuedAt: string;
    expiresAt: string;
    timeZone: string;
  }
>;

/** A page was opened through a signed link; the actor is the link's issuer. */
export type EvidencePageViewed = DomainEvent<
  'EvidencePageViewed',
  {
    tenderId: string;
    linkId: string;
    page: EvidencePage;
    viewedAt: string;
    /** Events the page showed, and the last position it reached (timeline); null for the integrity page. */
    eventCount: number | null;
    upTo: string | null;
    /** The verification verdict shown at the top of the timeline; null for the integrity page. */
    intact: boolean | null;
  }
>;

export type AuditEvent =
  | TenderHistoryViewed
  | TenderStateViewed
  | TenderIntegrityVerified
  | EvidenceBundleExported
  | EvidenceLinkIssued
  | EvidencePageViewed;
