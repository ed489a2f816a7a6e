import { addDays, civilDateToUtcMs } from '../shared/calendar/civil-dates';
import { DEFAULT_STANDSTILL_RULES } from '../shared/calendar/working-day-rules';
import { localDateAt, startOfLocalDay } from '../shared/calendar/time-zones';
import { euWorkingDayTest } from '../shared/calendar/working-days';
import { DomainError } from '../shared/domain-error';
import { assertNever } from '../shared/never';
import { isoAt, toMs } from '../shared/time';
import {
  PRIOR_NOTICE_WINDOWS,
  STATUTORY_FLOORS,
  type PeriodRule,
  type ProcedureFloors,
} from './statutory-periods';
import type { TenderingPeriodRecord } from '../tender/tendering-period-record';
import type { Jurisdiction, NoticeTerms, Procedure, ReducedPeriodGround } from '../tender/terms';

const DAY_MS = 24 * 60 * 60 * 1000;
const UK_TIME_ZONE = 'Europe/London';

/** The minimum periods of a procedure, or PROCEDURE_NOT_AVAILABLE where the jurisdiction has none. */
export function procedureFloors(jurisdiction: Jurisdiction, procedure: Procedure): ProcedureFloors {
  const floors = STATUTORY_FLOORS[jurisdiction]?.[procedure];
  if (!floors) {
    const available = Object.keys(STATUTORY_FLOORS[jurisdiction] ?? {});
    throw new DomainError(
      'PROCEDURE_NOT_AVAILABLE',
      `The ${procedure} procedure is not available under ${jurisdiction}; it has ${available.join(', ')}`,
      { jurisdiction, procedure, available },
    );
  }
  return floors;
}

/**
 * Refuses a notice whose tendering period, from `publishedAt` to its submission deadline, is below the
 * statutory minimum for its jurisdiction and procedure (TENDERING_PERIOD_TOO_SHORT), and a reduced
 * period whose ground does not hold; returns what to record.
 */
export function requireTenderingPeriod(
  terms: NoticeTerms,
  publishedAt: string,
): TenderingPeriodRecord {
  const floors = procedureFloors(terms.jurisdiction, terms.procedure);
  const normal =
    terms.electronicSubmission === false ? floors.normal.otherwise : floors.normal.electronic;
  const deadline = toMs(terms.submissionDeadline);
  const givenDays = daysGiven(terms.jurisdiction, publishedAt, deadline);
  const normalEarliest = earliestDeadline(terms.jurisdiction, publishedAt, normal.days);
  const claim = terms.reducedTenderingPeriod;
  if (deadline >= normalEarliest || !claim) {
    if (deadline < normalEarliest) tooShort(normal, givenDays, normalEarliest, terms);
    return {
      floorDays: normal.days,
      source: normal.source,
      givenDays,
      earliestDeadline: isoAt(normalEarliest),
    };
  }
  const rule = floors.reduced[claim.ground];
  if (!rule) {
    // validateTerms already refuses a ground the jurisdiction does not list; kept for a direct caller.
    throw new DomainError(
      'REDUCED_PERIOD_NOT_JUSTIFIED',
      `A reduced tendering period on the ground '${claim.ground}' is not available for this procedure`,
      { ground: claim.ground, available: Object.keys(floors.reduced) },
    );
  }
  requirePriorNotice(terms.jurisdiction, claim.ground, claim.priorNoticePublishedAt, publishedAt);
  const reducedEarliest = earliestDeadline(terms.jurisdiction, publishedAt, rule.days);
  if (deadline < reducedEarliest) tooShort(rule, givenDays, reducedEarliest, terms);
  return {
    floorDays: rule.days,
    source: rule.source,
    givenDays,
    earliestDeadline: isoAt(reducedEarliest),
    reduced: {
      ground: claim.ground,
      justification: claim.justification,
      ...(claim.priorNoticePublishedAt
        ? { priorNoticePublishedAt: claim.priorNoticePublishedAt }
        : {}),
      normalFloorDays: normal.days,
      normalSource: normal.source,
    },
  };
}

/**
 * The first instant a submission deadline may fall on. UK: the minimum is counted in days beginning
 * with the day the tender notice is published (UK local time), to the end of the last day. EU:
 * Regulation (EEC, Euratom) No 1182/71, which Directive 2014/24/EU recital 106 applies to its time
 * limits: the day of publication does not count (Art. 3(1)), the period ends with the last hour of its
 * last day (Art. 3(2)(b)), moved to the next working day when that day is a Saturday, Sunday or public
 * holiday (Art. 3(4)).
 */
