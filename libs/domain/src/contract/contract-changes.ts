import type { TenderView } from '../tender/tender-view';
import {
  requireBuyerOfficer,
  requireStage,
  requireOpenedTender,
  type OpenedTender,
} from '../tender/guards';
import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import { addMonths } from './calendar-dates';
import type { ContractCommand } from './commands';
import type {
  ChangeRedFlag,
  ContractChangeApproved,
  ContractChangeNoticePublished,
  ContractChangeRequested,
} from '../tender/events/contract';
import type { ContractState } from '../tender/contract-state';
import type { ChangeThresholds } from './thresholds';

function requireContract(
  view: TenderView,
  actor: Actor,
  action: string,
): OpenedTender & { contract: ContractState } {
  const tender = requireOpenedTender(view.tender);
  requireBuyerOfficer(tender, actor, action);
  requireStage(tender, ['contracted'], action);
  return tender as OpenedTender & { contract: ContractState };
}

/** A modification or extension is requested with its justification (rule 8); another officer approves. */
export function requestContractChange(
  command: Extract<ContractCommand, { type: 'RequestContractChange' }>,
  view: TenderView,
): ContractChangeRequested[] {
  const { contract } = requireContract(view, command.actor, 'request a contract change');
  const { change } = command;
  if (Object.hasOwn(contract.changes, change.changeId)) {
    const earlier = contract.changes[change.changeId];
    const same =
      earlier.kind === change.kind &&
      earlier.description === change.description.trim() &&
      earlier.justification === change.justification.trim() &&
      earlier.addedValue.amount === change.addedValue.amount &&
      earlier.addedMonths === change.addedMonths;
    if (same) return [];
    throw new DomainError(
      'CHANGE_ID_REUSED',
      `Change id ${change.changeId} is already used by another change`,
      {
        changeId: change.changeId,
      },
    );
  }
  const currency = contract.value.currency;
  const problems: string[] = [];
  if (change.kind !== 'modification' && change.kind !== 'extension')
    problems.push('kind is modification or extension');
  if (typeof change.description !== 'string' || change.description.trim() === '')
    problems.push('a description is required');
  if (
    !change.addedValue ||
    !Number.isFinite(change.addedValue.amount) ||
    change.addedValue.currency !== currency
  ) {
    problems.push(`addedValue must be an amount in ${currency}`);
  }
  if (!Number.isInteger(change.addedMonths) || change.addedMonths < 0)
    problems.push('addedMonths must be a whole number, 0 or more');
  if (change.kind === 'extension' && !(change.addedMonths > 0))
    problems.push('an extension adds at least one month');
  if (contract.value.amount + (change.addedValue?.amount ?? 0) <= 0)
    problems.push('the contract value must stay positive');
  if (problems.length > 0) {
    throw new DomainError('INVALID_CHANGE', `Invalid contract change: ${problems.join('; ')}`, {
      problems,
    });
  }
  if (!isSubstantiveText(change.justification)) {
    throw new DomainError(
      'CHANGE_UNJUSTIFIED',
      `A contract change needs a justification of ${SUBSTANTIVE_TEXT_RULE}`,
      { changeId: change.changeId, problem: substantiveTextProblem(change.justification) },
    );
  }
  return [
    {
      type: 'ContractChangeRequested',
      data: {
        changeId: change.changeId,
        kind: change.kind,
        description: change.description.trim(),
        justification: change.justification.trim(),
        addedValue: { amount: change.addedValue.amount, currency },
        addedMonths: change.addedMonths,
        requestedBy: command.actor.userId,
        requestedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * An officer other than the requester approves; the change notice is published with it, and any
 * threshold it crosses (count, added value, added time, all cumulative) is red-flagged on the record.
 */
export function approveContractChange(
  command: Extract<ContractCommand, { type: 'ApproveContractChange' }>,
  view: TenderView,
): [ContractChangeApproved, ContractChangeNoticePublished] {
  const { contract } = requireContract(view, command.actor, 'approve a contract change');
  const { changeId, thresholds } = command;
  if (!Object.hasOwn(contract.changes, changeId)) {
    throw new DomainError('CHANGE_NOT_FOUND', `There is no contract change ${changeId}`, {
      changeId,
    });
  }
  const change = contract.changes[changeId];
  if (change.approvedBy) {
    throw new DomainError(
      'CHANGE_ALREADY_APPROVED',
      `Change ${changeId} was approved by ${change.approvedBy} on ${change.approvedAt}`,
      {
        changeId,
      },
    );
  }
  if (change.requestedBy === command.actor.userId) {
    throw new DomainError(
      'APPROVER_IS_REQUESTER',
      'A contract change must be approved by an officer other than the one who requested it',
      {
        changeId,
        requestedBy: change.requestedBy,
      },
    );
  }
  const changeNumber = contract.approvedChanges + 1;
  const value = {
    amount: contract.value.amount + change.addedValue.amount,
    currency: contract.value.currency,
  };
  const period = {
    startDate: contract.period.startDate,
    endDate: addMonths(contract.period.endDate, change.addedMonths),
  };
  const redFlags = changeRedFlags(
    contract,
    { changeNumber, value, addedMonths: change.addedMonths },
    thresholds,
  );
  const at = command.now.toISOString();
  const {
    requestedBy: _requestedBy,
    requestedAt: _requestedAt,
    approvedBy: _a,
    approvedAt: _b,
    changeNumber: _c,
    ...published
  } = change;
  return [
    {
      type: 'ContractChangeApproved',
      data: { changeId, approvedBy: command.actor.userId, approvedAt: at, redFlags },
    },
    {
      type: 'ContractChangeNoticePublished',
      data: { ...published, changeNumber, value, period, redFlags, publishedAt: at },
    },
  ];
}

function changeRedFlags(
  contract: ContractState,
  after: { changeNumber: number; value: { amount: number }; addedMonths: number },
  thresholds: ChangeThresholds,
): ChangeRedFlag[] {
  const flags: ChangeRedFlag[] = [];
  if (after.changeNumber > thresholds.maxChanges) {
    flags.push({
      code: 'CHANGE_COUNT',
      message: `This is change number ${after.changeNumber} to the contract; more than ${thresholds.maxChanges} is flagged`,
      threshold: thresholds.maxChanges,
      actual: after.changeNumber,
    });
  }
  const addedPercent =
    ((after.value.amount - contract.originalValue.amount) / contract.originalValue.amount) * 100;
  if (addedPercent > thresholds.maxAddedValuePercent) {
    flags.push({
      code: 'CHANGE_VALUE',
      message: `Changes have added ${addedPercent.toFixed(1)} % to the contract's original value; more than ${thresholds.maxAddedValuePercent} % is flagged`,
      threshold: thresholds.maxAddedValuePercent,
      actual: Math.round(addedPercent * 100) / 100,
    });
  }
  const addedMonths = monthsAdded(contract) + after.addedMonths;
  if (addedMonths > thresholds.maxAddedMonths) {
    flags.push({
      code: 'CHANGE_TIME',
      message: `Changes have added ${addedMonths} months to the contract period; more than ${thresholds.maxAddedMonths} is flagged`,
      threshold: thresholds.maxAddedMonths,
      actual: addedMonths,
    });
  }
  return flags;
}

const monthsAdded = (contract: ContractState) =>
  Object.values(contract.changes)
    .filter((change) => change.changeNumber !== undefined)
    .reduce((sum, change) => sum + change.addedMonths, 0);
