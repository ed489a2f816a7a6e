/**
 * Why a bid may be excluded at compliance, after the UK Procurement Act 2023 (mandatory and
 * discretionary exclusion grounds, Schedules 6–7; conditions of participation, s.22; abnormally low
 * tenders, s.24) and ProZorro's qualification reasons. The text says what exactly failed.
 */
export const EXCLUSION_REASON_CODES = [
  'mandatory-exclusion-ground',
  'discretionary-exclusion-ground',
  'conditions-of-participation-not-met',
  'requirements-not-met',
  'incomplete-submission',
  'abnormally-low-tender',
  'not-reconfirmed-after-amendment',
] as const;
export type ExclusionReasonCode = (typeof EXCLUSION_REASON_CODES)[number];

export const isExclusionReasonCode = (value: unknown): value is ExclusionReasonCode =>
  (EXCLUSION_REASON_CODES as readonly unknown[]).includes(value);
