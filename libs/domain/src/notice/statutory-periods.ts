import type { Jurisdiction, Procedure, ReducedPeriodGround } from '../tender/terms';

/** A statutory minimum tendering period, in calendar days, and the provision that sets it. */
export interface PeriodRule {
  days: number;
  source: string;
}

export interface ProcedureFloors {
  /** The normal minimum, with and without electronic submission of tenders. */
  normal: { electronic: PeriodRule; otherwise: PeriodRule };
  /** The reduced minimum each listed ground allows; a ground not listed here is not available. */
  reduced: Partial<Record<ReducedPeriodGround, PeriodRule>>;
}

const PA = 'Procurement Act 2023';
const DIRECTIVE = 'Directive 2014/24/EU';

/**
 * UK: the tender notice opens a single tendering period in this notice model, for an open procedure
 * and for a competitive flexible procedure alike (Procurement Act 2023 s.54(3)). 25 days where tenders
 * may be submitted electronically and every associated tender document comes with the tender notice (the
 * notice's terms are published whole, at once); longer where tenders cannot all be submitted
 * electronically; 10 days where a qualifying planned procurement notice was published or the authority
 * considers urgency makes a longer period impractical.
 */
const UK_TENDER_NOTICE_PERIOD: ProcedureFloors = {
  normal: {
    electronic: { days: 25, source: `${PA} s.54(3)` },
    otherwise: { days: 30, source: `${PA} s.54(3)` },
  },
  reduced: {
    'planned-procurement-notice': { days: 10, source: `${PA} s.54(3)` },
    urgency: { days: 10, source: `${PA} s.54(3)` },
  },
};

/**
 * The minimum periods per jurisdiction and procedure. A procedure missing from a jurisdiction is one
 * its law does not have: the Procurement Act 2023 s.20(2) knows only the open and the competitive
 * flexible procedure (no restricted procedure); Directive 2014/24/EU Art. 26 has no competitive
 * flexible procedure.
 */
export const STATUTORY_FLOORS: Record<Jurisdiction, Partial<Record<Procedure, ProcedureFloors>>> = {
  'uk-pa-2023': {
    open: UK_TENDER_NOTICE_PERIOD,
    competitive_flexible: UK_TENDER_NOTICE_PERIOD,
  },
  'eu-remedies': {
    open: {
      normal: {
        // Art. 27(1): 35 days from the contract notice; Art. 27(4): 5 days fewer when tenders may be
        // submitted electronically.
        electronic: { days: 30, source: `${DIRECTIVE} Art. 27(1) and (4)` },
        otherwise: { days: 35, source: `${DIRECTIVE} Art. 27(1)` },
      },
      reduced: {
        'prior-information-notice': { days: 15, source: `${DIRECTIVE} Art. 27(2)` },
        urgency: { days: 15, source: `${DIRECTIVE} Art. 27(3)` },
      },
    },
    // The notice model has one period, from the contract notice to the tender deadline, so a restricted
    // procedure must fit both of its stages in it: requests to participate (Art. 28(1): 30 days from the
    // contract notice) and tenders (Art. 28(2): 30 days from the invitation to tender).
    restricted: {
      normal: {
        // Art. 28(5): the tender stage 5 days shorter with electronic submission.
        electronic: { days: 30 + 25, source: `${DIRECTIVE} Art. 28(1), (2) and (5)` },
        otherwise: { days: 30 + 30, source: `${DIRECTIVE} Art. 28(1) and (2)` },
      },
      reduced: {
        // Art. 28(3): the tender stage shortened to 10 days after a prior information notice.
        'prior-information-notice': { days: 30 + 10, source: `${DIRECTIVE} Art. 28(1) and (3)` },
        // Art. 28(6): urgency, at least 15 days for requests (a) and 10 for tenders (b).
        urgency: { days: 15 + 10, source: `${DIRECTIVE} Art. 28(6)` },
      },
    },
  },
};

/**
 * When a planned procurement / prior information notice must have been published, in days before the
 * notice, for it to allow a reduced period.
 */
export const PRIOR_NOTICE_WINDOWS: Partial<
  Record<ReducedPeriodGround, { minDays: number; maxYears: number; source: string }>
> = {
  // A "qualifying" planned procurement notice: published at least 40 days and no more than a year
  // before the tender notice.
  'planned-procurement-notice': {
    minDays: 40,
    maxYears: 1,
    source: `${PA} s.54 (qualifying planned procurement notice)`,
  },
  // Arts. 27(2)(b) and 28(3)(b): sent between 35 days and 12 months before the contract notice.
  'prior-information-notice': {
    minDays: 35,
    maxYears: 1,
    source: `${DIRECTIVE} Arts. 27(2)(b) and 28(3)(b)`,
  },
};
