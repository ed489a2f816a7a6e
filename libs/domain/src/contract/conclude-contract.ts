import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireOpenedTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import { awardedPrice, formatMoney } from './awarded-price';
import { isCalendarDate } from './calendar-dates';
import type { ContractCommand } from './commands';
import type { ContractConcluded } from '../tender/events/contract';

/**
 * The contract is entered into with the awarded supplier, only after the standstill has ended and
 * with no challenge open (rule 7). The server clock decides, whether or not the scheduler has run.
 * The contract is the award: the supplier whose tender won (Procurement Act 2023 s.19(1)), at the
 * price it tendered. A contract at another price would be a modification made before the contract
 * existed, outside the change route and its rules (s.74 and Schedule 8, the change notice of s.75;
 * Directive 2014/24/EU Art. 72).
 */
export function concludeContract(
  command: Extract<ContractCommand, { type: 'ConcludeContract' }>,
  view: TenderView,
): [ContractConcluded] {
  const tender = requireOpenedTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'conclude the contract');
  requireStage(tender, ['standstill'], 'conclude the contract');
  const award = tender.award.awarded!;
  if (award.suspendedBy.length > 0) {
    throw new DomainError(
      'AWARD_SUSPENDED',
      `The award is suspended by challenge(s) ${award.suspendedBy.join(', ')} until they are resolved`,
      { challenges: [...award.suspendedBy] },
    );
  }
  const endsAt = award.standstill?.endsAt;
  if (!endsAt || command.now.getTime() < Date.parse(endsAt)) {
    throw new DomainError(
      'STANDSTILL_NOT_ENDED',
      `The contract may be entered into from ${endsAt}, when the standstill ends`,
      {
        endsAt: endsAt ?? null,
      },
    );
  }
  const { period } = command;
  const awarded = awardedPrice(tender);
  const value = command.value ?? awarded;
  const { currency } = awarded;
  if (!Number.isFinite(value.amount) || value.amount <= 0 || value.currency !== currency) {
    throw new DomainError(
      'INVALID_CONTRACT',
      `The contract value must be a positive amount in ${currency}, the awarded price's currency`,
      {
        field: 'value',
      },
    );
  }
  if (value.amount !== awarded.amount) {
    throw new DomainError(
      'CONTRACT_VALUE_MISMATCH',
      `The contract is the award: its value is the awarded price, ${formatMoney(awarded)}, not ${formatMoney(value)}. Leave value out to take the awarded price; a later change goes through /contract/changes`,
      { value: { ...value }, awardedValue: { ...awarded }, supplierId: award.supplierId },
    );
  }
  if (
    !period ||
    !isCalendarDate(period.startDate) ||
    !isCalendarDate(period.endDate) ||
    period.endDate < period.startDate
  ) {
    throw new DomainError(
      'INVALID_CONTRACT',
      'The contract period needs a start and an end date (YYYY-MM-DD), the end not before the start',
      {
        field: 'period',
      },
    );
  }
  return [
    {
      type: 'ContractConcluded',
      data: {
        contractId: command.contractId,
        supplierId: award.supplierId,
        value: { amount: awarded.amount, currency: awarded.currency },
        period: { startDate: period.startDate, endDate: period.endDate },
        concludedAt: command.now.toISOString(),
        concludedBy: command.actor.userId,
      },
    },
  ];
}
