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
import { requireAuditPlan } from './audit-plan';
import {
  basisProblem,
  copyBasis,
  failedModificationTest,
  refuseUnlawful,
} from './lawful-modification';
import { isSystemActor } from '../shared/actor';
import { addDays } from '../shared/calendar/civil-dates';
import { localDateAt, startOfLocalDay } from '../shared/calendar/time-zones';
import { ukWorkingDayTest } from '../shared/calendar/working-days';
import {
  DEFAULT_STANDSTILL_RULES,
  type StandstillRules,
} from '../shared/calendar/working-day-rules';
import type { ContractCommand } from './commands';
import type {
  ChangeRedFlag,
  ContractChangeApproved,
  ContractChangeNoticePublished,
  ContractChangeRequested,
  ContractChangeTookEffect,
} from '../tender/events/contract';
import type { ContractState } from '../tender/contract-state';
import type { ChangeThresholds } from './thresholds';

/** What the contract buys: the notice's CPV codes, or the plan's on a direct award with no notice. */
const cpvCodesOf = (tender: OpenedTender): readonly string[] =>
  tender.notice.terms?.cpvCodes ?? tender.planning?.plan.cpvCodes ?? [];

export function requireContract(
  view: TenderView,
  actor: Actor,
  action: string,
): OpenedTender & { contract: ContractState } {
  const tender = requireOpenedTender(view.tender);
  requireBuyerOfficer(tender, actor, action);
  return requireLiveContract(tender, action);
}

/** A concluded contract not terminated (s.80: nothing is recorded on it after termination). */
export function requireLiveContract(
  tender: OpenedTender,
  action: string,
): OpenedTender & { contract: ContractState } {
  requireStage(tender, ['contracted'], action);
  const { contract } = tender as OpenedTender & { contract: ContractState };
  if (contract.terminated) {
    throw new DomainError(
      'CONTRACT_TERMINATED',
      `Cannot ${action}: the contract was terminated on ${contract.terminated.terminatedAt}`,
      { terminatedAt: contract.terminated.terminatedAt, reason: contract.terminated.reason },
    );
  }
  return tender as OpenedTender & { contract: ContractState };
}

