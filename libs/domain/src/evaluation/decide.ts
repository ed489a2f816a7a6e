import {
  initialTenderView,
  evolveTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import { acceptPanelMembership } from './accept-panel-membership';
import { appointPanel } from './appoint-panel';
import type { EvaluationCommand } from './commands';
import { confirmModeration } from './confirm-moderation';
import { declareConflict } from './declare-conflict';
import type { EvaluationTenderEvent, EvaluatorEvent } from '../tender/events/evaluation';
import { moderateScore } from './moderate-score';
import { recordCompliance } from './record-compliance';
import { scoreBid } from './score-bid';
import { submitEvaluation } from './submit-evaluation';

/** Decides an evaluation command on the tender across its streams. Pure. */
export function decideEvaluation(
  command: EvaluationCommand,
  view: TenderView,
): (EvaluationTenderEvent | EvaluatorEvent)[] {
  switch (command.type) {
    case 'RecordCompliance':
      return recordCompliance(command, view);
    case 'AppointPanel':
      return appointPanel(command, view);
    case 'AcceptPanelMembership':
      return acceptPanelMembership(command, view);
    case 'DeclareConflict':
      return declareConflict(command, view);
    case 'ScoreBid':
      return scoreBid(command, view);
    case 'SubmitEvaluation':
      return submitEvaluation(command, view);
    case 'ModerateScore':
      return moderateScore(command, view);
    case 'ConfirmModeration':
      return confirmModeration(command, view);
    default:
      return assertNever(command);
  }
}

export const evaluationDecider: Decider<EvaluationCommand, TenderViewEvent, TenderView> = {
  initialState: initialTenderView,
  evolve: evolveTenderView,
  decide: decideEvaluation,
};
