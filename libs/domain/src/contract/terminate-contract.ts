import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import {
  TERMINATION_REASONS,
  type ContractTerminated,
  type ContractTerminationNoticePublished,
} from '../tender/events/contract';
import type { ContractCommand } from './commands';
import { requireContract } from './contract-changes';

/**
 * An officer of the buyer terminates the contract with a reason; the contract termination notice is
 * published with it (Procurement Act 2023 s.80, UK11). Its KPIs and jobs close: nothing falls due after.
 */
export function terminateContract(
  command: Extract<ContractCommand, { type: 'TerminateContract' }>,
  view: TenderView,
): [ContractTerminated, ContractTerminationNoticePublished] {
  const { contract } = requireContract(view, command.actor, 'terminate the contract');
  if (!(TERMINATION_REASONS as readonly string[]).includes(command.reason)) {
    throw new DomainError(
      'INVALID_CONTRACT',
      `The termination reason is one of ${TERMINATION_REASONS.join(', ')}`,
      { field: 'reason', allowed: [...TERMINATION_REASONS] },
    );
  }
  if (!isSubstantiveText(command.details)) {
    throw new DomainError(
      'INVALID_CONTRACT',
      `A termination states its details in ${SUBSTANTIVE_TEXT_RULE}`,
      { field: 'details' },
    );
  }
  const at = command.now.toISOString();
  const details = command.details.trim();
  return [
    {
      type: 'ContractTerminated',
      data: {
        contractId: contract.contractId,
        reason: command.reason,
        details,
        terminatedBy: command.actor.userId,
        terminatedAt: at,
      },
    },
    {
      type: 'ContractTerminationNoticePublished',
      data: {
        contractId: contract.contractId,
        supplierId: contract.supplierId,
        reason: command.reason,
        details,
        value: { ...contract.value },
        period: { ...contract.period },
        publishedAt: at,
      },
    },
  ];
}
