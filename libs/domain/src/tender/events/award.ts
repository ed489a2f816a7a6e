import type { Jurisdiction, Money } from '../terms';
import type { DomainEvent } from '../../shared/domain-event';
import type { DirectAwardGround, DirectAwardRouteGround } from '../direct-award-grounds';

/** One compliant bid's place in the system's ranking by the notice's weighted criteria (rule 5). */
export interface RankedBid {
  supplierId: string;
  rank: number;
  /** 0–100: the sum over criteria of weight × the score's fraction of the scale. */
  total: number;
  price: Money;
  /** criterionId → the score that counted: moderated, else the panel's mean; price from the price method. */
  scores: Record<string, number>;
}

/**
 * Departures from a plain competitive award: shown as red flags and published (docs/rules.md). The
 * moderation departures (issue 12): an agreed score that counted lies outside the range of its
 * evaluators' scores, or moderation changed which bid ranks first.
 */
export type AwardDeparture =
  | 'direct-award'
  | 'winner-not-top-ranked'
  | 'all-but-winner-excluded'
  | 'moderation-outside-panel-range'
  | 'moderation-changed-ranking';

/** One agreed score for a bid's criterion, beside the panel's own scores. */
export interface ModeratedCell {
  supplierId: string;
  criterionId: string;
  agreedScore: number;
  evaluatorScores: number[];
  panelMean: number;
  panelRange: { min: number; max: number };
  /** Outside the panel's range: a departure, whether confirmed or still waiting. */
  departure: boolean;
  /**
   * agreed within the range; confirmed by a second officer; pending: waiting, does not count;
   * superseded: replaced before anyone confirmed it, never counted.
   */
  status: 'agreed' | 'confirmed' | 'pending' | 'superseded';
  moderatedBy?: string;
  moderatedAt: string;
  reason?: string;
  confirmedBy?: string;
  confirmedAt?: string;
  confirmationReason?: string;
}

export interface AwardProposal {
  supplierId: string;
  round: number;
  ranking: RankedBid[];
  /** Suppliers whose bids share the top total. */
  topRanked: string[];
  departures: AwardDeparture[];
  /**
   * The panel's own top (evaluators' means, no moderation) and the agreed scores that counted and
   * moved off the panel's mean: recorded when moderation departed from the panel. Absent on awards
   * decided before moderation was weighed (and where it did not depart).
   */
  panelTopRanked?: string[];
  moderatedCells?: ModeratedCell[];
  /** Why a bid other than the top-ranked one (rule 5). */
  departureJustification?: string;
  /** A route ground when the procurement was planned as a direct award (PA 2023 s.41, Sch. 5). */
  directAward?: { ground: DirectAwardGround | DirectAwardRouteGround; justification: string };
  proposedBy: string;
  proposedAt: string;
}

/** Waiting for a second officer: all bids but the winner's were excluded (rule 4), or the winner is not the top-ranked bid (rule 5). */
export type AwardConfirmationRequested = DomainEvent<'AwardConfirmationRequested', AwardProposal>;

/** The award decision, published as the contract award notice; the standstill starts with it. */
export type AwardProposed = DomainEvent<
  'AwardProposed',
  AwardProposal & { confirmedBy?: string; confirmedAt?: string }
>;

/** What each bidder is told about its own bid and the winner's (PA 2023 s.50). */
export interface AssessmentSummary {
  supplierId: string;
  outcome: 'successful' | 'unsuccessful' | 'excluded';
  /** Undefined for an excluded bid. */
  own?: {
    rank: number;
    total: number;
    scores: Record<string, number>;
    reasons: CriterionReasons[];
  };
  /** `requirement`: what the bid failed, where the exclusion named it. */
  exclusion?: { reasonCode: string; reasonText: string; requirement?: string };
  winner: {
    supplierId: string;
    total: number;
    scores: Record<string, number>;
    reasons: CriterionReasons[];
  };
}

/** The panel's written reasons on one criterion, without evaluators' identities. */
export interface CriterionReasons {
  criterionId: string;
  justifications: string[];
  moderation?: string;
}

export type AssessmentSummaryIssued = DomainEvent<
  'AssessmentSummaryIssued',
  { summary: AssessmentSummary; issuedAt: string; round: number }
>;

export type StandstillStarted = DomainEvent<
  'StandstillStarted',
  {
    jurisdiction: Jurisdiction;
    startsAt: string;
    /** The first instant the contract may be entered into. */
    endsAt: string;
    countedDays: string[];
    basis: string;
    round: number;
  }
>;
/** The standstill period has run (usually recorded by the scheduler). */
export type StandstillEnded = DomainEvent<
  'StandstillEnded',
  { endedAt: string; endsAt: string; openChallenges: number; round: number }
>;

/** Fewer compliant bids than the notice's minimum, or no award at all: the tender ends here. */
export type TenderDeclaredUnsuccessful = DomainEvent<
  'TenderDeclaredUnsuccessful',
  {
    reason: string;
    compliantBids: number;
    minimumBids: number;
    declaredAt: string;
    declaredBy: string;
  }
>;

export type AwardEvent =
  | AwardConfirmationRequested
  | AwardProposed
  | AssessmentSummaryIssued
  | StandstillStarted
  | StandstillEnded
  | TenderDeclaredUnsuccessful;
