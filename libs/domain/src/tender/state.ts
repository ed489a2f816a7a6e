import type { AwardProposal } from './events/award';
import type { AwardState } from './award-state';
import type { ChallengeState } from './challenge-state';
import type { ContractState } from './contract-state';
import { initialEvaluationState, type EvaluationState } from './evaluation-state';
import type { BidStreamHead } from './events/notice';
import type { TenderingPeriodRecord } from './tendering-period-record';
import type { NoticeTerms } from './terms';
import type { PlanningState } from './planning-state';

export type TenderStage =
  | 'none'
  | 'planning'
  | 'draft'
  | 'tendering'
  | 'closed'
  | 'evaluation'
  | 'standstill'
  | 'contracted'
  | 'unsuccessful'
  | 'cancelled';

/** Stages after tendering closed: deadline jobs that run again there have nothing left to do. */
export const STAGES_AFTER_CLOSING: readonly TenderStage[] = [
  'closed',
  'evaluation',
  'standstill',
  'contracted',
  'unsuccessful',
];

export interface Clarification {
  questionId: string;
  question: string;
  supplierId: string;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
}

/** The notice stage: the terms as published and amended, and the clarifications asked and answered. */
export interface NoticeState {
  terms?: NoticeTerms;
  /** 0 while a draft; 1 when published; +1 per amendment. */
  version: number;
  publishedAt?: string;
  lastAmendedAt?: string;
  /** The statutory minimum tendering period as last recorded (publication, or an amendment of the deadline). */
  tenderingPeriod?: TenderingPeriodRecord;
  clarifications: Record<string, Clarification>;
  /** Set when the clarification period was closed; cleared when an amendment moves its deadline. */
  clarificationPeriodClosedAt?: string;
  cancelled?: { at: string; reason: string };
}

/** Sealed bidding and its opening: the sealing key, the close, and the two officers who opened. */
export interface OpeningState {
  sealingKey?: { keyId: string; wrappedKey: string };
  closedAt?: string;
  /** The first officer's confirmation, waiting for a second officer. */
  confirmation?: { officerId: string; confirmedAt: string };
  openedAt?: string;
  openedBy?: [string, string];
  /** The bid streams and their heads as anchored at opening. */
  bidStreams?: BidStreamHead[];
}

/** The award stage: a proposal waiting for a second officer, the award, or the tender's failure. */
export interface AwardSlice {
  /** A proposal waiting for a second officer's confirmation (rules 4 and 5). */
  pending?: AwardProposal;
  awarded?: AwardState;
  unsuccessful?: { reason: string; declaredAt: string };
}

/**
 * A tender folded from its streams, one slice per stage (docs/architecture.md, "The tender aggregate").
 * `stage: 'none'` until it is opened (`planning`) or drafted.
 */
export interface TenderState {
  stage: TenderStage;
  tenderId?: string;
  buyerOrganisationId?: string;
  /** The procurement before its notice (docs/planning.md); absent on tenders drafted without one. */
  planning?: PlanningState;
  notice: NoticeState;
  opening: OpeningState;
  evaluation: EvaluationState;
  award: AwardSlice;
  challenges: Record<string, ChallengeState>;
  contract?: ContractState;
}

export const initialTenderState = (): TenderState => ({
  stage: 'none',
  notice: { version: 0, clarifications: {} },
  opening: {},
  evaluation: initialEvaluationState(),
  award: {},
  challenges: {},
});
