import type { Money } from './terms';
import type { ContractChange, ContractPeriod } from './events/contract';

export interface ContractChangeState extends ContractChange {
  requestedBy: string;
  requestedAt: string;
  approvedBy?: string;
  approvedAt?: string;
  changeNumber?: number;
}

export interface ContractState {
  contractId: string;
  supplierId: string;
  /** As concluded. */
  originalValue: Money;
  originalPeriod: ContractPeriod;
  /** As it stands after approved changes. */
  value: Money;
  period: ContractPeriod;
  concludedAt: string;
  changes: Record<string, ContractChangeState>;
  approvedChanges: number;
}
