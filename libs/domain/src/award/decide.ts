import {
  evolveTenderView,
  initialTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import type { AwardCommand } from './commands';
import { declareUnsuccessful } from './declare-unsuccessful';
import { endStandstill } from './end-standstill';
import type { AwardEvent } from '../tender/events/award';
import { confirmAward, proposeAward, proposeDirectAward } from './propose-award';

/** Decides an award command on the tender across its streams. Pure. */
export function decideAward(command: AwardCommand, view: TenderView): AwardEvent[] {
  switch (command.type) {
    case 'ProposeAward':
      return proposeAward(command, view);
    case 'ProposeDirectAward':
      return proposeDirectAward(command, view);
    case 'ConfirmAward':
      return confirmAward(command, view);
    case 'DeclareUnsuccessful':
      return declareUnsuccessful(command, view);
    case 'EndStandstill':
      return endStandstill(command, view);
    default:
      return assertNever(command);
  }
}

export const awardDecider: Decider<AwardCommand, TenderViewEvent, TenderView> = {
  initialState: initialTenderView,
  evolve: evolveTenderView,
  decide: decideAward,
};
