import { challengeDecider } from '../challenge/decide';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  fullyEvaluated,
  inStandstill,
  STANDSTILL_ENDS_AT,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, otherSupplier, supplier } from '../testing/notice-fixtures';
import type { ContractCommand } from './commands';
import { contractDecider } from './decide';

const CONCLUDED_AT = '2025-04-28T09:00:00.000Z';
const conclude = (
  extra: Partial<Extract<ContractCommand, { type: 'ConcludeContract' }>> = {},
): ContractCommand => ({
  type: 'ConcludeContract',
  actor: officer,
  now: new Date(CONCLUDED_AT),
  contractId: 'c-1',
  value: { amount: 200_000, currency: 'GBP' },
  period: { startDate: '2025-05-01', endDate: '2027-04-30' },
  ...extra,
});

describe('ConcludeContract (rule 7)', () => {
  const standstill = inStandstill();

  it('enters into the contract with the awarded supplier once the standstill has ended', () => {
    given(contractDecider, standstill)
      .when(conclude())
      .then([
        {
          type: 'ContractConcluded',
          data: {
            contractId: 'c-1',
            supplierId: ACME,
            value: { amount: 200_000, currency: 'GBP' },
            period: { startDate: '2025-05-01', endDate: '2027-04-30' },
            concludedAt: CONCLUDED_AT,
            concludedBy: officer.userId,
          },
        },
      ]);
  });

  it('the clock decides, whether or not StandstillEnded was recorded: STANDSTILL_NOT_ENDED', () => {
    const early = new Date(Date.parse(STANDSTILL_ENDS_AT) - 1);
    given(contractDecider, standstill)
      .when(conclude({ now: early }))
      .thenFails('STANDSTILL_NOT_ENDED', { endsAt: STANDSTILL_ENDS_AT });
    given(contractDecider, standstill)
      .when(conclude({ now: new Date(STANDSTILL_ENDS_AT) }))
      .then([expect.objectContaining({ type: 'ContractConcluded' })] as never);
  });

  it('not while a challenge suspends the award, even after the standstill: AWARD_SUSPENDED', () => {
    const challenged = after(challengeDecider, standstill, {
      type: 'LodgeChallenge',
      actor: otherSupplier,
      now: new Date('2025-04-16T10:00:00.000Z'),
      challengeId: 'ch-1',
      grounds: ['transparency-breach'],
      text: 'We were never told how price would be scored',
    });
    given(contractDecider, challenged)
      .when(conclude())
      .thenFails('AWARD_SUSPENDED', { challenges: ['ch-1'] });
  });

  it.each([
    ['a zero value', { value: { amount: 0, currency: 'GBP' } }, 'value'],
    ['another currency', { value: { amount: 200_000, currency: 'EUR' } }, 'value'],
    ['a value that is not a number', { value: { amount: Number.NaN, currency: 'GBP' } }, 'value'],
    [
      'an end before the start',
      { period: { startDate: '2025-05-01', endDate: '2025-04-30' } },
      'period',
    ],
    [
      'a date that does not exist',
      { period: { startDate: '2025-02-30', endDate: '2027-04-30' } },
      'period',
    ],
  ])('refuses %s: INVALID_CONTRACT', (_case, extra, field) => {
    given(contractDecider, standstill)
      .when(conclude(extra))
      .thenFails('INVALID_CONTRACT', { field });
  });

  it('is for officers of the buyer, in standstill, once', () => {
    given(contractDecider, standstill)
      .when(conclude({ actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED');
    given(contractDecider, standstill)
      .when(conclude({ actor: foreignOfficer }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(contractDecider, fullyEvaluated())
      .when(conclude())
      .thenFails('ILLEGAL_STAGE', { stage: 'evaluation', allowed: ['standstill'] });
    given(contractDecider, after(contractDecider, standstill, conclude()))
      .when(conclude())
      .thenFails('ILLEGAL_STAGE', { stage: 'contracted' });
  });
});
