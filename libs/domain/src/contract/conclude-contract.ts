import type { TenderView } from '../lifecycle/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../notice/guards';
import { DomainError } from '../shared/domain-error';
import { isCalendarDate } from './calendar-dates';
import type { ContractCommand } from './commands';
import type { ContractConcluded } from './events';

/**
 * The contract is entered into with the awarded supplier, only after the standstill has ended and
 * with no challenge open (rule 7). The server clock decides, whether or not the scheduler has run.
 */
export function concludeContract(
  command: Extract<ContractCommand, { type: 'ConcludeContract' }>,
  view: TenderView,
): [ContractConcluded] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'conclude the contract');
  requireStage(tender, ['standstill'], 'conclude the contract');
  const award = tender.award!;
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
  const { value, period } = command;
  const currency = tender.terms.estimatedValue.currency;
  if (
    !value ||
    !Number.isFinite(value.amount) ||
    value.amount <= 0 ||
    value.currency !== currency
  ) {
    throw new DomainError(
      'INVALID_CONTRACT',
      `The contract value must be a positive amount in ${currency}`,
      {
        field: 'value',
      },
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
        value: { amount: value.amount, currency },
        period: { startDate: period.startDate, endDate: period.endDate },
        concludedAt: command.now.toISOString(),
        concludedBy: command.actor.userId,
      },
    },
  ];
}
