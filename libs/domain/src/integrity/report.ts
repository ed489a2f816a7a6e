import type { AwardDeparture, ModeratedCell, RankedBid } from '../tender/events/award';
import type { ChangeRedFlag, ContractChangeKind, ContractPeriod } from '../tender/events/contract';
import type { RuleViolation } from '../tender/rule-violations';
import type { Money } from '../tender/terms';
import type { AppraisedOption, ProcurementRoute } from '../tender/events/planning';
import type { TenderStage } from '../tender/state';
import type { RedFlagCode } from './red-flag-codes';

/** A red flag: shown, never blocking. `evidence` is the facts it rests on, as plain JSON. */
export interface RedFlag {
  /** Unique within the tender: the code, and for flags raised more than once what tells them apart. */
  key: string;
  code: RedFlagCode;
  title: string;
  evidence: Record<string, unknown>;
  /** The time of the fact that raised it (publication, closing, the award, the change's approval…). */
  raisedAt: string;
  /** The supplier the flag is about (the winner, the disqualified lowest bidder…), when it is one. */
  supplierId?: string;
}

/** One cell of the coverage matrix: bid × evaluator × quality criterion. */
export type CoverageCell =
  /** Scored with a written justification. */
  | 'scored'
  /** Scored, but the justification is not a sentence (rule 2). */
  | 'unjustified'
  /** Not scored yet by an evaluator who declared no conflict. */
  | 'missing'
  /** The evaluator declared a conflict with this supplier: removed from the bid (rule 3). */
  | 'conflicted'
  /** The evaluator has not declared whether it has a conflict with this supplier. */
  | 'not-declared';

export interface CoverageMatrix {
  /** The quality criteria, in the notice's order: each row's cells follow it. */
  criteria: string[];
  /** The panel. */
  evaluators: string[];
  /** One row per compliant bid. */
  bids: { supplierId: string; cells: Record<string, CoverageCell[]>; complete: boolean }[];
  totals: Record<CoverageCell, number>;
}

export interface BidIntegrity {
  supplierId: string;
  receivedAt?: string;
  /** Public once compliance is recorded (read from the opened bid by the server). */
  price?: Money;
  compliance: 'pending' | 'passed' | 'excluded';
  reasonCode?: string;
  reasonText?: string;
  /** Every non-conflicted panel member scored every quality criterion with a justification, and submitted. */
  fullyEvaluated: boolean;
  /** Justifications written on this bid by panel members, and their average length in characters. */
  justifications: number;
  averageJustificationCharacters: number;
}

export interface PanelMember {
  evaluatorId: string;
  /** Submitted the current round's scores. */
  submitted: boolean;
  submittedAt?: string;
  /** Suppliers this evaluator declared no conflict with. */
  declaredNoConflict: string[];
  /** Suppliers this evaluator declared a conflict with, and what the interest is. */
  conflicts: { supplierId: string; statement?: string }[];
}

export type AwardStatus =
  | 'none'
  | 'awaiting-confirmation'
  | 'standstill'
  | 'suspended'
  | 'standstill-ended'
  | 'contracted'
  | 'unsuccessful'
  | 'cancelled';

export interface AwardIntegrity {
  status: AwardStatus;
  supplierId?: string;
  proposedAt?: string;
  proposedBy?: string;
  confirmedBy?: string;
  departures?: AwardDeparture[];
  directAward?: { ground: string; justification: string };
  /** The system's ranking the award was decided on (rule 5). */
  ranking?: RankedBid[];
  standstill?: { startsAt: string; endsAt: string; endedAt?: string };
  /** Challenges lodged and not resolved. */
  openChallenges?: number;
  unsuccessfulReason?: string;
  contract?: {
    contractId: string;
    value: Money;
    originalValue: Money;
    period: ContractPeriod;
    originalPeriod: ContractPeriod;
    approvedChanges: number;
  };
}

/**
 * Moderation (issue 12): the panel's ranking on the evaluators' means beside the ranking with the
 * agreed scores that count, and every agreed score with the panel's scores, who and why.
 */
