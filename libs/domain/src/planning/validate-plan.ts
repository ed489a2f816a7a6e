import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import {
  isDirectAwardRouteGround,
  DIRECT_AWARD_ROUTE_GROUNDS,
} from '../tender/direct-award-grounds';
import type { AppraisedOption, ProcurementPlan, ProcurementRoute } from '../tender/events/planning';
import { JURISDICTIONS, PROCEDURES, type Money } from '../tender/terms';

const CPV = /^\d{8}-\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('INVALID_PROCUREMENT', `Invalid procurement: ${message}`, { field, ...details });

export function requireDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const date = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw invalid(field, `${field} must be a date YYYY-MM-DD`);
  }
  return value as string;
}

export function requireSubstantive(value: unknown, field: string): string {
  if (!isSubstantiveText(value)) {
    throw invalid(field, `${field} needs ${SUBSTANTIVE_TEXT_RULE}`);
  }
  return (value as string).trim();
}

export function requireMoney(value: Money | undefined, field: string): Money {
  if (
    !value ||
    !Number.isFinite(value.amount) ||
    value.amount <= 0 ||
    typeof value.currency !== 'string' ||
    !/^[A-Z]{3}$/.test(value.currency)
  ) {
    throw invalid(field, `${field} must be a positive amount with an ISO 4217 currency`);
  }
  return { amount: value.amount, currency: value.currency };
}

export function validateRoute(
  route: ProcurementRoute | undefined,
  jurisdiction: string,
): ProcurementRoute {
  if (route?.kind === 'competitive') {
    if (!(PROCEDURES as readonly string[]).includes(route.procedure)) {
      throw invalid('route.procedure', `procedure must be one of ${PROCEDURES.join(', ')}`);
    }
    return { kind: 'competitive', procedure: route.procedure };
  }
  if (route?.kind === 'direct-award') {
    // PA 2023 s.41(1): a direct award only where a Schedule 5 justification applies.
    if (!isDirectAwardRouteGround(route.ground)) {
      throw new DomainError(
        'INVALID_LEGAL_GROUND',
        `A direct award needs one of the grounds of PA 2023 Schedule 5: ${Object.keys(DIRECT_AWARD_ROUTE_GROUNDS).join(', ')}`,
        { ground: route.ground, allowed: Object.keys(DIRECT_AWARD_ROUTE_GROUNDS) },
      );
    }
    if (jurisdiction !== 'uk-pa-2023') {
      throw new DomainError(
        'PROCEDURE_NOT_AVAILABLE',
        'A direct award planned as a route is modelled on PA 2023 s.41 only',
        { jurisdiction },
      );
    }
    if (typeof route.supplierId !== 'string' || route.supplierId.trim() === '') {
      throw invalid('route.supplierId', 'a direct award names its supplier');
    }
    return { kind: 'direct-award', ground: route.ground, supplierId: route.supplierId };
  }
  throw invalid('route', "route.kind must be 'competitive' or 'direct-award'");
}

/**
 * The options appraisal names every supplier and solution considered, each kept or dropped with a
 * reason; at least one option is kept, and a direct award's supplier is among those kept.
 */
export function validateAppraisal(
  options: AppraisedOption[] | undefined,
  route: ProcurementRoute,
): AppraisedOption[] {
  if (!Array.isArray(options) || options.length === 0) {
    throw invalid('optionsAppraisal', 'the options appraisal names at least one option');
  }
  const checked = options.map((option, index) => {
    if (typeof option?.option !== 'string' || option.option.trim() === '') {
      throw invalid(`optionsAppraisal[${index}].option`, 'each option is named');
    }
    if (option.decision !== 'kept' && option.decision !== 'dropped') {
      throw invalid(`optionsAppraisal[${index}].decision`, "decision is 'kept' or 'dropped'");
    }
    const reason = requireSubstantive(option.reason, `optionsAppraisal[${index}].reason`);
    return {
      option: option.option.trim(),
      ...(option.supplierId ? { supplierId: option.supplierId } : {}),
      decision: option.decision,
      reason,
    };
  });
  if (!checked.some((option) => option.decision === 'kept')) {
    throw invalid('optionsAppraisal', 'at least one option is kept');
  }
  if (
    route.kind === 'direct-award' &&
    !checked.some((o) => o.decision === 'kept' && o.supplierId === route.supplierId)
  ) {
    throw invalid(
      'optionsAppraisal',
      `the direct award's supplier ${route.supplierId} must be an option the appraisal kept`,
    );
  }
  return checked;
}

export function validatePlan(plan: ProcurementPlan): ProcurementPlan {
  const need = requireSubstantive(plan?.need, 'need');
  const estimatedValue = requireMoney(plan.estimatedValue, 'estimatedValue');
  if (
    !Array.isArray(plan.cpvCodes) ||
    plan.cpvCodes.length === 0 ||
    !plan.cpvCodes.every((code) => typeof code === 'string' && CPV.test(code))
  ) {
    throw invalid('cpvCodes', 'cpvCodes holds at least one code like 35125300-2');
  }
  if (!(JURISDICTIONS as readonly string[]).includes(plan.jurisdiction)) {
    throw invalid('jurisdiction', `jurisdiction must be one of ${JURISDICTIONS.join(', ')}`);
  }
  const route = validateRoute(plan.route, plan.jurisdiction);
  const optionsAppraisal = validateAppraisal(plan.optionsAppraisal, route);
  return {
    need,
    estimatedValue,
    cpvCodes: [...plan.cpvCodes],
    jurisdiction: plan.jurisdiction,
    route,
    optionsAppraisal,
    ...(plan.replacesTenderId ? { replacesTenderId: plan.replacesTenderId } : {}),
    ...(plan.incumbentSupplierId ? { incumbentSupplierId: plan.incumbentSupplierId } : {}),
  };
}
