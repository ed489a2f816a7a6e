import { ValidateBy, type ValidationArguments } from 'class-validator';
import {
  DEFAULT_CHANGE_THRESHOLDS,
  DEFAULT_STANDSTILL_RULES,
  validateStandstillRules,
  type ChangeThresholds,
  type StandstillRules,
} from '@fairtender/domain';

/** The variables that shape the standstill calendars and the contract-change red flags. */
export interface AwardVariables {
  STANDSTILL_UK_EXTRA_BANK_HOLIDAYS?: string;
  STANDSTILL_UK_REMOVED_BANK_HOLIDAYS?: string;
  STANDSTILL_EU_TIME_ZONE: string;
  STANDSTILL_EU_PUBLIC_HOLIDAYS?: string;
  CONTRACT_CHANGE_MAX_CHANGES: number;
  CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT: number;
  CONTRACT_CHANGE_MAX_ADDED_MONTHS: number;
}

/** `2026-05-04, 2026-05-05` → the dates; unset or blank → none. */
export function dateList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((date) => date.trim())
    .filter((date) => date !== '');
}

/**
 * The standstill calendars: the UK dates configured are added to (or removed from) the built-in
 * calendar, which already holds every known one-off proclamation; the EU zone and holidays are the
 * member state's.
 */
export function standstillRulesFrom(env: AwardVariables): StandstillRules {
  return {
    ukExtraBankHolidays: [
      ...new Set([
        ...DEFAULT_STANDSTILL_RULES.ukExtraBankHolidays,
        ...dateList(env.STANDSTILL_UK_EXTRA_BANK_HOLIDAYS),
      ]),
    ],
    ukRemovedBankHolidays: [
      ...new Set([
        ...DEFAULT_STANDSTILL_RULES.ukRemovedBankHolidays,
        ...dateList(env.STANDSTILL_UK_REMOVED_BANK_HOLIDAYS),
      ]),
    ],
    euTimeZone: env.STANDSTILL_EU_TIME_ZONE ?? DEFAULT_STANDSTILL_RULES.euTimeZone,
    euPublicHolidays: dateList(env.STANDSTILL_EU_PUBLIC_HOLIDAYS),
  };
}

export function changeThresholdsFrom(env: AwardVariables): ChangeThresholds {
  return {
    maxChanges: env.CONTRACT_CHANGE_MAX_CHANGES ?? DEFAULT_CHANGE_THRESHOLDS.maxChanges,
    maxAddedValuePercent:
      env.CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT ?? DEFAULT_CHANGE_THRESHOLDS.maxAddedValuePercent,
    maxAddedMonths:
      env.CONTRACT_CHANGE_MAX_ADDED_MONTHS ?? DEFAULT_CHANGE_THRESHOLDS.maxAddedMonths,
  };
}

/** What `validateStandstillRules` says about the rules, or undefined when they hold. */
function problemWith(rules: StandstillRules): string | undefined {
  try {
    validateStandstillRules(rules);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid standstill rules: /, '');
  }
}

/**
 * Each variable checked on its own against the defaults (so the message names the one to fix); the
 * removed UK dates are also checked against the whole calendar, where a date can clash with an added one.
 */
function standstillProblem(
  property: keyof AwardVariables,
  env: AwardVariables,
): string | undefined {
  const own = (rules: Partial<StandstillRules>) =>
    problemWith({ ...DEFAULT_STANDSTILL_RULES, ...rules });
  switch (property) {
    case 'STANDSTILL_UK_EXTRA_BANK_HOLIDAYS':
      return own({ ukExtraBankHolidays: dateList(env.STANDSTILL_UK_EXTRA_BANK_HOLIDAYS) });
    case 'STANDSTILL_UK_REMOVED_BANK_HOLIDAYS':
      return (
        own({ ukRemovedBankHolidays: dateList(env.STANDSTILL_UK_REMOVED_BANK_HOLIDAYS) }) ??
        (standstillProblem('STANDSTILL_UK_EXTRA_BANK_HOLIDAYS', env) === undefined
          ? problemWith(standstillRulesFrom(env))
          : undefined)
      );
    case 'STANDSTILL_EU_TIME_ZONE':
      return own({ euTimeZone: env.STANDSTILL_EU_TIME_ZONE });
    case 'STANDSTILL_EU_PUBLIC_HOLIDAYS':
      return own({ euPublicHolidays: dateList(env.STANDSTILL_EU_PUBLIC_HOLIDAYS) });
    default:
      return undefined;
  }
}

/** A standstill variable that `validateStandstillRules` accepts; the message names the variable. */
export function ValidStandstillRule(): PropertyDecorator {
  return ValidateBy({
    name: 'validStandstillRule',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        args === undefined ||
        standstillProblem(args.property as keyof AwardVariables, args.object as AwardVariables) ===
          undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property}: ${standstillProblem(
          args?.property as keyof AwardVariables,
          args?.object as AwardVariables,
        )}`,
    },
  });
}
