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
import { approveContractChange, requestContractChange } from './contract-changes';
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
    default:
      return assertNever(command);
  }
}

export const contractDecider: Decider<ContractCommand, TenderViewEvent, TenderView> = {
  initialState: initialTenderView,
  evolve: evolveTenderView,
  decide: decideContract,
};
