export * from './shared/actor';
export { isIsoInstant } from './shared/time';
export { assertNever } from './shared/never';
export * from './shared/error-codes';
export * from './shared/error-descriptions';
export * from './shared/domain-error';
export * from './shared/domain-event';
export * from './shared/stream-names';
export * from './tender/event-schemas';
export * from './tender/terms';
export * from './tender/tendering-period-record';
export * from './notice/tendering-period';
export * from './notice/statutory-periods';
export * from './tender/events/notice';
export * from './notice/commands';
export * from './tender/state';
export * from './tender/flat-tender';
export { evolveNotice } from './tender/evolve/notice';
export { decideTender, tenderDecider } from './notice/decide';
export { validateTerms } from './notice/validate-terms';
export * from './tender/bid-content';
export * from './tender/events/bidding';
export * from './bidding/commands';
export * from './tender/bid-state';
export { evolveBid, evolveBidDecision } from './tender/evolve/bid';
export { decideBid, bidDecider, initialBidDecisionState } from './bidding/decide';
export { validateBidContent } from './bidding/validate-content';
export { isLate, lateBid, requireBidder, requireTendering } from './bidding/rules';
export * from './tender/events/access';
export * from './tender/events/sandbox';
export * from './access/read-access';
export * from './shared/substantive-text';
export * from './tender/tender-events';
export * from './tender/tender-view';
export { evolveTender } from './tender/evolve';
export * from './tender/events/evaluation';
export * from './evaluation/commands';
export * from './tender/evaluation-state';
export * from './tender/exclusion-reasons';
export * from './tender/bids-under-evaluation';
export * from './tender/rule-violations';
export { requireBuyerEvaluator, requirePanelMember } from './evaluation/guards';
export * from './evaluation/evaluator-workload';
export { evolveSheet, foldSheet } from './tender/evolve/sheet';
export { decideEvaluation, evaluationDecider } from './evaluation/decide';
export * from './tender/events/award';
export * from './award/commands';
export * from './tender/award-state';
export * from './tender/direct-award-grounds';
export * from './award/standstill';
export { rankBids, priceFraction } from './award/ranking';
export { moderationOutcome, type ModerationOutcome } from './award/moderated-ranking';
export { checkAward } from './award/award-guard';
export { decideAward, awardDecider } from './award/decide';
export * from './tender/events/challenge';
export * from './challenge/commands';
export * from './tender/challenge-state';
export * from './tender/challenge-grounds';
export { decideChallenge, challengeDecider } from './challenge/decide';
export * from './tender/events/contract';
export * from './contract/commands';
export * from './tender/contract-state';
export * from './contract/thresholds';
export { isCalendarDate, addMonths } from './contract/calendar-dates';
export { decideContract, contractDecider } from './contract/decide';
export { voluntaryStandstillEnd } from './contract/contract-changes';
export * from './contract/contract-view';
export {
  kpiDueDates,
  dueAssessments,
  assessmentOverdueAt,
  checkpointMissedAt,
} from './contract/performance';
export {
  failedModificationTest,
  isWorksContract,
  type ModificationTest,
  type ModificationTestFailure,
} from './contract/lawful-modification';
export { termMonths } from './tender/contract-term';
export * from './integrity/thresholds';
export * from './integrity/red-flag-codes';
export * from './integrity/report';
export { integrityReport } from './integrity/integrity-report';
export { isProcurementForSameNeed } from './integrity/contract-flags';
export { coverageMatrix, characterCount } from './integrity/coverage';
export * from './tender/events/planning';
export * from './tender/planning-state';
export * from './tender/planning-rules';
export type { PlanningCommand } from './planning/commands';
export { decidePlanning, planningDecider } from './planning/decide';
export { evolvePlanning } from './tender/evolve/planning';
