import { DomainError } from '../shared/domain-error';
import { isIsoInstant, toMs } from '../shared/time';
import { requireText } from '../tender/guards';
import { isCivilDate } from '../shared/calendar/civil-dates';
import { termMonths } from '../tender/contract-term';
import { procedureFloors } from './tendering-period';
import { validateReducedPeriod } from './validate-reduced-period';
import { copyReducedPeriod } from './validate-reduced-period';
import {
  JURISDICTIONS,
  PRICE_SCORING_METHODS,
  PROCEDURES,
  type AwardCriterion,
  type ContractTerm,
  type Money,
  type NoticeTerms,
} from '../tender/terms';

/** Weights are summed in ten-thousandths, so 33.3 + 33.3 + 33.4 is exactly 100 despite binary floats. */
const WEIGHT_SCALE = 10_000;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Checks the terms' structure and internal consistency (not against the clock: that is for publication)
 * and returns a copy holding only the fields of `NoticeTerms`, fit to be stored in an event.
 */
export function validateTerms(terms: NoticeTerms): NoticeTerms {
  if (terms === null || typeof terms !== 'object') invalid('terms', 'are missing');
  requireText(terms.title, 'title');
  if (typeof terms.description !== 'string') invalid('description', 'must be text');
  if (!Array.isArray(terms.cpvCodes) || !terms.cpvCodes.every((code) => isText(code))) {
    invalid('cpvCodes', 'must be a list of CPV codes');
  }
  validateMoney(terms.estimatedValue);
  if (!(PROCEDURES as readonly string[]).includes(terms.procedure)) {
    invalid('procedure', `must be one of ${PROCEDURES.join(', ')}`);
  }
  validateCriteria(terms.awardCriteria);
  const scale = terms.scoringScale;
  if (
    !scale ||
    !Number.isFinite(scale.min) ||
    !Number.isFinite(scale.max) ||
    scale.min >= scale.max
  ) {
    invalid('scoringScale', 'needs finite numbers with min below max', {
      min: scale?.min,
      max: scale?.max,
    });
  }
  if (
    terms.priceScoring !== undefined &&
    !(PRICE_SCORING_METHODS as readonly string[]).includes(terms.priceScoring)
  ) {
    invalid('priceScoring', `must be one of ${PRICE_SCORING_METHODS.join(', ')}`);
  }
  requireInteger(terms.minimumBids, 2, 'minimumBids');
  requireInteger(terms.evaluatorCount, 2, 'evaluatorCount');
  requireInteger(terms.minimumResponseDays, 1, 'minimumResponseDays');
  validateDeadlines(terms);
  if (!(JURISDICTIONS as readonly string[]).includes(terms.jurisdiction)) {
    invalid('jurisdiction', `must be one of ${JURISDICTIONS.join(', ')}`);
  }
  if (terms.electronicSubmission !== undefined && typeof terms.electronicSubmission !== 'boolean') {
    invalid('electronicSubmission', 'must be true or false');
  }
  if (terms.contractTerm !== undefined) validateContractTerm(terms.contractTerm);
  const floors = procedureFloors(terms.jurisdiction, terms.procedure);
  if (terms.reducedTenderingPeriod !== undefined) {
    validateReducedPeriod(terms.reducedTenderingPeriod, floors, terms.jurisdiction);
  }
  return copyTerms(terms);
}

function validateMoney(value: Money): void {
  if (
    !value ||
    typeof value.amount !== 'number' ||
    !Number.isFinite(value.amount) ||
    value.amount < 0
  ) {
    invalid('estimatedValue.amount', 'must be a finite amount of at least 0');
  }
  if (typeof value.currency !== 'string' || !CURRENCY.test(value.currency)) {
    invalid('estimatedValue.currency', 'must be an ISO 4217 code of 3 upper-case letters', {
      currency: value.currency,
    });
  }
}

