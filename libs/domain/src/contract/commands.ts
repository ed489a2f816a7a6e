import type { Money } from '../tender/terms';
import type { Actor } from '../shared/actor';
import type { ContractChange, ContractPeriod } from '../tender/events/contract';
import type { ChangeThresholds } from './thresholds';

interface CommandBase {
  actor: Actor;
  now: Date;
}

export type ContractCommand =
  | (CommandBase & {
      type: 'ConcludeContract';
      contractId: string;
      /** The awarded price when absent; when given, it must be the awarded price. */
      value?: Money;
      period: ContractPeriod;
    })
  | (CommandBase & { type: 'RequestContractChange'; change: ContractChange })
  /** `thresholds` come from configuration; the flags they raise are recorded with the approval. */
  | (CommandBase & {
      type: 'ApproveContractChange';
      changeId: string;
      thresholds: ChangeThresholds;
    });
