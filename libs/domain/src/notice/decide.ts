import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import { amendNotice } from './amend-notice';
import { cancelTender } from './cancel-tender';
import { answerClarification, askClarification } from './clarifications';
import { closeClarificationPeriod } from './close-clarification-period';
import { closeTendering } from './close-tendering';
import type { NoticeCommand } from './commands';
import { confirmBidOpening } from './confirm-bid-opening';
import { draftTender, reviseDraft } from './draft-tender';
import type { NoticeEvent } from '../tender/events/notice';
import { evolveTender } from '../tender/evolve';
import { publishTender } from './publish-tender';
import { initialTenderState, type TenderState } from '../tender/state';

/** Decides a command on the tender stream: the events to append, or a DomainError. Pure. */
export function decideTender(command: NoticeCommand, state: TenderState): NoticeEvent[] {
  switch (command.type) {
    case 'DraftTender':
      return draftTender(command, state);
    case 'ReviseDraft':
      return reviseDraft(command, state);
    case 'PublishTender':
      return publishTender(command, state);
    case 'AmendNotice':
      return amendNotice(command, state);
    case 'CancelTender':
      return cancelTender(command, state);
    case 'AskClarification':
      return askClarification(command, state);
    case 'AnswerClarification':
      return answerClarification(command, state);
    case 'CloseTendering':
      return closeTendering(command, state);
    case 'CloseClarificationPeriod':
      return closeClarificationPeriod(command, state);
    case 'ConfirmBidOpening':
      return confirmBidOpening(command, state);
    default:
      return assertNever(command);
  }
}

export const tenderDecider: Decider<NoticeCommand, NoticeEvent, TenderState> = {
  initialState: initialTenderState,
  evolve: evolveTender,
  decide: decideTender,
};