function validateCriteria(criteria: AwardCriterion[]): void {
  if (!Array.isArray(criteria) || criteria.length === 0) {
    invalid('awardCriteria', 'must list at least one criterion');
  }
  const seen = new Set<string>();
  let total = 0;
  criteria.forEach((criterion, index) => {
    const field = `awardCriteria[${index}]`;
    if (!isText(criterion?.id)) invalid(`${field}.id`, 'must not be empty');
    if (seen.has(criterion.id)) {
      invalid('awardCriteria', `has the id '${criterion.id}' twice`, { duplicate: criterion.id });
    }
    seen.add(criterion.id);
    if (!isText(criterion.name)) invalid(`${field}.name`, 'must not be empty');
    if (criterion.kind !== 'quality' && criterion.kind !== 'price') {
      invalid(`${field}.kind`, "must be 'quality' or 'price'");
    }
    const scaled = criterion.weight * WEIGHT_SCALE;
    if (typeof criterion.weight !== 'number' || !Number.isFinite(scaled) || criterion.weight <= 0) {
      invalid(`${field}.weight`, 'must be a number above 0', { weight: criterion.weight });
    }
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      invalid(`${field}.weight`, 'may have at most 4 decimal places', { weight: criterion.weight });
    }
    total += Math.round(scaled);
  });
  if (total !== 100 * WEIGHT_SCALE) {
    const sum = total / WEIGHT_SCALE;
    throw new DomainError(
      'CRITERIA_WEIGHTS_NOT_100',
      `The award criteria weights sum to ${sum}, not 100`,
      { sum },
    );
  }
  const priced = criteria.filter((criterion) => criterion.kind === 'price').map((c) => c.id);
  if (priced.length > 1) {
    invalid('awardCriteria', 'may have at most one price criterion', { priceCriteria: priced });
  }
}

function validateDeadlines(terms: NoticeTerms): void {
  for (const field of ['clarificationDeadline', 'submissionDeadline'] as const) {
    if (!isIsoInstant(terms[field])) {
      invalid(field, 'must be an ISO 8601 date-time with a time zone', { value: terms[field] });
    }
  }
  const { clarificationDeadline, submissionDeadline } = terms;
  if (toMs(clarificationDeadline) >= toMs(submissionDeadline)) {
    throw new DomainError(
      'DEADLINES_OUT_OF_ORDER',
      `The clarification deadline ${clarificationDeadline} must come before the submission deadline ${submissionDeadline}`,
      { clarificationDeadline, submissionDeadline },
    );
  }
}

function requireInteger(value: number, minimum: number, field: string): void {
  if (!Number.isInteger(value) || value < minimum) {
    invalid(field, `must be a whole number of at least ${minimum}`, { value });
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function invalid(field: string, problem: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('INVALID_NOTICE', `Invalid notice: ${field} ${problem}`, {
    field,
    ...details,
  });
}

function copyTerms(terms: NoticeTerms): NoticeTerms {
  return {
    title: terms.title,
    description: terms.description,
    cpvCodes: [...terms.cpvCodes],
    estimatedValue: {
      amount: terms.estimatedValue.amount,
      currency: terms.estimatedValue.currency,
    },
    procedure: terms.procedure,
    awardCriteria: terms.awardCriteria.map(({ id, name, weight, kind }) => ({
      id,
      name,
      weight,
      kind,
    })),
    scoringScale: { min: terms.scoringScale.min, max: terms.scoringScale.max },
    ...(terms.priceScoring === undefined ? {} : { priceScoring: terms.priceScoring }),
    minimumBids: terms.minimumBids,
    evaluatorCount: terms.evaluatorCount,
    clarificationDeadline: terms.clarificationDeadline,
    submissionDeadline: terms.submissionDeadline,
    minimumResponseDays: terms.minimumResponseDays,
    jurisdiction: terms.jurisdiction,
    ...(terms.electronicSubmission === undefined
      ? {}
      : { electronicSubmission: terms.electronicSubmission }),
    ...(terms.reducedTenderingPeriod === undefined
      ? {}
      : { reducedTenderingPeriod: copyReducedPeriod(terms.reducedTenderingPeriod) }),
    ...(terms.contractTerm === undefined
      ? {}
      : {
          contractTerm: {
            startDate: terms.contractTerm.startDate,
            endDate: terms.contractTerm.endDate,
            maximumTermMonths: terms.contractTerm.maximumTermMonths,
          },
        }),
  };
}

/** The contract's period, and a maximum term that covers it (extension options add to it). */
function validateContractTerm(term: ContractTerm): void {
  if (
    !term ||
    !isCivilDate(term.startDate) ||
    !isCivilDate(term.endDate) ||
    term.endDate < term.startDate
  ) {
    invalid(
      'contractTerm',
      'needs a startDate and an endDate (YYYY-MM-DD), the end not before the start',
    );
  }
  const initial = termMonths(term.startDate, term.endDate);
  if (!Number.isInteger(term.maximumTermMonths) || term.maximumTermMonths < initial) {
    invalid(
      'contractTerm.maximumTermMonths',
      `must be whole months covering at least the initial period (${initial})`,
      { initialMonths: initial },
    );
  }
}
