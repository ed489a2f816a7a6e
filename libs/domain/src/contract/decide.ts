import {
  evolveTenderView,
  initialTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import type { ContractCommand } from './commands';
import { concludeContract } from './conclude-contract';
import {
  approveContractChange,
  bringChangeIntoEffect,
  requestContractChange,
} from './contract-changes';
import {
  markAssessmentOverdue,
  markCheckpointMissed,
  recordOversightReview,
  recordPerformanceAssessment,
} from './performance';
import { terminateContract } from './terminate-contract';
import type { ContractEvent } from '../tender/events/contract';

/** Decides a contract command on the tender across its streams. Pure. */
export function decideContract(command: ContractCommand, view: TenderView): ContractEvent[] {
  switch (command.type) {
    case 'ConcludeContract':
      return concludeContract(command, view);
    case 'RequestContractChange':
      return requestContractChange(command, view);
    case 'ApproveContractChange':
      return approveContractChange(command, view);
    case 'BringChangeIntoEffect':
      return bringChangeIntoEffect(command, view);
    case 'RecordPerformanceAssessment':
      return recordPerformanceAssessment(command, view);
    case 'MarkAssessmentOverdue':
      return markAssessmentOverdue(command, view);
    case 'RecordOversightReview':
      return recordOversightReview(command, view);
    case 'MarkCheckpointMissed':
      return markCheckpointMissed(command, view);
    case 'TerminateContract':
      return terminateContract(command, view);
    default:
      return assertNever(command);
  }
}

export const contractDecider: Decider<ContractCommand, TenderViewEvent, TenderView> = {
  initialState: initialTenderView,
  evolve: evolveTenderView,
  decide: decideContract,
};
