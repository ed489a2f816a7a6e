import type { ContractEvent } from '../events/contract';
import type { TenderState } from '../state';

/** Folds the contract and its changes; an event of a newer version of the code leaves it as it is. */
export function evolveContract(state: TenderState, event: ContractEvent): TenderState {
  switch (event.type) {
    case 'ContractConcluded': {
      const { contractId, supplierId, value, period, concludedAt } = event.data;
      return {
        ...state,
        stage: 'contracted',
        contract: {
          contractId,
          supplierId,
          originalValue: value,
          originalPeriod: period,
          value,
          period,
          concludedAt,
          changes: {},
          approvedChanges: 0,
        },
      };
    }
    case 'ContractChangeRequested': {
      const { contract } = state;
      if (!contract) return state;
      const change = { ...event.data };
      return {
        ...state,
        contract: { ...contract, changes: { ...contract.changes, [change.changeId]: change } },
      };
    }
    case 'ContractChangeApproved': {
      const { contract } = state;
      if (!contract || !Object.hasOwn(contract.changes, event.data.changeId)) return state;
      const { changeId, approvedBy, approvedAt } = event.data;
      const change = { ...contract.changes[changeId], approvedBy, approvedAt };
      return {
        ...state,
        contract: { ...contract, changes: { ...contract.changes, [changeId]: change } },
      };
    }
    case 'ContractChangeNoticePublished': {
      const { contract } = state;
      if (!contract || !Object.hasOwn(contract.changes, event.data.changeId)) return state;
      const { changeId, changeNumber, value, period } = event.data;
      const change = { ...contract.changes[changeId], changeNumber };
      return {
        ...state,
        contract: {
          ...contract,
          value,
          period,
          approvedChanges: changeNumber,
          changes: { ...contract.changes, [changeId]: change },
        },
      };
    }
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
