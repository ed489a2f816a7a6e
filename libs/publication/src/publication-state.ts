import type {
  AwardDeparture,
  ChangeRedFlag,
  Money,
  NoticeTerms,
  ProcurementRoute,
  TenderingPeriodRecord,
} from '@fairtender/domain';
import type { OcdsAmendment, OcdsTender } from './ocds-types';

/** An answered clarification as the public sees it: the question and the answer, never who asked. */
export interface PublishedClarification {
  questionId: string;
  question: string;
  askedAt: string;
  answer: string;
  answeredAt: string;
}

/** A bid as the sealed register knows it: published only once the bids are opened. */
export interface SealedBidFacts {
  status: 'submitted' | 'withdrawn';
  /** Receipt time of the version that stands. */
  receivedAt: string;
}

/** A bid as opened: the bid streams `BidsOpened` committed to, with their status then. */
export interface OpenedBid {
  supplierId: string;
  status: 'submitted' | 'withdrawn';
  receivedAt: string;
}

/** A compliance decision: from here on the bid's price is on the record (and public). */
export interface ComplianceFacts {
  decision: 'passed' | 'excluded';
  price: Money;
  recordedAt: string;
}

/** One award decision (one per evaluation round), as far as OCDS can tell it. */
export interface AwardFacts {
  round: number;
  supplierId: string;
  value: Money | null;
  proposedAt: string;
  status: 'pending' | 'active' | 'cancelled';
  departures: AwardDeparture[];
  departureJustification?: string;
  standstill?: { startsAt: string; endsAt: string; basis: string };
  standstillEndedAt?: string;
  suspendedAt?: string;
  suspensionLiftedAt?: string;
  cancellation?: { at: string; reason: string };
}

/** A challenge: its grounds and outcome are public; who lodged it and its text are not. */
export interface ChallengeFacts {
  challengeId: string;
  round: number;
  grounds: string[];
  lodgedAt: string;
  outcome?: string;
  remedy?: string;
  resolvedAt?: string;
}

export interface ContractChangeFacts {
  changeNumber: number;
  kind: string;
  description: string;
  justification: string;
  addedValue: Money;
  addedMonths: number;
  redFlags: ChangeRedFlag[];
  publishedAt: string;
  /** Release keys: the release amended and the one stating the change. */
  amendsReleaseKey?: string;
  releaseKey: string;
}

/** What is public of the procurement before its notice (issue 14): the plan and its notices. */
export interface PlanningFacts {
  need: string;
  budget: Money;
  cpvCodes: string[];
  route: ProcurementRoute;
  /** When the first planning notice made the procurement public; null while it is private. */
  publicSince: string | null;
  engagementNotice: { description: string; closesOn: string; publishedAt: string } | null;
  /** Titles of engagement material, public only once shared (`shared`). */
  materialTitles: Record<string, string>;
  shared: { materialId: string; title: string; how: string; sharedAt: string }[];
  transparencyNotice: {
    groundReference: string;
    justification: string;
    supplierId: string;
    value: Money;
    publishedAt: string;
  } | null;
}

export interface ContractFacts {
  contractId: string;
  supplierId: string;
  round: number;
  value: Money;
  period: { startDate: string; endDate: string };
  concludedAt: string;
  changes: ContractChangeFacts[];
}

/**
 * What publication knows of one tender, folded from its events. Everything in `sealed` stays out of
 * every release until the bids are opened; who asked a question is never kept at all.
 */
export interface PublicationState {
  tenderId: string;
  buyerId: string;
  /** The terms as published and amended (a draft's terms are never kept). */
  terms: NoticeTerms | null;
  publishedAt: string | null;
  status: OcdsTender['status'];
  amendments: OcdsAmendment[];
  /** Questions not yet answered: the text waits for its answer. */
  pendingQuestions: Record<string, { question: string; askedAt: string }>;
  clarifications: PublishedClarification[];
  closedAt: string | null;
  openedAt: string | null;
  cancellation: { reason: string; cancelledAt: string } | null;
  sealed: { bids: Record<string, SealedBidFacts> };
  /** Fixed when the bids are opened; null before. */
  openedBids: OpenedBid[] | null;
  /** supplierId → the latest compliance decision on its bid. */
  compliance: Record<string, ComplianceFacts>;
  awards: AwardFacts[];
  challenges: ChallengeFacts[];
  contract: ContractFacts | null;
  unsuccessful: {
    reason: string;
    declaredAt: string;
    compliantBids: number;
    minimumBids: number;
  } | null;
  directAward: { ground: string; justification: string } | null;
  /**
   * The statutory minimum tendering period as publication or the last deadline amendment recorded it;
   * absent or null for notices published before it was recorded.
   */
  tenderingPeriod?: TenderingPeriodRecord | null;
  /** The procurement before its notice, when the tender was opened as one (absent on older states). */
  planning?: PlanningFacts | null;
  /** The last release made: its key (the event id) and date. */
  lastRelease: { key: string; date: string } | null;
  releaseCount: number;
}

export function initialPublicationState(tenderId: string, buyerId: string): PublicationState {
  return {
    tenderId,
    buyerId,
    terms: null,
    publishedAt: null,
    status: 'active',
    amendments: [],
    pendingQuestions: {},
    clarifications: [],
    closedAt: null,
    openedAt: null,
    cancellation: null,
    sealed: { bids: {} },
    openedBids: null,
    compliance: {},
    awards: [],
    challenges: [],
    contract: null,
    unsuccessful: null,
    directAward: null,
    tenderingPeriod: null,
    lastRelease: null,
    releaseCount: 0,
  };
}