/** A modification or extension is requested with its justification (rule 8); another officer approves. */
export function requestContractChange(
  command: Extract<ContractCommand, { type: 'RequestContractChange' }>,
  view: TenderView,
): ContractChangeRequested[] {
  const tender = requireContract(view, command.actor, 'request a contract change');
  const { contract } = tender;
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
  const basisIssue = basisProblem(change.basis);
  if (basisIssue) problems.push(basisIssue);
  if (change.voluntaryStandstill !== undefined && typeof change.voluntaryStandstill !== 'boolean')
    problems.push('voluntaryStandstill is true or false');
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
  // Issue 15: no extension, and no change of a pilot, without an audit plan.
  const extends_ = change.kind === 'extension' || change.addedMonths > 0;
  const auditPlan =
    extends_ || contract.pilot || change.auditPlan !== undefined
      ? requireAuditPlan(
          change.auditPlan,
          contract.kpis,
          extends_ ? 'A change that extends the term' : 'A change of a pilot contract',
          new Set(Object.keys(contract.checkpoints)),
        )
      : undefined;
  const basis = copyBasis(change.basis!);
  refuseUnlawful(
    failedModificationTest(contract, { ...change, basis }, cpvCodesOf(tender)),
    change.changeId,
  );
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
        basis,
        ...(auditPlan ? { auditPlan } : {}),
        ...(change.voluntaryStandstill === true ? { voluntaryStandstill: true } : {}),
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
  const tender = requireContract(view, command.actor, 'approve a contract change');
  const { contract } = tender;
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
  // Checked again: a change approved since the request may have used up what the law allows.
  if (change.basis && change.basis.kind !== 'not-stated') {
    refuseUnlawful(
      failedModificationTest(contract, { ...change, basis: change.basis }, cpvCodesOf(tender)),
      changeId,
    );
  }
  const changeNumber = contract.approvedChanges + 1;
  // As it will stand: after every change published before, in force or still in its standstill.
  const latest = latestTerms(contract);
  const value = {
    amount: latest.value.amount + change.addedValue.amount,
    currency: contract.value.currency,
  };
  const period = {
    startDate: latest.period.startDate,
    endDate: addMonths(latest.period.endDate, change.addedMonths),
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
    redFlags: _r,
    changeNumber: _c,
    standstillEndsAt: _d,
    effectiveAt: _e,
    valueAfter: _f,
    periodAfter: _g,
    ...published
  } = change;
  // s.75: the change notice is published before the change takes effect; s.76: with a voluntary
  // standstill of 8 working days beginning with the day of publication, it takes effect after it.
  const standstillEndsAt = change.voluntaryStandstill
    ? voluntaryStandstillEnd(command.now, command.standstillRules ?? DEFAULT_STANDSTILL_RULES)
    : undefined;
  return [
    {
      type: 'ContractChangeApproved',
      data: { changeId, approvedBy: command.actor.userId, approvedAt: at, redFlags },
    },
    {
      type: 'ContractChangeNoticePublished',
      data: {
        ...published,
        changeNumber,
        value,
        period,
        redFlags,
        publishedAt: at,
        ...(standstillEndsAt ? { standstillEndsAt } : {}),
      },
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

/** The contract as the latest published change notice left it (in force or in its standstill). */
function latestTerms(contract: ContractState) {
  let latest: { value: ContractState['value']; period: ContractState['period'] } = contract;
  let number = 0;
  for (const change of Object.values(contract.changes)) {
    if (change.changeNumber !== undefined && change.changeNumber > number && change.valueAfter) {
      number = change.changeNumber;
      latest = { value: change.valueAfter, period: change.periodAfter! };
    }
  }
  return latest;
}

const UK_TIME_ZONE = 'Europe/London';
const VOLUNTARY_STANDSTILL_WORKING_DAYS = 8;

/**
 * Procurement Act 2023 s.76: a voluntary standstill of 8 working days (s.123) beginning with the day
 * the contract change notice is published; it ends at the end of the 8th, UK time.
 */
export function voluntaryStandstillEnd(publishedAt: Date, rules: StandstillRules): string {
  const isWorkingDay = ukWorkingDayTest(rules);
  let day = localDateAt(publishedAt.getTime(), UK_TIME_ZONE);
  let counted = 0;
  let last = day;
  while (counted < VOLUNTARY_STANDSTILL_WORKING_DAYS) {
    if (isWorkingDay(day)) {
      counted += 1;
      last = day;
    }
    day = addDays(day, 1);
  }
  return new Date(startOfLocalDay(addDays(last, 1), UK_TIME_ZONE)).toISOString();
}

/** The scheduler: a change whose voluntary standstill has ended takes effect (s.76). */
export function bringChangeIntoEffect(
  command: Extract<ContractCommand, { type: 'BringChangeIntoEffect' }>,
  view: TenderView,
): ContractChangeTookEffect[] {
  if (!isSystemActor(command.actor)) {
    throw new DomainError('ROLE_NOT_ALLOWED', 'Only the scheduler brings a change into effect', {
      role: command.actor.role,
      allowed: ['system'],
    });
  }
  const tender = requireOpenedTender(view.tender);
  const { contract } = requireLiveContract(tender, 'bring a change into effect');
  const change = Object.hasOwn(contract.changes, command.changeId)
    ? contract.changes[command.changeId]
    : undefined;
  if (!change) {
    throw new DomainError('CHANGE_NOT_FOUND', `There is no contract change ${command.changeId}`, {
      changeId: command.changeId,
    });
  }
  if (change.effectiveAt) return [];
  if (!change.standstillEndsAt || change.changeNumber === undefined) {
    throw new DomainError(
      'CHANGE_NOT_IN_STANDSTILL',
      `Change ${command.changeId} has no voluntary standstill waiting to end`,
      { changeId: command.changeId },
    );
  }
  if (command.now.getTime() < Date.parse(change.standstillEndsAt)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `The voluntary standstill of change ${command.changeId} ends at ${change.standstillEndsAt}`,
      { deadline: change.standstillEndsAt },
    );
  }
  return [
    {
      type: 'ContractChangeTookEffect',
      data: {
        changeId: change.changeId,
        changeNumber: change.changeNumber,
        value: { ...change.valueAfter! },
        period: { ...change.periodAfter! },
        at: command.now.toISOString(),
      },
    },
  ];
}
