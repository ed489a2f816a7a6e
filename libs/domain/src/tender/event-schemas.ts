import type { AccessEvent, AuditEvent } from './events/access';
import type { BidEvent } from './events/bidding';
import type { EvaluatorEvent } from './events/evaluation';
import type { TenderEvent } from './tender-events';
import type { DomainEvent } from '../shared/domain-event';
import { termMonths } from './contract-term';

export type KnownEvent = TenderEvent | BidEvent | EvaluatorEvent | AccessEvent | AuditEvent;
export type KnownEventType = KnownEvent['type'];

/**
 * The current schema version of every event type. `satisfies` makes a type missing here (or a stray
 * one) a compile error. Bump a version only together with an upcaster from the previous one.
 */
export const EVENT_VERSIONS = {
  ProcurementOpened: 1,
  ProcurementPlanRevised: 1,
  StrategyApproved: 1,
  EngagementNoticePublished: 1,
  SupplierEngagementRecorded: 1,
  EngagementMaterialShared: 1,
  ConflictsAssessmentRevised: 1,
  TransparencyNoticePublished: 1,
  TenderDrafted: 1,
  DraftRevised: 1,
  TenderPublished: 1,
  BidSealingKeyIssued: 1,
  NoticeAmended: 1,
  TenderCancelled: 1,
  ClarificationRequested: 1,
  ClarificationAnswered: 1,
  TenderingClosed: 1,
  ClarificationPeriodClosed: 1,
  BidOpeningConfirmed: 1,
  BidsOpened: 1,
  BidSubmitted: 2,
  BidRevised: 2,
  BidWithdrawn: 1,
  BidReconfirmed: 1,
  LateBidRefused: 1,
  SealedContentReadRefused: 1,
  AccessRefused: 1,
  AccessRefusalsRepeated: 1,
  TenderHistoryViewed: 1,
  TenderStateViewed: 1,
  TenderIntegrityVerified: 1,
  EvidenceBundleExported: 1,
  EvidenceLinkIssued: 1,
  EvidencePageViewed: 1,
  BidComplianceRecorded: 1,
  EvaluationPanelAppointed: 2,
  PanelMembershipAccepted: 1,
  ScoreModerated: 1,
  ScoreModerationRequested: 1,
  ScoreModerationConfirmed: 1,
  EvaluationReopened: 1,
  ConflictOfInterestDeclared: 1,
  BidScored: 1,
  EvaluationSubmitted: 1,
  AwardConfirmationRequested: 1,
  AwardProposed: 1,
  AssessmentSummaryIssued: 1,
  StandstillStarted: 1,
  StandstillEnded: 1,
  TenderDeclaredUnsuccessful: 1,
  ChallengeLodged: 1,
  AwardSuspended: 1,
  ChallengeResolved: 1,
  AwardSuspensionLifted: 1,
  ContractConcluded: 2,
  ContractChangeRequested: 2,
  ContractChangeApproved: 1,
  ContractChangeNoticePublished: 1,
  ContractChangeTookEffect: 1,
  PerformanceAssessed: 1,
  ContractPerformanceNoticePublished: 1,
  PerformanceAssessmentOverdue: 1,
  OversightReviewRecorded: 1,
  AuditCheckpointMissed: 1,
  ContractTerminated: 1,
  ContractTerminationNoticePublished: 1,
} as const satisfies Record<KnownEventType, number>;

/** Turns the data of version v of a type into the data of version v + 1. Pure; stored events are never rewritten. */
export type Upcaster = (data: unknown) => unknown;
/** type → from-version → upcaster to the next version. */
export type UpcasterRegistry = Record<string, Record<number, Upcaster>>;

export interface EventSchemas {
  versions: Readonly<Record<string, number>>;
  upcasters: UpcasterRegistry;
}

/** v1 bids carried their documents inline in the sealed content: none by reference. */
const withNoUploadedDocuments: Upcaster = (data) => ({
  ...(data as Record<string, unknown>),
  documents: [],
});

export const UPCASTERS: UpcasterRegistry = {
  EvaluationPanelAppointed: {
    // Before issue 12 an appointment bound its members at once; it keeps that meaning.
    1: (data) => ({ ...(data as object), acceptanceRequired: false }),
  },
  BidSubmitted: { 1: withNoUploadedDocuments },
  ContractConcluded: {
    // Before issue 15 no maximum term was declared: the term on award is the concluded period;
    // no KPIs were asked for, and no contract was marked a pilot.
    1: (data) => {
      const concluded = data as { period: { startDate: string; endDate: string } };
      return {
        ...(data as object),
        maximumTermMonths: termMonths(concluded.period.startDate, concluded.period.endDate),
        kpis: [],
        pilot: false,
      };
    },
  },
  ContractChangeRequested: {
    // Before issue 15 a change stated no basis under s.74 and had no voluntary standstill.
    1: (data) => ({
      ...(data as object),
      basis: { kind: 'not-stated' },
      voluntaryStandstill: false,
    }),
  },
  BidRevised: { 1: withNoUploadedDocuments },
};

export function currentVersion(type: string): number {
  if (!Object.hasOwn(EVENT_VERSIONS, type)) {
    throw new Error(`Unknown event type '${type}': no schema version is registered for it`);
  }
  return EVENT_VERSIONS[type as KnownEventType];
}

/**
 * Brings stored event data up to its type's current version, one upcaster at a time.
 * Types the registry does not know (another stage's events read through a tender prefix) pass through
 * unchanged: every `evolve` ignores events it does not know. A version newer than the code is refused,
 * since folding data one does not understand would silently give a wrong state.
 */
export function upcastWith(
  schemas: EventSchemas,
  type: string,
  version: number,
  data: unknown,
): DomainEvent {
  if (!Object.hasOwn(schemas.versions, type)) return { type, data };
  const current = schemas.versions[type];
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`Event ${type} has an invalid schema version ${String(version)}`);
  }
  if (version > current) {
    throw new Error(
      `Event ${type} v${version} is newer than this code understands (v${current}): deploy the newer code before reading it`,
    );
  }
  let upcasted = data;
  for (let from = version; from < current; from += 1) {
    const step = Object.hasOwn(schemas.upcasters, type) ? schemas.upcasters[type][from] : undefined;
    if (!step) throw new Error(`No upcaster registered for ${type} v${from} → v${from + 1}`);
    upcasted = step(upcasted);
  }
  return { type, data: upcasted };
}

export function upcast(type: string, version: number, data: unknown): DomainEvent {
  return upcastWith({ versions: EVENT_VERSIONS, upcasters: UPCASTERS }, type, version, data);
}