export function earliestDeadline(
  jurisdiction: Jurisdiction,
  publishedAt: string,
  days: number,
): number {
  const publishedMs = toMs(publishedAt);
  switch (jurisdiction) {
    case 'uk-pa-2023': {
      const first = localDateAt(publishedMs, UK_TIME_ZONE);
      return startOfLocalDay(addDays(first, days), UK_TIME_ZONE);
    }
    case 'eu-remedies': {
      const zone = DEFAULT_STANDSTILL_RULES.euTimeZone;
      const isWorkingDay = euWorkingDayTest(DEFAULT_STANDSTILL_RULES);
      let last = addDays(localDateAt(publishedMs, zone), days);
      while (!isWorkingDay(last)) last = addDays(last, 1);
      return startOfLocalDay(addDays(last, 1), zone);
    }
    default:
      return assertNever(jurisdiction);
  }
}

/**
 * The whole days that have ended by the deadline, counted from the first day `earliestDeadline` counts
 * (UK: the publication day; EU: the day after), so a deadline gives at least N days exactly when it
 * falls no earlier than the end of the Nth.
 */
export function daysGiven(
  jurisdiction: Jurisdiction,
  publishedAt: string,
  deadlineMs: number,
): number {
  const zone = jurisdiction === 'uk-pa-2023' ? UK_TIME_ZONE : DEFAULT_STANDSTILL_RULES.euTimeZone;
  const publicationDay = localDateAt(toMs(publishedAt), zone);
  const first = jurisdiction === 'uk-pa-2023' ? publicationDay : addDays(publicationDay, 1);
  const deadlineDay = localDateAt(deadlineMs, zone);
  return Math.max(
    0,
    Math.round((civilDateToUtcMs(deadlineDay) - civilDateToUtcMs(first)) / DAY_MS),
  );
}

function requirePriorNotice(
  jurisdiction: Jurisdiction,
  ground: ReducedPeriodGround,
  priorNoticePublishedAt: string | undefined,
  publishedAt: string,
): void {
  const window = PRIOR_NOTICE_WINDOWS[ground];
  if (!window) return;
  const zone = jurisdiction === 'uk-pa-2023' ? UK_TIME_ZONE : DEFAULT_STANDSTILL_RULES.euTimeZone;
  const noticeDay = localDateAt(toMs(publishedAt), zone);
  const latest = addDays(noticeDay, -window.minDays);
  const earliest = yearsBefore(noticeDay, window.maxYears);
  const priorDay = priorNoticePublishedAt && localDateAt(toMs(priorNoticePublishedAt), zone);
  if (!priorDay || priorDay > latest || priorDay < earliest) {
    throw new DomainError(
      'REDUCED_PERIOD_NOT_JUSTIFIED',
      `A ${ground} allows a reduced period only if published between ${window.minDays} days and ${window.maxYears} year before the notice (${window.source}): between ${earliest} and ${latest}`,
      { ground, priorNoticePublishedAt, earliest, latest, source: window.source },
    );
  }
}

function yearsBefore(date: string, years: number): string {
  const [year, month, day] = date.split('-');
  const shifted = `${Number(year) - years}-${month}-${day}`;
  // 29 February a year back is 28 February.
  return month === '02' && day === '29' ? shifted.replace(/-29$/, '-28') : shifted;
}

function tooShort(
  rule: PeriodRule,
  givenDays: number,
  earliest: number,
  terms: NoticeTerms,
): never {
  throw new DomainError(
    'TENDERING_PERIOD_TOO_SHORT',
    `The tendering period gives ${givenDays} days; ${rule.source} requires at least ${rule.days} days for the ${terms.procedure} procedure: the earliest submission deadline is ${isoAt(earliest)}`,
    {
      floorDays: rule.days,
      givenDays,
      source: rule.source,
      procedure: terms.procedure,
      jurisdiction: terms.jurisdiction,
      submissionDeadline: terms.submissionDeadline,
      earliestDeadline: isoAt(earliest),
      ...(terms.reducedTenderingPeriod
        ? { reducedPeriodGround: terms.reducedTenderingPeriod.ground }
        : {}),
    },
  );
}
