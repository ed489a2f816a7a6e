import type { Jurisdiction } from '../tender/terms';
import { assertNever } from '../shared/never';
import { addDays } from '../shared/calendar/civil-dates';
import {
  validateStandstillRules,
  type StandstillRules,
} from '../shared/calendar/working-day-rules';
import { localDateAt, startOfLocalDay } from '../shared/calendar/time-zones';
import { euWorkingDayTest, ukWorkingDayTest } from '../shared/calendar/working-days';

export {
  DEFAULT_STANDSTILL_RULES,
  validateStandstillRules,
  type StandstillRules,
} from '../shared/calendar/working-day-rules';
export { isUkWorkingDay } from '../shared/calendar/working-days';
export { ukBankHolidays } from '../shared/calendar/uk-bank-holidays';
export {
  KNOWN_UK_ONE_OFF_CHANGES,
  type UkOneOffChange,
} from '../shared/calendar/uk-bank-holidays-one-offs';

export interface StandstillPeriod {
  jurisdiction: Jurisdiction;
  /**
   * ISO instant the period begins (UTC, ms precision): the publication (UK) or notification (EU) itself,
   * from which the contract may not be entered into, even where counting starts on a later day.
   */
  startsAt: string;
  /** ISO instant the period ends: the first instant the contract may be entered into */
  endsAt: string;
  /**
   * The days counted, YYYY-MM-DD in the jurisdiction's zone, in order (8 working days UK; 10 calendar
   * days EU). EU: when the 10th day is a Saturday, Sunday or public holiday, the calendar days after it up
   * to and including the working day the period is extended to are listed too.
   */
  countedDays: string[];
  /** One sentence citing the legal basis, for the record */
  basis: string;
}

const UK_TIME_ZONE = 'Europe/London';
const UK_WORKING_DAYS = 8;
const EU_CALENDAR_DAYS = 10;

/**
 * The standstill a contract award starts (docs/rules.md#standstill-and-challenge). `notifiedAt` is when the contract award
 * notice was published (UK) or the award decision was sent electronically (EU). Throws a plain `Error`
 * for invalid rules or an invalid date.
 */
export function standstillPeriod(
  jurisdiction: Jurisdiction,
  notifiedAt: Date,
  rules: StandstillRules,
): StandstillPeriod {
  if (!(notifiedAt instanceof Date) || Number.isNaN(notifiedAt.getTime())) {
    throw new Error('Standstill needs a valid notification date');
  }
  validateStandstillRules(rules);
  switch (jurisdiction) {
    case 'uk-pa-2023':
      return ukStandstill(notifiedAt, rules);
    case 'eu-remedies':
      return euStandstill(notifiedAt, rules);
    default:
      return assertNever(jurisdiction);
  }
}

/**
 * Procurement Act 2023 s.51: eight working days "beginning with the day on which the contract award
 * notice is published". A notice published on a non-working day starts counting at the next working day;
 * the period runs to the end of the eighth, in UK local time.
 */
function ukStandstill(notifiedAt: Date, rules: StandstillRules): StandstillPeriod {
  const isWorkingDay = ukWorkingDayTest(rules);
  const countedDays: string[] = [];
  let day = localDateAt(notifiedAt.getTime(), UK_TIME_ZONE);
  while (countedDays.length < UK_WORKING_DAYS) {
    if (isWorkingDay(day)) countedDays.push(day);
    day = addDays(day, 1);
  }
  const lastDay = countedDays[countedDays.length - 1];
  return {
    jurisdiction: 'uk-pa-2023',
    startsAt: notifiedAt.toISOString(),
    endsAt: new Date(startOfLocalDay(addDays(lastDay, 1), UK_TIME_ZONE)).toISOString(),
    countedDays,
    basis:
      `Procurement Act 2023 s.51: ${UK_WORKING_DAYS} working days (as s.123 defines them) beginning ` +
      `with the day the contract award notice was published, ending at the end of ${lastDay} ` +
      `(${UK_TIME_ZONE}).`,
  };
}

/**
 * Remedies Directive 89/665/EEC Art. 2a(2), electronic notification: at least 10 calendar days "with
 * effect from the day following the date on which the contract award decision is sent". Regulation
 * (EEC, Euratom) No 1182/71 Art. 3(4): a period whose last day is a Saturday, Sunday or public holiday
 * ends with the last hour of the following working day.
 */
function euStandstill(notifiedAt: Date, rules: StandstillRules): StandstillPeriod {
  const zone = rules.euTimeZone;
  const isWorkingDay = euWorkingDayTest(rules);
  const firstDay = addDays(localDateAt(notifiedAt.getTime(), zone), 1);
  const countedDays = Array.from({ length: EU_CALENDAR_DAYS }, (_, index) =>
    addDays(firstDay, index),
  );
  let lastDay = countedDays[countedDays.length - 1];
  while (!isWorkingDay(lastDay)) {
    lastDay = addDays(lastDay, 1);
    countedDays.push(lastDay);
  }
  const extended = countedDays.length > EU_CALENDAR_DAYS;
  return {
    jurisdiction: 'eu-remedies',
    startsAt: notifiedAt.toISOString(),
    endsAt: new Date(startOfLocalDay(addDays(lastDay, 1), zone)).toISOString(),
    countedDays,
    basis:
      `Directive 89/665/EEC Art. 2a(2): ${EU_CALENDAR_DAYS} calendar days from the day after the award ` +
      `decision was sent electronically, ` +
      (extended
        ? 'extended under Regulation (EEC, Euratom) No 1182/71 Art. 3(4) as the tenth day fell on a ' +
          'Saturday, Sunday or public holiday, '
        : '') +
      `ending at the end of ${lastDay} (${zone}).`,
  };
}