export interface ModerationIntegrity {
  panelRanking: { supplierId: string; rank: number; total: number }[];
  ranking: { supplierId: string; rank: number; total: number }[];
  panelTopRanked: string[];
  topRanked: string[];
  changesTopRanked: boolean;
  /** Agreed scores that count. */
  moderated: ModeratedCell[];
  /** Outside the panel's range and waiting for a second officer: not counted. */
  pending: ModeratedCell[];
  /** Requests outside the range replaced before anyone confirmed them: never counted, still departures. */
  superseded: ModeratedCell[];
  /** Agreed scores outside the panel's range: counted, pending or superseded. */
  departures: number;
  /** Officers who recorded, requested or confirmed an agreed score on this tender. */
  moderators: string[];
}

/**
 * The procurement before its notice (issue 14). `recorded: false`: the tender was drafted without a
 * planning record (before issue 14, or straight to a notice), so none of the planning rules applied.
 */
export type PlanningIntegrity =
  | { recorded: false }
  | {
      recorded: true;
      route: ProcurementRoute;
      estimatedValue: Money;
      optionsAppraisal: AppraisedOption[];
      incumbentSupplierId: string | null;
      replacesTenderId: string | null;
      approvals: { approvedBy: string; approvedAt: string; reasons: string }[];
      approvalStands: boolean;
      engagementNoticePublishedAt: string | null;
      /** Per supplier engaged: how often, in which kinds of contact, and the material shown. */
      engagedSuppliers: {
        supplierId: string;
        contacts: number;
        kinds: string[];
        materials: string[];
      }[];
      unsharedMaterials: string[];
      conflictsAssessmentRevisions: number;
      /** Persons in the latest revision, with the evaluators' per-supplier declarations beside them. */
      conflictsAssessment: {
        userId: string;
        capacity: string;
        conflict: boolean | null;
        declaration: string;
        supplierDeclarations?: { supplierId: string; conflict: boolean }[];
      }[];
      transparencyNoticePublishedAt: string | null;
    };

export interface IntegrityReport {
  tenderId: string;
  buyerOrganisationId: string;
  stage: TenderStage;
  round: number;
  /** Bids not opened yet: only their number is shown, nothing identifying (docs/rules.md#sealed-bids). */
  sealed: boolean;
  counts: {
    /** Standing bids: before opening the bid streams holding a submitted bid, after opening the opened ones. */
    received: number;
    compliant: number;
    excluded: number;
    /** Opened bids without a compliance decision yet. */
    awaitingCompliance: number;
    fullyEvaluated: number;
  };
  /** Empty while sealed. */
  bids: BidIntegrity[];
  /** `requirement`: what the bid failed (absent on exclusions recorded before it was asked). */
  excluded: {
    supplierId: string;
    reasonCode?: string;
    reasonText?: string;
    requirement?: string;
  }[];
  panel: PanelMember[];
  coverage: CoverageMatrix;
  /** What still stands between the evaluation and an award (rules 2–4); empty while sealed. */
  openViolations: RuleViolation[];
  moderation: ModerationIntegrity;
  planning: PlanningIntegrity;
  award: AwardIntegrity;
  redFlags: RedFlag[];
}

/** A change red flag as `ContractChangeApproved` recorded it (the tender view keeps the change only). */
export interface RecordedChangeFlags {
  changeId: string;
  approvedAt: string;
  approvedBy: string;
  redFlags: ChangeRedFlag[];
}

/** An approved extension of a contract between the same buyer and a supplier, on another tender. */
export interface IncumbentExtension {
  tenderId: string;
  contractId: string;
  changeId: string;
  kind: ContractChangeKind;
  addedMonths: number;
  approvedAt: string;
}

/** What the report needs beyond the tender view: facts the view does not keep, and other tenders'. */
export interface IntegrityFacts {
  contractChanges?: readonly RecordedChangeFlags[];
  /** The winner's extended contracts with this buyer, approved before this award. */
  incumbentExtensions?: readonly IncumbentExtension[];
  /** This buyer's direct awards to the same supplier on other tenders (FT-REPEATED-DIRECT-AWARD). */
  directAwards?: readonly RecordedDirectAward[];
}

/** A direct award on another tender, as the integrity projection recorded it. */
export interface RecordedDirectAward {
  tenderId: string;
  supplierId: string;
  ground: string | null;
  awardedAt: string;
}
