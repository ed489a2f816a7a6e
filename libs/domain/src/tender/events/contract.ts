import type { Money } from '../terms';
import type { DomainEvent } from '../../shared/domain-event';

export interface ContractPeriod {
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, inclusive */
  endDate: string;
}

export type ContractConcluded = DomainEvent<
  'ContractConcluded',
  {
    contractId: string;
    supplierId: string;
    value: Money;
    period: ContractPeriod;
    concludedAt: string;
    concludedBy: string;
  }
>;

export type ContractChangeKind = 'modification' | 'extension';

export interface ContractChange {
  changeId: string;
  kind: ContractChangeKind;
  description: string;
  justification: string;
  /** May be 0; negative for a reduction. Same currency as the contract. */
  addedValue: Money;
  /** Whole months added to the contract period (0 for a modification that adds no time). */
  addedMonths: number;
}

export type ContractChangeRequested = DomainEvent<
  'ContractChangeRequested',
  ContractChange & { requestedBy: string; requestedAt: string }
>;

/** A red flag raised by a change past a configured threshold (rule 8). */
export interface ChangeRedFlag {
  code: 'CHANGE_COUNT' | 'CHANGE_VALUE' | 'CHANGE_TIME';
  message: string;
  threshold: number;
  actual: number;
}

export type ContractChangeApproved = DomainEvent<
  'ContractChangeApproved',
  { changeId: string; approvedBy: string; approvedAt: string; redFlags: ChangeRedFlag[] }
>;

/** The public change notice (PA 2023 ss.75–76): what changed, why, and the contract as it now stands. */
export type ContractChangeNoticePublished = DomainEvent<
  'ContractChangeNoticePublished',
  ContractChange & {
    changeNumber: number;
    value: Money;
    period: ContractPeriod;
    redFlags: ChangeRedFlag[];
    publishedAt: string;
  }
>;

export type ContractEvent =
  | ContractConcluded
  | ContractChangeRequested
  | ContractChangeApproved
  | ContractChangeNoticePublished;
