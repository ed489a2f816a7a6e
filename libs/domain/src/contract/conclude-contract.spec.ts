import { challengeDecider } from '../challenge/decide';
import { given } from '../shared/testing';
import { awardDecider } from '../award/decide';
import { DEFAULT_STANDSTILL_RULES } from '../award/standstill';
import {
  ACME,
  after,
  AWARD_NOW,
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

  describe('the contract is the award', () => {
    it('refuses a value other than the awarded price, naming both: CONTRACT_VALUE_MISMATCH', () => {
      const error = given(contractDecider, standstill)
        .when(conclude({ value: { amount: 2_000_000, currency: 'GBP' } }))
        .thenFails('CONTRACT_VALUE_MISMATCH', {
          value: { amount: 2_000_000, currency: 'GBP' },
          awardedValue: { amount: 200_000, currency: 'GBP' },
          supplierId: ACME,
        });
      expect(error.message).toContain('GBP 200000');
      expect(error.message).toContain('GBP 2000000');
      given(contractDecider, standstill)
        .when(conclude({ value: { amount: 199_999.99, currency: 'GBP' } }))
        .thenFails('CONTRACT_VALUE_MISMATCH');
    });

    it('takes the awarded price when the value is left out', () => {
      const { value: _left, ...withoutValue } = conclude() as Extract<
        ContractCommand,
        { type: 'ConcludeContract' }
      >;
      given(contractDecider, standstill)
        .when(withoutValue)
        .then([
          expect.objectContaining({
            data: expect.objectContaining({
              supplierId: ACME,
              value: { amount: 200_000, currency: 'GBP' },
            }),
          }),
        ] as never);
    });

    it('a direct award is concluded at the awarded bid’s price too', () => {
      const directlyAwarded = after(awardDecider, fullyEvaluated({ bids: [ACME] }), {
        type: 'ProposeDirectAward',
        actor: officer,
        now: AWARD_NOW,
        supplierId: ACME,
        ground: 'extreme-urgency',
        justification: 'The current cameras fail in June and no other supplier can deliver by then',
        standstillRules: DEFAULT_STANDSTILL_RULES,
      });
      given(contractDecider, directlyAwarded)
        .when(conclude({ value: { amount: 2_000_000, currency: 'GBP' } }))
        .thenFails('CONTRACT_VALUE_MISMATCH', {
          awardedValue: { amount: 200_000, currency: 'GBP' },
        });
      given(contractDecider, directlyAwarded)
        .when(conclude())
        .then([
          expect.objectContaining({
            data: expect.objectContaining({ value: { amount: 200_000, currency: 'GBP' } }),
          }),
        ] as never);
    });
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
