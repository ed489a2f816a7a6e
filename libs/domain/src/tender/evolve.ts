import type { TenderState } from './state';
import type { TenderEvent } from './tender-events';
import { evolveAward } from './evolve/award';
import { evolveChallenge } from './evolve/challenge';
import { evolveContract } from './evolve/contract';
import { evolveEvaluation } from './evolve/evaluation';
import { evolveNotice } from './evolve/notice';
import { evolvePlanning, evolvePlanningOnPanel } from './evolve/planning';

/**
 * Folds one tender-stream event into the state: every event type is routed to the stage slice that
 * owns it, by name. A type missing here does not compile; an event of newer code leaves the state.
 */
export function evolveTender(state: TenderState, event: TenderEvent): TenderState {
  switch (event.type) {
    case 'ProcurementOpened':
    case 'ProcurementPlanRevised':
    case 'StrategyApproved':
    case 'EngagementNoticePublished':
    case 'SupplierEngagementRecorded':
    case 'EngagementMaterialShared':
    case 'ConflictsAssessmentRevised':
    case 'TransparencyNoticePublished':
      return evolvePlanning(state, event);
    case 'TenderDrafted':
    case 'DraftRevised':
    case 'TenderPublished':
    case 'BidSealingKeyIssued':
    case 'NoticeAmended':
    case 'TenderCancelled':
    case 'ClarificationRequested':
    case 'ClarificationAnswered':
    case 'TenderingClosed':
    case 'ClarificationPeriodClosed':
    case 'BidOpeningConfirmed':
    case 'BidsOpened':
      return evolveNotice(state, event);
    case 'EvaluationPanelAppointed':
      // The appointment also revises the procurement's conflicts assessment (PA 2023 s.83).
      return evolvePlanningOnPanel(evolveEvaluation(state, event), event);
    case 'BidComplianceRecorded':
    case 'PanelMembershipAccepted':
    case 'ScoreModerated':
    case 'ScoreModerationRequested':
    case 'ScoreModerationConfirmed':
    case 'EvaluationReopened':
      return evolveEvaluation(state, event);
    case 'AwardConfirmationRequested':
    case 'AwardProposed':
    case 'AssessmentSummaryIssued':
    case 'StandstillStarted':
    case 'StandstillEnded':
    case 'TenderDeclaredUnsuccessful':
      return evolveAward(state, event);
    case 'ChallengeLodged':
    case 'AwardSuspended':
    case 'ChallengeResolved':
    case 'AwardSuspensionLifted':
      return evolveChallenge(state, event);
    case 'ContractConcluded':
    case 'ContractChangeRequested':
    case 'ContractChangeApproved':
    case 'ContractChangeNoticePublished':
      return evolveContract(state, event);
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
