import { DomainError } from '../shared/domain-error';
import type { ContractState } from '../tender/contract-state';
import {
  SCHEDULE_8_GROUNDS,
  type ContractChange,
  type ModificationBasis,
} from '../tender/events/contract';

/** The tests Fairtender computes for each basis of Procurement Act 2023 s.74(1). */
export type ModificationTest =
  /** s.74(3)(a): the term moves by no more than 10 % of the maximum term provided for on award. */
  | 'term-within-10-percent-of-maximum-term'
  /** s.74(4)-(5): the value moves by no more than 10 % (goods, services) or 15 % (works), in aggregate. */
  | 'value-within-10-percent'
  | 'value-within-15-percent'
  /** Sch. 8 paras 4, 5, 7: the value rises by no more than 50 %. */
  | 'value-increase-within-50-percent';

export interface ModificationTestFailure {
  test: ModificationTest;
  basis: ModificationBasis;
  /** The percentage the test allows, and the one the change comes to with every earlier change. */
  limit: number;
  actual: number;
  reference: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Works contracts: CPV division 45 (construction work). Goods and services otherwise. */
export const isWorksContract = (cpvCodes: readonly string[]) =>
  cpvCodes.some((code) => code.startsWith('45'));

/** Changes whose notice was published before this one (the ones that count towards the aggregate). */
const earlierChanges = (contract: ContractState, changeId: string) =>
  Object.values(contract.changes).filter(
    (change) => change.changeNumber !== undefined && change.changeId !== changeId,
  );

/**
 * The one test of the change's basis that fails, computed over this change and every earlier one
 * (cumulatively, so that a term or value cannot be moved lawfully in slices), or undefined. What the
 * law leaves to judgement — material change of scope or economic balance (s.74(3)(b)-(c)), the facts
 * behind a Schedule 8 ground — is the officer's declaration, recorded with the change and published.
 */
export function failedModificationTest(
  contract: ContractState,
  change: Pick<ContractChange, 'changeId' | 'addedMonths' | 'addedValue'> & {
    basis: ModificationBasis;
  },
  cpvCodes: readonly string[],
): ModificationTestFailure | undefined {
  const earlier = earlierChanges(contract, change.changeId);
  const months = earlier.reduce((sum, c) => sum + c.addedMonths, change.addedMonths);
  const value = earlier.reduce((sum, c) => sum + c.addedValue.amount, change.addedValue.amount);
  const original = contract.originalValue.amount;
  const valuePercent = round2((Math.abs(value) / original) * 100);
  const { basis } = change;
  switch (basis.kind) {
    case 'not-substantial': {
      const termPercent = round2((Math.abs(months) / contract.maximumTermMonths) * 100);
      return termPercent > 10
        ? {
            test: 'term-within-10-percent-of-maximum-term',
            basis,
            limit: 10,
            actual: termPercent,
            reference: 'Procurement Act 2023 s.74(3)(a)',
          }
        : undefined;
    }
    case 'below-threshold': {
      const works = isWorksContract(cpvCodes);
      const limit = works ? 15 : 10;
      return valuePercent > limit
        ? {
            test: works ? 'value-within-15-percent' : 'value-within-10-percent',
            basis,
            limit,
            actual: valuePercent,
            reference: 'Procurement Act 2023 s.74(4)-(5)',
          }
        : undefined;
    }
    case 'permitted': {
      const cap = SCHEDULE_8_GROUNDS[basis.ground].valueCapPercent;
      const increase = earlier.reduce(
        (sum, c) => sum + Math.max(0, c.addedValue.amount),
        Math.max(0, change.addedValue.amount),
      );
      const increasePercent = round2((increase / original) * 100);
      return cap !== null && increasePercent > cap
        ? {
            test: 'value-increase-within-50-percent',
            basis,
            limit: cap,
            actual: increasePercent,
            reference: `Procurement Act 2023 ${SCHEDULE_8_GROUNDS[basis.ground].schedule8}`,
          }
        : undefined;
    }
    case 'not-stated':
      return undefined;
    default: {
      const _never: never = basis;
      return undefined;
    }
  }
}

export function refuseUnlawful(failure: ModificationTestFailure | undefined, changeId: string) {
  if (!failure) return;
  throw new DomainError(
    'MODIFICATION_NOT_PERMITTED',
    `The change is not permitted on the basis stated (${failure.reference}): ${failure.test} fails, ${failure.actual} % against at most ${failure.limit} %, counting every earlier change`,
    { changeId, ...failure, basis: { ...failure.basis } },
  );
}

/** A basis a request may state; `not-stated` exists only on upcast v1 changes. */
export function basisProblem(basis: unknown): string | undefined {
  const b = basis as ModificationBasis | undefined;
  if (!b || typeof b !== 'object')
    return 'basis is required: permitted, not-substantial or below-threshold';
  switch (b.kind) {
    case 'permitted':
      return Object.hasOwn(SCHEDULE_8_GROUNDS, b.ground)
        ? undefined
        : `basis.ground is one of ${Object.keys(SCHEDULE_8_GROUNDS).join(', ')}`;
    case 'not-substantial':
      return b.declaresNoMaterialChange === true
        ? undefined
        : 'basis.declaresNoMaterialChange must be true: no material change of scope or economic balance in the supplier’s favour (s.74(3)(b)-(c))';
    case 'below-threshold':
      return undefined;
    default:
      return 'basis.kind is permitted, not-substantial or below-threshold';
  }
}

export function copyBasis(basis: ModificationBasis): ModificationBasis {
  switch (basis.kind) {
    case 'permitted':
      return { kind: 'permitted', ground: basis.ground };
    case 'not-substantial':
      return { kind: 'not-substantial', declaresNoMaterialChange: true };
    default:
      return { kind: basis.kind };
  }
}
