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

/** A tender folded from its stream. `stage: 'none'` until it is opened (`planning`) or drafted. */
export interface TenderState {
  stage: TenderStage;
  tenderId?: string;
  buyerOrganisationId?: string;
  /** The procurement before its notice (docs/planning.md); absent on tenders drafted without one. */
  planning?: PlanningState;
  terms?: NoticeTerms;
  /** 0 while a draft; 1 when published; +1 per amendment. */
  noticeVersion: number;
  publishedAt?: string;
  lastAmendedAt?: string;
  /** The statutory minimum tendering period as last recorded (publication, or an amendment of the deadline). */
  tenderingPeriod?: TenderingPeriodRecord;
  sealingKey?: { keyId: string; wrappedKey: string };
  clarifications: Record<string, Clarification>;
  /** Set when the clarification period was closed; cleared when an amendment moves its deadline. */
  clarificationPeriodClosedAt?: string;
  closedAt?: string;
  /** The first officer's confirmation, waiting for a second officer. */
  openingConfirmation?: { officerId: string; confirmedAt: string };
  openedAt?: string;
  openedBy?: [string, string];
  openedBidStreams?: BidStreamHead[];
  cancelledAt?: string;
  cancellationReason?: string;
  evaluation: EvaluationState;
  /** A proposal waiting for a second officer's confirmation (rules 4 and 5). */
  pendingAward?: AwardProposal;
  award?: AwardState;
  challenges: Record<string, ChallengeState>;
  unsuccessful?: { reason: string; declaredAt: string };
  contract?: ContractState;
}

export const initialTenderState = (): TenderState => ({
  stage: 'none',
  noticeVersion: 0,
  clarifications: {},
  evaluation: initialEvaluationState(),
  challenges: {},
});
